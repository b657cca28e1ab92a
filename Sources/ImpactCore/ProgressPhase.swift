/// The steps of long work in the order they run, as progress names them to the user: an
/// observation import ends with its rollups, an event import with its case days and case results;
/// a store copy copies rows.
public enum ProgressPhase: String, Sendable {
    case parse, check, merge, rollups
    case caseDays = "case days"
    case caseResults = "case results"
    case copy

    /// Whether the phase counts rows (its steps are rows, shown with a rate), not steps of work.
    public var countsRows: Bool { self == .parse || self == .copy }
}
