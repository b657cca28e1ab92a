import Testing
import TestHarness
@testable import ImpactStatistics

/// Reference values computed with scipy 1.17; the call is in each comment.
@Suite(.scratch) struct StatisticsTests {
    func close(_ a: Double, _ b: Double, relative: Double = 1e-9) -> Bool {
        abs(a - b) <= relative * max(abs(a), abs(b), 1e-300)
    }

    @Test func normal() {
        #expect(close(NormalDistribution.cdf(1.96), 0.9750021048517795))            // stats.norm.cdf(1.96)
        #expect(close(NormalDistribution.quantile(0.975), 1.959963984540054))      // stats.norm.ppf(0.975)
        #expect(close(NormalDistribution.quantile(0.5), 0, relative: 1) && abs(NormalDistribution.quantile(0.5)) < 1e-15)
        for p in [1e-10, 0.001, 0.02, 0.3, 0.7, 0.98, 0.999999] {
            #expect(close(NormalDistribution.cdf(NormalDistribution.quantile(p)), p, relative: 1e-12))
        }
    }

    // stats.binomtest(x2, x1 + x2, t2 / (t1 + t2)).pvalue
    @Test(arguments: [
        (276, 171, 365.0, 365.0, 7.782997865640474e-07),   // West-Brabant onderzoeken 2017 → 2018
        (57, 70, 365, 365, 0.2869146072030987),             // huisverboden
        (63, 70, 365, 365, 0.6030463891288799),             // interventieteam
        (202, 153, 365, 365, 0.010745151320457728),         // casusregie
        (357, 194, 365, 365, 3.6093508795954312e-12),       // ondersteuning
        (3, 9, 1, 1, 0.14599609375),
        (10, 30, 1, 2, 0.3158610128127918),                 // unequal exposure
        (100, 130, 366, 365, 0.04790516147138994),          // leap year against a normal year
    ])
    func poissonRates(count1: Int, count2: Int, exposure1: Double, exposure2: Double, expected: Double) {
        let p = BinomialTest.poissonRates(count1: count1, exposure1: exposure1, count2: count2, exposure2: exposure2)
        #expect(close(p, expected, relative: 1e-6), "\(p) vs \(expected)")
    }

    @Test func binomialEdgeCases() {
        #expect(close(BinomialTest.twoSided(successes: 5, trials: 20, probability: 0.5), 0.04138946533203125))   // binomtest(5, 20, 0.5)
        #expect(close(BinomialTest.twoSided(successes: 0, trials: 4, probability: 0.5), 0.125))
        #expect(close(BinomialTest.twoSided(successes: 15000, trials: 29000, probability: 0.5), 4.4403567887337454e-09, relative: 1e-5))
        #expect(BinomialTest.twoSided(successes: 0, trials: 0, probability: 0.5) == 1)
    }

    @Test func twoProportions() {
        // pooled z: politie share 2017 → 2018
        let police = ProportionComparison.zTest(x1: 6488, n1: 7561, x2: 4702, n2: 6039)!
        #expect(close(police.z, -12.061070462190669))
        #expect(close(police.p, 1.6956454118425503e-33, relative: 1e-6))
        let small = ProportionComparison.zTest(x1: 12, n1: 40, x2: 20, n2: 45)!
        #expect(close(small.p, 0.17008357653458606, relative: 1e-9))
        #expect(ProportionComparison.zTest(x1: 0, n1: 10, x2: 0, n2: 10) == nil)
    }

    @Test func wilsonAndNewcombe() {
        // stats.binomtest(129, 146).proportion_ci(method='wilson')
        let wilson = ProportionComparison.wilson(x: 129, n: 146)
        #expect(close(wilson.low, 0.8214385534626878, relative: 1e-9) && close(wilson.high, 0.9260181309655076, relative: 1e-9))
        let zero = ProportionComparison.wilson(x: 0, n: 10)
        #expect(zero.low == 0 && close(zero.high, 0.27753279986288926, relative: 1e-9))
        // Newcombe (method 10) from scipy's Wilson intervals
        let police = ProportionComparison.newcombe(x1: 6488, n1: 7561, x2: 4702, n2: 6039)
        #expect(close(police.low, -0.09261178258724653, relative: 1e-8) && close(police.high, -0.06641661088289683, relative: 1e-8))
        let small = ProportionComparison.newcombe(x1: 12, n1: 40, x2: 20, n2: 45)
        #expect(close(small.low, -0.06061271836438886, relative: 1e-8) && close(small.high, 0.3312537232219669, relative: 1e-8))
    }
}
