/// Which test stands behind a significance statement.
public enum SignificanceTest: String, Sendable, CaseIterable {
    /// Exact conditional binomial test of two Poisson rates (counts per period length or population).
    case poissonExact = "poisson_exact"
    /// Pooled two-proportion z-test with a Newcombe interval for the difference.
    case twoProportion = "two_proportion"
    /// No sampling model (scores without n, milestones): no test, so never "significant".
    case none
}
