import Foundation

/// Exact tests on counts.
public enum BinomialTest {
    /// Two-sided exact binomial test: the probability of an outcome at most as likely as `successes`
    /// (the "minlike" rule scipy's `binomtest` uses).
    public static func twoSided(successes k: Int, trials n: Int, probability p: Double) -> Double {
        guard n > 0 else { return 1 }
        if p <= 0 { return k == 0 ? 1 : 0 }
        if p >= 1 { return k == n ? 1 : 0 }
        let observed = logProbability(k, n, p)
        let tolerance = 1e-7
        var total = 0.0
        for i in 0...n {
            let value = logProbability(i, n, p)
            if value <= observed + log1p(tolerance) { total += exp(value) }
        }
        return min(1, total)
    }

    static func logProbability(_ k: Int, _ n: Int, _ p: Double) -> Double {
        lgamma(Double(n) + 1) - lgamma(Double(k) + 1) - lgamma(Double(n - k) + 1)
            + Double(k) * log(p) + Double(n - k) * log1p(-p)
    }

    /// Compares two Poisson counts with exposures (period lengths or populations): conditional on the
    /// total, the second count is binomial with p = t2 / (t1 + t2) when the rates are equal.
    public static func poissonRates(count1: Int, exposure1: Double, count2: Int, exposure2: Double) -> Double {
        twoSided(successes: count2, trials: count1 + count2, probability: exposure2 / (exposure1 + exposure2))
    }
}
