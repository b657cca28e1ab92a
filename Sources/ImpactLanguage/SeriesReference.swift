
/// `vt.meldingen[melder = "Politie"]`.
public struct SeriesReference: Sendable {
    public let key: Located<String>
    public let filters: [DimensionFilter]
}
