
/// Aggregates over the observations a cell covers (members and sub-periods).
public enum AggregateFunction: String, CaseIterable, Sendable {
    case sum, count, min, max, avg, last, median
}
