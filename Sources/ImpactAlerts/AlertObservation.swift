/// What one evaluation of a rule's condition found. Missing data is an outcome of its own, so the
/// rule's `no_data` policy decides what it means.
public enum AlertObservation: Sendable, Equatable {
    case active
    case inactive
    case noData
}
