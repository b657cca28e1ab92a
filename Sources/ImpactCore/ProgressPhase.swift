/// The steps of an import in the order they run, as progress names them to the user.
public enum ProgressPhase: String, Sendable {
    case parse, check, merge, rollups
}
