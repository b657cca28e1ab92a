import Foundation
import Testing
import TestHarness
@testable import ImpactCompiler
@testable import ImpactCore
@testable import ImpactEngine
@testable import ImpactLanguage
@testable import ImpactSources
@testable import ImpactStore

/// Case measures on small hand-made event sets: Kaplan–Meier percentiles against values computed
/// independently (scripts/km-reference.py, exact fractions in Python), the edge cases of
/// issue 17, vintages and disclosure control.
@Suite(.scratch) struct CaseMeasureTests {
    static let definitions = """
        cases rc {
          title "cases"
          events melding start einde afsluiting
          term t1 start to einde 10 days
        }
        \(CaseReferenceTests.indicator("p25", "days", "duration(rc, start to einde, p25)"))
        \(CaseReferenceTests.indicator("p50", "days", "duration(rc, start to einde, median)"))
        \(CaseReferenceTests.indicator("p75", "days", "duration(rc, start to einde, p75)"))
        \(CaseReferenceTests.indicator("mean", "days", "duration(rc, start to einde, mean)"))
        \(CaseReferenceTests.indicator("exceed", "percent", "exceeding(rc, t1)"))
        \(CaseReferenceTests.indicator("persons", "persons", "distinct_persons(rc)"))
        \(CaseReferenceTests.indicator("cases", "count", "distinct_cases(rc, melding, start, einde)"))
        \(CaseReferenceTests.indicator("back", "percent", "recurrence(rc, melding, back 1 months)"))
        \(CaseReferenceTests.indicator("forward", "percent",
                                        "recurrence(rc, melding, forward 1 months after afsluiting)"))
        """

    static func event(_ caseID: String, _ type: String, _ date: String, _ geo: String = "GM0758",
                      person: String = "") -> CaseReference.Event {
        CaseReference.Event(caseID: caseID, person: person, role: person.isEmpty ? "" : "kind", type: type,
                            date: CivilDate(iso: date)!, geo: geo, dims: [:])
    }

    /// Events of a type no measure reads on the first and last day of 2018, so the data cover it.
    static let anchors = [event("anchor", "anker", "2018-01-01"), event("anchor", "anker", "2018-12-31")]

    /// A store with `events` (and the anchors) and an evaluator without suppression, cache or rollups.
    static func evaluator(_ events: [CaseReference.Event], anchored: Bool = true) throws -> Evaluator {
        let loaded = DefinitionLoader.load(sources: [SourceFile(path: "cases.ind", text: definitions)])
        precondition(!loaded.hasErrors, "\(loaded.diagnostics)")
        let store = try TestSupport.storeWithGeography()
        try CaseEventFixture.importEvents(events + (anchored ? anchors : []), into: store)
        var evaluator = Evaluator(store: store, definitions: loaded.definitions)
        evaluator.useCache = false
        return evaluator
    }

    static func cell(_ evaluator: Evaluator, _ id: String, geo: String = "VTWB",
                     period: Period = .year(2018)) throws -> IndicatorResult {
        try evaluator.evaluate(id, EvaluationRequest(geos: [geo], periods: [period]))[0]
    }

    /// Spells such as "5 8 8+" in days from a start in 2018, censored ones open at 31 December.
    static func spells(_ text: String) -> [CaseReference.Event] {
        let end = CivilDate(iso: "2018-12-31")!
        var events: [CaseReference.Event] = []
        for (index, item) in text.split(separator: " ").enumerated() {
            let days = Int(item.filter(\.isNumber))!
            if item.hasSuffix("+") {
                events.append(event("s\(index)", "start", end.adding(days: -days).iso))
            } else {
                let start = CivilDate(iso: "2018-02-01")!.adding(days: index)
                events += [event("s\(index)", "start", start.iso),
                           event("s\(index)", "einde", start.adding(days: days).iso)]
            }
        }
        return events
    }

    // Expected values: output of scripts/km-reference.py.
    @Test(arguments: [
        ("5 8 8+ 12 15+ 20 20 30+", [8.0, 20, 20] as [Double?]),
        ("10 20+ 30+ 40+ 50+ 60+", [nil, nil, nil]),
        ("1 2 3 4", [1, 2, 3]),
        ("0 0 3 3+ 7 7 7 9+ 14 21+ 21 40", [3, 7, 21]),
    ])
    func kaplanMeierPercentilesMatchTheIndependentComputation(spells: String, expected: [Double?]) throws {
        let evaluator = try Self.evaluator(Self.spells(spells))
        for (id, value) in zip(["p25", "p50", "p75"], expected) {
            let result = try Self.cell(evaluator, id)
            #expect(result.value == value, "\(id) of \(spells)")
            #expect(result.status == (value == nil ? .notReached : .ok))
            #expect(result.n == Double(spells.split(separator: " ").count))
        }
    }

    @Test func allCensoredHasNoMedianNoMeanAndNoKnownExceedance() throws {
        let evaluator = try Self.evaluator(Self.spells("3+ 5+ 8+"))
        #expect(try Self.cell(evaluator, "p50").status == .notReached)
        #expect(try Self.cell(evaluator, "mean").status == .notAssessable)
        let exceed = try Self.cell(evaluator, "exceed")
        #expect(exceed.status == .followUpIncomplete)
        #expect(exceed.flags.contains("follow_up_incomplete"))
    }

    @Test func sameDayEndIsZeroDaysAndASameDayReportIsNotEarlier() throws {
        let evaluator = try Self.evaluator([
            Self.event("a", "start", "2018-03-01"), Self.event("a", "einde", "2018-03-01"),
            Self.event("b", "melding", "2018-03-01", person: "p"),
            Self.event("c", "melding", "2018-03-01", person: "p"),
        ])
        #expect(try Self.cell(evaluator, "mean").value == 0)
        let back = try Self.cell(evaluator, "back", period: Period(year: 2018, grain: .month, index: 3)!)
        #expect(back.numerator == 0)
        #expect(back.denominator == 2)
    }

    @Test func anEndBeforeTheStartDoesNotEndTheSpell() throws {
        let evaluator = try Self.evaluator([
            Self.event("a", "einde", "2018-03-01"), Self.event("a", "start", "2018-03-05"),
        ])
        let mean = try Self.cell(evaluator, "mean")
        #expect(mean.status == .notAssessable)
        #expect(mean.flags.contains("censored"))
    }

    @Test func aCaseMovingMunicipalityBelongsToItsIndexEventsArea() throws {
        let evaluator = try Self.evaluator([
            Self.event("a", "start", "2018-03-01", "GM0758"), Self.event("a", "einde", "2018-03-21", "GM0744"),
        ])
        #expect(try Self.cell(evaluator, "mean", geo: "GM0758").value == 20)
        #expect(try Self.cell(evaluator, "mean", geo: "GM0744").status == .missing)
        #expect(try Self.cell(evaluator, "cases", geo: "GM0744").value == 1)
        #expect(try Self.cell(evaluator, "cases", geo: "VTWB").value == 1)
    }

    @Test func aPersonInTwoCasesAndTwoMunicipalitiesCountsOnceInTheRegion() throws {
        let evaluator = try Self.evaluator([
            Self.event("a", "melding", "2018-03-01", "GM0758", person: "p"),
            Self.event("b", "melding", "2018-03-20", "GM0744", person: "p"),
        ])
        #expect(try Self.cell(evaluator, "persons", geo: "GM0758").value == 1)
        #expect(try Self.cell(evaluator, "persons", geo: "GM0744").value == 1)
        #expect(try Self.cell(evaluator, "persons", geo: "VTWB").value == 1)
        let back = try Self.cell(evaluator, "back", geo: "GM0744", period: Period(year: 2018, grain: .month, index: 3)!)
        #expect(back.value == 100)
    }

    @Test func periodsOutsideOrAtTheEdgeOfTheDataAreMissingOrIncompleteNotZero() throws {
        let evaluator = try Self.evaluator([
            Self.event("a", "melding", "2018-03-01", person: "p"), Self.event("a", "afsluiting", "2018-12-05"),
        ], anchored: false)
        #expect(try Self.cell(evaluator, "persons", period: .year(2020)).status == .missing)
        #expect(try Self.cell(evaluator, "persons", period: .year(2018)).status == .incomplete)
        let covered = try Self.cell(evaluator, "persons", period: Period(year: 2018, grain: .month, index: 4)!)
        #expect(covered.status == .ok)
        #expect(covered.value == 0)
    }

    @Test func aFollowUpWindowPastTheDataIsNeverNoRecurrence() throws {
        let evaluator = try Self.evaluator([
            Self.event("a", "afsluiting", "2018-12-20", person: "p"), Self.event("z", "melding", "2018-01-01"),
        ])
        let forward = try Self.cell(evaluator, "forward")
        #expect(forward.status == .followUpIncomplete)
        #expect(forward.value == nil)
        let back = try Self.cell(evaluator, "back", period: Period(year: 2018, grain: .month, index: 1)!)
        #expect(back.status == .notAssessable)
    }

    @Test func aCorrectionSupersedesByKeyAndAsOfReadsTheEarlierVintage() throws {
        let evaluator = try Self.evaluator([
            Self.event("a", "melding", "2018-03-01", "GM0758", person: "p"),
        ])
        let store = evaluator.store
        let first = try BatchLog(store: store).latest()!
        let correction = Self.event("a", "melding", "2018-03-01", "GM0744", person: "p")
        try CaseEventFixture.importEvents([correction], into: store)
        #expect(try Self.cell(evaluator, "persons", geo: "GM0758").value == 0)
        #expect(try Self.cell(evaluator, "persons", geo: "GM0744").value == 1)
        let asOf = EvaluationRequest(geos: ["GM0758"], periods: [.year(2018)], vintage: .asOfBatch(first))
        #expect(try evaluator.evaluate("persons", asOf)[0].value == 1)
        #expect(try store.database.scalarInt("SELECT count(*) FROM case_event WHERE superseded_by IS NOT NULL") == 1)
    }

    @Test func smallCaseCountsAndDurationsOfFewCasesAreSuppressedWithTheirComplements() throws {
        var events: [CaseReference.Event] = []
        for index in 0..<3 {
            events += [Self.event("s\(index)", "start", "2018-02-0\(index + 1)", "GM0744"),
                       Self.event("s\(index)", "einde", "2018-03-0\(index + 1)", "GM0744")]
        }
        for index in 0..<12 {
            events += [Self.event("t\(index)", "start", "2018-04-01", "GM0758"),
                       Self.event("t\(index)", "einde", "2018-04-\(10 + index)", "GM0758")]
        }
        let publication = try Publication(evaluator: try Self.evaluator(events))
        let request = EvaluationRequest(geos: ["GM0744", "GM0758", "VTWB"], periods: [.year(2018)])
        let medians = try publication.evaluate("p50", request)
        #expect(medians[0].status == .suppressed)
        #expect(medians[1].value == 14)
        let members = publication.geography.members(of: "VTWB", on: CivilDate(iso: "2018-06-01")!)
        let region = EvaluationRequest(geos: ["VTWB"] + members, periods: [.year(2018)])
        let cases = try publication.evaluate("cases", region)
        #expect(cases.first { $0.geo == "GM0744" }?.status == .suppressed)
        #expect(cases.filter { $0.status == .suppressed }.count >= 2, "a complement hides GM0744's 3 cases")
    }

    /// The synthetic fixture keeps the seed figures it is generated from (fixtures/cases/README.md).
    @Test func theSyntheticFixtureIsCalibratedToTheSeedFigures() throws {
        let text = """
            cases wb {
              title "wb"
              source "vt_casus_wb"
              events melding start_onderzoek einde_onderzoek
              term onderzoek start_onderzoek to einde_onderzoek 10 weeks
            }
            cases mb {
              title "mb"
              source "vt_casus_mb"
              events melding
            }
            \(CaseReferenceTests.indicator("meldingen", "count", "distinct_cases(wb, melding)"))
            \(CaseReferenceTests.indicator("kinderen", "persons", "distinct_persons(mb[role = \"kind\"])"))
            \(CaseReferenceTests.indicator("termijn", "percent", "exceeding(wb, onderzoek)"))
            """
        let loaded = DefinitionLoader.load(sources: [SourceFile(path: "fixture.ind", text: text)])
        #expect(!loaded.hasErrors, "\(loaded.diagnostics)")
        let store = try TestSupport.storeWithGeography()
        let key = try PseudonymKey(bytes: Array("calibration-test-key-of-at-least-32-bytes".utf8))
        for (source, folder) in [("vt_casus_wb", "west-brabant"), ("vt_casus_mb", "midden-brabant")] {
            let folder = TestSupport.fixtures + "/cases/" + folder
            let delivery = CaseEventDelivery(source: source, inputs: [folder], key: key)
            #expect(try delivery.run(into: store).batchID != nil)
        }
        var evaluator = Evaluator(store: store, definitions: loaded.definitions)
        evaluator.useCache = false
        #expect(try Self.cell(evaluator, "meldingen", period: .year(2017)).value == 7561)
        #expect(try Self.cell(evaluator, "meldingen", period: .year(2018)).value == 6039)
        let children = try Self.cell(evaluator, "kinderen", geo: "VTMB", period: .year(2017)).value ?? 0
        #expect(abs(children - 2907) / 2907 < 0.02, "unique children \(children)")
        let pastTerm = try Self.cell(evaluator, "termijn", period: .year(2017)).value ?? 0
        #expect(abs(pastTerm - 78) < 3, "investigations past the term \(pastTerm) %")
    }
}
