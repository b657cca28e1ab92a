/// The steps of an import in the order they run, as progress names them to the user: an
/// observation import ends with its rollups, an event import with its case days and case results.
public enum ProgressPhase: String, Sendable {
    case parse, check, merge, rollups
    case caseDays = "case days"
    case caseResults = "case results"
}
