import Foundation
import Testing
import TestHarness
@testable import ImpactCompiler
@testable import ImpactCore
@testable import ImpactLanguage
@testable import ImpactStore

/// The syntax of `cases` blocks and case measures: what parses, what it plans to, and one
/// diagnostic per mistake at the place to fix.
@Suite(.scratch) struct CaseLanguageTests {
    static let cases = """
        cases vt_casus {
          title "Casussen"
          events melding, start_onderzoek einde_onderzoek afsluiting
          dimension leeftijd { "0-3" "4-11" = ["4-7", "8-11"] }
          term onderzoek start_onderzoek to einde_onderzoek 10 weeks
          synthetic "generated"
          min_cell 10
        }

        """

    static func codes(_ value: String, unit: String = "percent") -> [DiagnosticCode] {
        let text = cases + CaseReferenceTests.indicator("x", unit, value) + "\n"
        return DefinitionLoader.load(sources: [SourceFile(path: "t.ind", text: text)]).diagnostics.map(\.code)
    }

    static func plan(_ value: String, unit: String) throws -> CasePlan {
        let text = cases + CaseReferenceTests.indicator("x", unit, value) + "\n"
        let loaded = DefinitionLoader.load(sources: [SourceFile(path: "t.ind", text: text)])
        #expect(!loaded.hasErrors, "\(loaded.diagnostics)")
        return try Planner(definitions: loaded.definitions).plan("x").cases!
    }

    @Test func everyMeasurePlansWithItsTermsAndAliases() throws {
        let exceeding = try Self.plan("exceeding(vt_casus, onderzoek)", unit: "percent")
        #expect(exceeding.measure == .exceeding(start: "start_onderzoek", end: "einde_onderzoek", days: 70))
        #expect(exceeding.synthetic == "generated")
        #expect(exceeding.minimumCell == 10)
        let persons = try Self.plan("distinct_persons(vt_casus[leeftijd = \"4-11\"], melding)", unit: "persons")
        #expect(persons.filters == [PlanFilter(dimension: "leeftijd", values: ["4-11", "4-7", "8-11"], negated: false)])
        #expect(try Self.plan("recurrence(vt_casus, melding, forward 6 months after afsluiting by case)",
                              unit: "percent").measure
                    == .recurrenceForward(event: "melding", months: 6, after: "afsluiting", byPerson: false))
        #expect(try Self.plan("duration(vt_casus, onderzoek, p90)", unit: "days").measure
                    == .duration(start: "start_onderzoek", end: "einde_onderzoek", statistic: .percentile(90)))
    }

    @Test(arguments: [
        ("recurrence(vt_zaken, melding, back 12 months)", "percent", DiagnosticCode.unknownCases),
        ("distinct_cases(vt_casus, meldin)", "count", .unknownEvent),
        ("100 - exceeding(vt_casus, onderzoek)", "percent", .caseMeasureNotWhole),
        ("exceeding(vt_casus, onderzoeken)", "percent", .unknownTerm),
        ("duration(vt_casus, onderzoek, p100)", "days", .invalidDurationStatistic),
        ("recurrence(vt_casus, melding, sideways 3 months)", "percent", .expectedCaseWindow),
        ("distinct_persons(vt_casus[rol = \"kind\"])", "persons", .unknownCaseFilter),
        ("distinct_persons(vt_casus)", "count", .unitMismatch),
    ])
    func mistakesInMeasuresAreOneDiagnosticEach(value: String, unit: String, code: DiagnosticCode) {
        #expect(Self.codes(value, unit: unit) == [code])
    }

    @Test func aCasesBlockNeedsEventsAndKnownEventsInItsTerms() {
        let text = "cases c {\n  title \"C\"\n  term t a to b 3 fortnights\n}\ncases d {\n  events a\n  title \"D\"\n"
            + "  term t a to b 3 days\n}\n"
        let codes = DefinitionLoader.load(sources: [SourceFile(path: "t.ind", text: text)]).diagnostics.map(\.code)
        #expect(codes == [.casesMissingField, .expectedTimeUnit, .unknownEvent])
    }

    @Test func aDeliveryWithAnotherPseudonymKeyIsRefused() throws {
        let store = try TestSupport.storeWithGeography()
        let event = CaseEventRecord(caseKey: "k", personKey: "", role: "", event: "melding",
                                    date: CivilDate(iso: "2018-01-01")!, geo: "GM0758", dimensions: [:], file: "f",
                                    line: 2)
        func deliver(_ check: String, _ record: CaseEventRecord) throws -> ImportResult {
            try CaseEventImport(store: store, source: "s", origin: "f", sha256: check, keyCheck: check).run { _, emit in
                try emit(record)
                return 1
            }
        }
        #expect(try deliver("one", event).batchID != nil)
        var later = event
        later.event = "afsluiting"
        #expect(try deliver("two", later).diagnostics.map(\.code) == [.pseudonymKeyChanged])
        #expect(try deliver("one", later).batchID != nil)
        #expect(try deliver("one", later).unchanged)
    }
}
