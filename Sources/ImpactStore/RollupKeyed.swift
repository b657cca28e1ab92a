import ImpactCore

/// A row of a rollup table: keyed, after the series, by period, dimensions and area, so
/// `RollupKeyOrder` can sort rollups and member statistics alike.
protocol RollupKeyed {
    var period: Period { get }
    var dims: String { get }
    var geo: String { get }
}

extension RollupCell: RollupKeyed {}
extension MemberStatisticsCell: RollupKeyed {}
