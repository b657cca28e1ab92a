import ImpactCore

public struct SeriesBreak: Sendable {
    public let date: CivilDate
    public let note: String
    public let range: SourceRange
}
