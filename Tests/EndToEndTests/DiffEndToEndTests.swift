import Foundation
import Testing
import TestHarness

@Suite(.scratch) struct DiffEndToEndTests {
    func demoStore() throws -> String {
        let store = ImpactBinary.temporaryDirectory() + "/diff.sqlite"
        #expect(try DemoStore.copy(to: store))
        return store
    }

    @Test func westBrabantDiffInDutchWithVerdicts() throws {
        let store = try demoStore()
        let result = try ImpactBinary.run(["diff", "2017", "2018", "--store", store, "--geo", "VTWB", "--indicator", "wb_onderzoeken", "--indicator", "wb_politie_aandeel"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("▲ improved"))
        #expect(result.stdout.contains("-38 %"))
        #expect(result.stdout.contains("< 0,0001"))
        // Values in their indicator's decimals (a percentage: one), as the report prints them.
        #expect(result.stdout.contains(" 85,8     77,9    -7,9  -9,3 %"), "\(result.stdout)")
        let dutch = try ImpactBinary.run(["diff", "2017", "2018", "--store", store, "--geo", "VTWB", "--indicator",
                                          "wb_politie_aandeel", "--indicator", "wb_adviezen_per_melding", "--lang", "nl"])
        #expect(dutch.stdout.contains(" \u{2212}7,9  \u{2212}9,3 % ") && dutch.stdout.contains(" 0,370 ")
                && dutch.stdout.range(of: "-[0-9]", options: .regularExpression) == nil,
                "a real minus sign and three decimals for a ratio: \(dutch.stdout)")
        let csv = try ImpactBinary.run(["diff", "2017", "2018", "--store", store, "--geo", "VTWB", "--indicator", "wb_huisverboden", "--format", "csv"])
        #expect(csv.stdout.contains("wb_huisverboden,VTWB,2017,2018,57,70,13,0.22807017543859648,unchanged,poisson_exact,0.2869146072031002,,,no,,provisional"))
    }

    @Test func notComparableAndUsageErrors() throws {
        let store = try demoStore()
        let halfYear = try ImpactBinary.run(["diff", "2017", "2018-H1", "--store", store, "--geo", "VTMB", "--indicator", "hvb_out1_advies_aandeel", "--format", "json"])
        #expect(halfYear.stdout.contains("\"verdict\": \"not_comparable\""))
        #expect(halfYear.stdout.contains("different period lengths"))
        let badPeriod = try ImpactBinary.run(["diff", "2017", "2018-Q5", "--store", store])
        #expect(badPeriod.status == 64 && badPeriod.stderr.contains("invalid period '2018-Q5'"))
        let badConfidence = try ImpactBinary.run(["diff", "2017", "2018", "--store", store, "--confidence", "95"])
        #expect(badConfidence.status == 64 && badConfidence.stderr.contains("between 0.5 and 1"))
    }

    @Test func suppressionAndItsOverride() throws {
        let store = try demoStore()
        let protected = try ImpactBinary.run(["eval", "--store", store, "--geo", "GM1655", "--period", "2018", "--indicator", "wb_huisverboden", "--format", "csv"])
        #expect(protected.stdout.contains("wb_huisverboden,GM1655,2018,,,,,suppressed,provisional|small_cell"))
        let unprotected = try ImpactBinary.run(["eval", "--store", store, "--geo", "GM1655", "--period", "2018", "--indicator", "wb_huisverboden", "--no-suppress"])
        #expect(unprotected.stdout.contains("NOT DISCLOSURE-CONTROLLED"))
        #expect(unprotected.stdout.contains("not_disclosure_controlled"))
    }
}
