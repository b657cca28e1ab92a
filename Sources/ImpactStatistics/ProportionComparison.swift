import Foundation

/// Comparing two proportions x1/n1 and x2/n2 (shares of counts, survey percentages with n).
public enum ProportionComparison {
    /// Pooled two-proportion z-test: (z, two-sided p).
    public static func zTest(x1: Double, n1: Double, x2: Double, n2: Double) -> (z: Double, p: Double)? {
        guard n1 > 0, n2 > 0 else { return nil }
        let pooled = (x1 + x2) / (n1 + n2)
        let standardError = (pooled * (1 - pooled) * (1 / n1 + 1 / n2)).squareRoot()
        guard standardError > 0 else { return nil }
        let z = (x2 / n2 - x1 / n1) / standardError
        return (z, 2 * NormalDistribution.survival(abs(z)))
    }

    /// Wilson score interval for x/n.
    public static func wilson(x: Double, n: Double, confidence: Double = 0.95) -> (low: Double, high: Double) {
        let z = NormalDistribution.quantile(1 - (1 - confidence) / 2)
        let p = x / n
        let denominator = 1 + z * z / n
        let centre = (p + z * z / (2 * n)) / denominator
        let half = z * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot() / denominator
        // At x = 0 or x = n the bound is exactly 0 or 1; rounding must not move it.
        return (x == 0 ? 0 : max(0, centre - half), x == n ? 1 : min(1, centre + half))
    }

    /// Newcombe's hybrid score interval for the difference p2 − p1 (method 10).
    public static func newcombe(x1: Double, n1: Double, x2: Double, n2: Double,
                                confidence: Double = 0.95) -> (low: Double, high: Double) {
        let p1 = x1 / n1, p2 = x2 / n2
        let (l1, u1) = wilson(x: x1, n: n1, confidence: confidence)
        let (l2, u2) = wilson(x: x2, n: n2, confidence: confidence)
        let difference = p2 - p1
        return (difference - ((p2 - l2) * (p2 - l2) + (u1 - p1) * (u1 - p1)).squareRoot(),
                difference + ((u2 - p2) * (u2 - p2) + (p1 - l1) * (p1 - l1)).squareRoot())
    }
}
