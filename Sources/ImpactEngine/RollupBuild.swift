import ImpactStore

/// What `RollupBuilder` makes of a series-year: the rollup rows and the regions' comparisons across
/// their members, written together.
public struct RollupBuild: Sendable {
    public var cells: [RollupCell] = []
    public var memberStatistics: [MemberStatisticsCell] = []
}
