/// One disclosure-controlled municipal figure as `impact publish` wrote it: the columns of an
/// evaluated row, so a reader who may not see the municipality's observations gets the same row.
public struct PublishedFigure: Sendable, Equatable {
    public let indicator: String
    public let geo: String
    public let period: String
    public let value: Double?
    public let numerator: Double?
    public let denominator: Double?
    public let n: Double?
    public let status: String
    public let flags: [String]

    public init(indicator: String, geo: String, period: String, value: Double?, numerator: Double?,
                denominator: Double?, n: Double?, status: String, flags: [String]) {
        self.indicator = indicator
        self.geo = geo
        self.period = period
        self.value = value
        self.numerator = numerator
        self.denominator = denominator
        self.n = n
        self.status = status
        self.flags = flags
    }

    /// The key a published figure replaces and a reader looks up.
    public struct Key: Hashable, Sendable {
        public let indicator: String
        public let geo: String
        public let period: String

        public init(indicator: String, geo: String, period: String) {
            self.indicator = indicator
            self.geo = geo
            self.period = period
        }
    }

    public var key: Key { Key(indicator: indicator, geo: geo, period: period) }
}
