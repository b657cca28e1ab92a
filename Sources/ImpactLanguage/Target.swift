import ImpactCore

/// `target 2021 >= 0.6` (for a period) or `target by 2020-12-31 >= 100` (a deadline).
public struct Target: Sendable {
    public enum When: Sendable, Equatable {
        case period(Period)
        case deadline(CivilDate)
    }
    public let when: When
    public let comparison: Comparison
    public let value: Double
    public let range: SourceRange
}
