
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
    /// A measure over case events; only ever the whole value of an indicator.
    case caseMeasure(CaseMeasure)
}
