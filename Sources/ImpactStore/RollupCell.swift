import ImpactCore

/// One rollup row: what the evaluator's cell expression gives for a series, dimensions, area and
/// period.
public struct RollupCell: Equatable, Sendable {
    public var dims: String
    public var geo: String
    public var period: Period
    public var value: Double?
    public var n: Double?
    public var provisional: Bool
    public var suppressed: Bool
    public var complete: Bool
    public var partial: Bool
    public var direct: Bool

    public init(dims: String, geo: String, period: Period, value: Double?, n: Double?, provisional: Bool,
                suppressed: Bool, complete: Bool, partial: Bool, direct: Bool) {
        self.dims = dims
        self.geo = geo
        self.period = period
        self.value = value
        self.n = n
        self.provisional = provisional
        self.suppressed = suppressed
        self.complete = complete
        self.partial = partial
        self.direct = direct
    }
}
