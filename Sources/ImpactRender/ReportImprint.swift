/// What a printed copy says about itself in its footer: which `impact` made it and on which day.
public struct ReportImprint: Sendable {
    public let version: String
    /// ISO date (`2026-11-30`).
    public let date: String

    public init(version: String, date: String) {
        self.version = version
        self.date = date
    }
}
