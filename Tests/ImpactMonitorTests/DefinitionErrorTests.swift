import Testing
import TestHarness
@testable import ImpactCore
@testable import ImpactLanguage

/// Mistakes in definitions get one diagnostic each, at the place to fix, saying what is wrong.
@Suite(.scratch) struct DefinitionErrorTests {
    @Test(arguments: ["2021-S1", "2021/22"])
    func aMalformedTargetPeriodIsReportedAsAPeriod(period: String) {
        let found = diagnose(indicator("vt.adviezen / vt.meldingen", extra: "  target \(period) >= 3\n"))
        #expect(found.map(\.reported) == [Reported(.invalidPeriod, 7, 10)])
        #expect(found.first?.message == "invalid period '\(period)': " + Period.forms, "\(found)")
    }

    @Test func aMalformedGatePeriodIsReportedWhole() {
        let found = diagnose("source csv {\n  expect periods 2017 2018-S2\n}\n")
        #expect(found.map(\.reported) == [Reported(.invalidPeriod, 2, 23)])
    }

    @Test func periodsOfNoKnownFormListTheForms() {
        for text in ["2018-S1", "2018/19", "2018-"] {
            #expect(throws: PeriodError(text: text, reason: Period.forms)) { try Period.parse(text) }
        }
    }

    @Test func anUnknownUnitIsOneErrorWithASuggestion() {
        let found = diagnose(indicator("vt.meldingen per 1000 pop.inwoners", unit: "per_1000"))
        #expect(found.map(\.reported) == [Reported(.unknownChoice, 4, 8)])
        #expect(found.first?.hint?.hasPrefix("did you mean 'rate_per_1000'?") == true, "\(found)")
    }

    @Test func aBrokenValueIsNotAlsoReportedMissing() {
        #expect(reported(indicator("vt.meldingen +")).map(\.code) == [.expectedOperand])
    }

    @Test func anUnclosedBlockIsReportedAtItsBrace() {
        let text = indicator("vt.adviezen / vt.meldingen").replacingOccurrences(of: "\n}", with: "\n")
            + "\nindicator y {\n  title \"Y\"\n  criterion output\n  unit ratio\n  better higher\n"
            + "  value vt.adviezen / vt.meldingen\n}\n"
        let found = diagnose(text)
        #expect(found.map(\.reported) == [Reported(.unclosedBlock, 1, 13)], "\(found)")
        #expect(found.first?.message == "the indicator 'x' opened here is not closed")
        let atEnd = diagnose("series vt.x {\n  title \"X\"\n  unit count\n  dimension d {\n    \"a\"\n")
        #expect(atEnd.map(\.reported) == [Reported(.unclosedBlock, 1, 13)], "\(atEnd)")
    }
}
