/// What a rule remembers between evaluations.
public struct AlertMemory: Sendable, Equatable {
    public var state: AlertState = .ok
    /// Consecutive periods the condition held.
    public var activeCount = 0
    /// Consecutive periods it did not hold while firing (for `keep_firing`).
    public var inactiveCount = 0

    public init(state: AlertState = .ok, activeCount: Int = 0, inactiveCount: Int = 0) {
        self.state = state
        self.activeCount = activeCount
        self.inactiveCount = inactiveCount
    }
}
