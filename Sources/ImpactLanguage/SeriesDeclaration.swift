
/// `series vt.meldingen { … }`: what a stored series means and how it may be combined — its unit,
/// how it adds up over time and over areas, its dimensions with their aliases, its disclosure
/// threshold and declared breaks. Every input of an indicator resolves to one of these, so the
/// checker can refuse, say, summing a survey percentage over municipalities.
public struct SeriesDeclaration: Sendable {
    public let key: Located<String>
    public var title: String?
    public var unit: Located<Unit>?
    public var time: TimeAggregation = .sum
    public var geo: GeoAggregation = .sum
    public var dimensions: [DimensionDeclaration] = []
    public var minimumCell: Int?
    public var breaks: [SeriesBreak] = []
    public var source: String?
    public var description: String?
    /// Every field written in the block, even one whose value had an error (see `IndicatorDeclaration`).
    public var writtenFields: Set<String> = []

    public func dimension(_ name: String) -> DimensionDeclaration? { dimensions.first { $0.name.value == name } }
}
