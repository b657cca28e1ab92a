/// The state of one rule for one area.
public enum AlertState: String, Sendable, CaseIterable {
    case ok, pending, firing, resolved
    case noData = "no_data"
}
