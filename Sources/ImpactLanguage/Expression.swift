import ImpactCore

/// A value expression with its source range.
public indirect enum ExpressionKind: Sendable {
    case number(Double)
    case series(SeriesReference)
    case indicator(String)
    case aggregate(AggregateFunction, SeriesReference)
    case binary(BinaryOperator, Expression, Expression)
    case negate(Expression)
    /// `pct(a, b)`: 100 · a / b, unit percent.
    case percent(Expression, Expression)
    /// `a per 1000 b`: a / b · 1000, unit rate per 1000.
    case per(Expression, Double, Expression)
    case coalesce([Expression])
    case shift(PeriodShift, Expression)
}

/// A value expression as written, with its source range for diagnostics: series references with
/// filters, aggregates, arithmetic, `pct`, `per`, `coalesce`, indicator references and period
/// shifts. The checker types it by unit; the planner lowers it to a `PlanExpression`.
public struct Expression: Sendable {
    public let kind: ExpressionKind
    public let range: SourceRange
}

public enum BinaryOperator: String, Sendable { case add = "+", subtract = "-", multiply = "*", divide = "/" }

/// Aggregates over the observations a cell covers (members and sub-periods).
public enum AggregateFunction: String, CaseIterable, Sendable {
    case sum, count, min, max, avg, last, median
}

/// `previous(x)`, `last_year(x)`, `lag(x, n)`: read the inputs of `x` from an earlier period.
public struct PeriodShift: Hashable, Sendable {
    /// Periods of the requested grain to step back.
    public var periods: Int
    /// Whole years to step back (same period last year).
    public var years: Int

    public static let none = PeriodShift(periods: 0, years: 0)

    public func combined(with other: PeriodShift) -> PeriodShift {
        PeriodShift(periods: periods + other.periods, years: years + other.years)
    }

    public func apply(to period: Period) -> Period {
        var shifted = period.shifted(by: -periods)
        for _ in 0..<years { shifted = shifted.sameLastYear }
        return shifted
    }
}

public struct DimensionFilter: Sendable {
    public enum Operator: String, Sendable { case equal = "=", notEqual = "!=", within = "in", notWithin = "not in" }
    public let dimension: Located<String>
    public let op: Operator
    public let values: [Located<String>]
}

/// `vt.meldingen[melder = "Politie"]`.
public struct SeriesReference: Sendable {
    public let key: Located<String>
    public let filters: [DimensionFilter]
}
