import ImpactCore

/// A region's comparison across its real member areas for one series, dimensions and period, as
/// the evaluator's member statistics compute it from the members' figures: kept at import so a
/// median or maximum reads one row per cell, as a sum does. Only for regions where at least one
/// member has a figure.
public struct MemberStatisticsCell: Equatable, Sendable {
    public var dims: String
    public var geo: String
    public var period: Period
    /// Real member areas during the period, with or without a figure.
    public var members: Int
    /// Members with a complete figure that has a value.
    public var compared: Int
    public var n: Double?
    public var provisional: Bool
    public var suppressed: Bool
    /// Every member with a figure has it for the whole period.
    public var complete: Bool
    /// Over the values of the members with a figure (the evaluator publishes them only when `complete`).
    public var mean: Double?
    public var median: Double?
    public var minimum: Double?
    public var maximum: Double?

    public init(dims: String, geo: String, period: Period, members: Int, compared: Int, n: Double?,
                provisional: Bool, suppressed: Bool, complete: Bool, mean: Double?, median: Double?,
                minimum: Double?, maximum: Double?) {
        self.dims = dims
        self.geo = geo
        self.period = period
        self.members = members
        self.compared = compared
        self.n = n
        self.provisional = provisional
        self.suppressed = suppressed
        self.complete = complete
        self.mean = mean
        self.median = median
        self.minimum = minimum
        self.maximum = maximum
    }
}
