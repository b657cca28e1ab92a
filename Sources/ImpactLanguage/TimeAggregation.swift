
/// How a series combines over months into quarters and years.
public enum TimeAggregation: String, CaseIterable, Sendable {
    /// Flows: events per period add up.
    case sum
    /// Stocks such as population: the value at the end of the period.
    case last
    /// Stocks averaged over the period.
    case average
    /// Survey percentages: the mean weighted by the number of respondents.
    case weighted
    /// Distinct persons: never combined; only figures delivered for exactly the period count.
    case none
}
