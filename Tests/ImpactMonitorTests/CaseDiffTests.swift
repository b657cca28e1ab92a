import Foundation
import Testing
import TestHarness
@testable import ImpactCore
@testable import ImpactEngine
@testable import ImpactLanguage
@testable import ImpactStore

/// Diffs of case measures: which test each gets, and what a boundary change (Aalburg, Werkendam
/// and Woudrichem became Altena on 1 January 2019) does to them.
@Suite(.scratch) struct CaseDiffTests {
    static let definitions = """
        cases rc {
          title "cases"
          events melding start einde afsluiting
          term t1 start to einde 10 days
          min_cell 1
        }
        \(CaseReferenceTests.indicator("persons", "persons", "distinct_persons(rc, melding)"))
        \(CaseReferenceTests.indicator("cases", "count", "distinct_cases(rc, melding)"))
        \(CaseReferenceTests.indicator("back", "percent", "recurrence(rc, melding, back 12 months by person)"))
        \(CaseReferenceTests.indicator("median", "days", "duration(rc, start to einde, median)"))
        """

    static func event(_ caseID: String, _ type: String, _ date: String, _ geo: String,
                      person: String = "") -> CaseReference.Event {
        CaseReference.Event(caseID: caseID, person: person, role: person.isEmpty ? "" : "kind", type: type,
                            date: CivilDate(iso: date)!, geo: geo, dims: [:])
    }

    /// 2018 in the three old municipalities, 2019 in Altena. Person p2 is reported in Aalburg and
    /// in Werkendam: three distinct persons in the union of 2018, four in the sum of its parts.
    static let events = [
        event("a17", "melding", "2017-01-05", "GM0738", person: "p1"),
        event("a18", "melding", "2018-01-03", "GM0738", person: "p1"),
        event("a18", "melding", "2018-01-03", "GM0738", person: "p2"),
        event("a18", "start", "2018-01-04", "GM0738"), event("a18", "einde", "2018-01-14", "GM0738"),
        event("b18", "melding", "2018-03-01", "GM0870", person: "p2"),
        event("b18", "start", "2018-03-02", "GM0870"), event("b18", "einde", "2018-03-22", "GM0870"),
        event("c18", "melding", "2018-06-01", "GM0874", person: "p3"),
        event("d19", "melding", "2019-02-01", "GM1959", person: "p4"),
        event("e19", "melding", "2019-05-01", "GM1959", person: "p3"),
        event("f19", "melding", "2019-06-01", "GM1959", person: "p5"),
        event("f19", "start", "2019-06-02", "GM1959"), event("f19", "einde", "2019-06-12", "GM1959"),
        event("f19", "afsluiting", "2019-12-31", "GM1959"),
    ]

    static func diff(_ id: String, geo: String = "GM1959") throws -> DiffResult {
        let loaded = DefinitionLoader.load(sources: [SourceFile(path: "cases.ind", text: definitions)])
        precondition(!loaded.hasErrors, "\(loaded.diagnostics)")
        let store = try TestSupport.storeWithGeography()
        try CaseEventFixture.importEvents(events, into: store)
        let publication = try Publication(evaluator: Evaluator(store: store, definitions: loaded.definitions))
        return try PeriodDiff(publication: publication).diff(id, geos: [geo], from: .year(2018), to: .year(2019))[0]
    }

    /// Summing the parts would give 4 persons for 2018 where the merged area had 3: not comparable.
    @Test(arguments: ["persons", "cases"])
    func distinctCountsAreNeverSummedAcrossABoundaryChange(id: String) throws {
        let result = try Self.diff(id)
        #expect(result.verdict == .notComparable, "\(result)")
        #expect(result.valueA == nil && result.valueB == 3)
        #expect(result.test == .none && result.significant == nil)
        let reason = try #require(result.reason)
        #expect(reason.contains("distinct \(id) are not additive: one with events in two of the merged areas "
                                + "would count twice"), "\(reason)")
    }

    /// Each case counts in the area of its index event, so a share's numerators and denominators add
    /// up: 2018 is 2 recurrent of 3 cases in the three areas (a18 via p1, b18 via p2), 2019 1 of 3.
    @Test func caseSharesAreMappedThroughTheirNumeratorsAndDenominators() throws {
        let result = try Self.diff("back")
        #expect(result.flags.contains("boundary_mapped"), "\(result)")
        #expect(abs((result.valueA ?? 0) - 200.0 / 3) < 1e-9, "\(result)")
        #expect(abs((result.valueB ?? 0) - 100.0 / 3) < 1e-9, "\(result)")
        #expect(result.test == .twoProportion && result.verdict == .unchanged)
    }

    @Test func aMedianDurationIsNotMappedAndNeverTested() throws {
        let result = try Self.diff("median")
        #expect(result.verdict == .notComparable && result.valueA == nil && result.valueB == 10)
        #expect(result.reason?.contains("a duration statistic cannot be combined") == true, "\(result)")
        #expect(result.test == .none)
    }

    /// Distinct counts are counts: the exact Poisson rate test over the periods' days (docs/diff.md);
    /// a median has no sampling model here, so no test.
    @Test func distinctCountsGetThePoissonTestAndDurationsNone() throws {
        let persons = try Self.diff("persons", geo: "VTWB")
        #expect(persons.test == .poissonExact && persons.valueA == 3 && persons.valueB == 3, "\(persons)")
        #expect(persons.verdict == .unchanged)
        let median = try Self.diff("median", geo: "VTWB")
        #expect(median.valueA == 10 && median.valueB == 10 && median.test == .none, "\(median)")
        #expect(median.flags.contains("untested"))
    }
}
