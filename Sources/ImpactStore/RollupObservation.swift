import ImpactCore

/// One current observation as the rollup builder reads it.
public struct RollupObservation: Sendable {
    public var dims: String
    public var unit: String
    public var period: Period
    public var value: Double?
    public var n: Double?
    public var provisional: Bool
    public var suppressed: Bool

    public init(dims: String, unit: String, period: Period, value: Double?, n: Double?, provisional: Bool,
                suppressed: Bool) {
        self.dims = dims
        self.unit = unit
        self.period = period
        self.value = value
        self.n = n
        self.provisional = provisional
        self.suppressed = suppressed
    }
}
