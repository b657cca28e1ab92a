import ImpactCore

/// One observation as a data source delivers it, before the store assigns ids and vintages.
public struct ObservationRecord: Sendable, Equatable {
    public var series: String
    public var geo: String
    public var period: Period
    /// Dimension name → value; a dimension that is absent means "total over that dimension".
    public var dimensions: [String: String]
    /// nil means missing — never read as zero.
    public var value: Double?
    public var n: Double?
    public var provisional: Bool
    public var suppressed: Bool
    /// Where the record came from, for diagnostics raised after parsing (unknown geo, duplicates).
    public var location: SourceLocation

    public init(series: String, geo: String, period: Period, dimensions: [String: String] = [:], value: Double?,
                n: Double? = nil, provisional: Bool = false, suppressed: Bool = false, location: SourceLocation) {
        self.series = series
        self.geo = geo
        self.period = period
        self.dimensions = dimensions
        self.value = value
        self.n = n
        self.provisional = provisional
        self.suppressed = suppressed
        self.location = location
    }

    /// Canonical JSON of the dimensions with sorted keys, so equal keys compare equal in SQL.
    public var dimensionsJSON: String {
        JSONText.object(dimensions)
    }

    public var dimensionKeys: String { dimensions.keys.sorted().joined(separator: ",") }
}
