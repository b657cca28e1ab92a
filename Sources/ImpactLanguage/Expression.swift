import ImpactCore

/// A value expression as written, with its source range for diagnostics: series references with
/// filters, aggregates, arithmetic, `pct`, `per`, `coalesce`, indicator references and period
/// shifts. The checker types it by unit; the planner lowers it to a `PlanExpression`.
public struct Expression: Sendable {
    public let kind: ExpressionKind
    public let range: SourceRange
}
