import ImpactCore

/// A change of an alert's state, as recorded and notified.
public struct AlertTransition: Sendable, Equatable {
    public var id: Int?
    public let indicator: String
    public let rule: String
    public let geo: String
    public let period: String
    public let from: AlertState
    public let to: AlertState
    public let value: Double?
    public let batch: Int?
    public let at: String

    package init(id: Int? = nil, indicator: String, rule: String, geo: String, period: String, from: AlertState,
                 to: AlertState, value: Double?, batch: Int?, at: String) {
        self.id = id
        self.indicator = indicator
        self.rule = rule
        self.geo = geo
        self.period = period
        self.from = from
        self.to = to
        self.value = value
        self.batch = batch
        self.at = at
    }
}
