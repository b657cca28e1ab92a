import Foundation
import Testing
import TestHarness
@testable import ImpactCompiler
@testable import ImpactCore
@testable import ImpactEngine
@testable import ImpactLanguage
@testable import ImpactStore

/// The case results kept at import: when an evaluation reads them, when it computes from the events
/// instead, and what clears them. `CaseReferenceTests` holds their figures to the reference.
@Suite(.scratch) struct CaseResultTests {
    static let text = """
        cases rc {
          title "cases"
          events melding start einde afsluiting
          term t1 start to einde 30 days
        }
        \(CaseReferenceTests.indicator("back", "percent", "recurrence(rc, melding, back 6 months)"))
        \(CaseReferenceTests.indicator("back_again", "percent", "recurrence(rc, melding, back 6 months)"))
        \(CaseReferenceTests.indicator("exceed", "percent", "exceeding(rc, t1)"))
        """

    static func definitions(_ text: String = text) -> DefinitionSet {
        let loaded = DefinitionLoader.load(sources: [SourceFile(path: "cases.ind", text: text)])
        precondition(!loaded.hasErrors, "\(loaded.diagnostics)")
        return loaded.definitions
    }

    static func event(_ caseID: String, _ type: String, _ date: String, geo: String = "GM0758",
                      person: String = "p1") -> CaseReference.Event {
        CaseReference.Event(caseID: caseID, person: person, role: "kind", type: type,
                            date: CivilDate(iso: date)!, geo: geo, dims: [:])
    }

    static let events = [
        event("c1", "melding", "2017-02-01"), event("c1", "start", "2017-02-03"), event("c1", "einde", "2017-04-01"),
        event("c2", "melding", "2017-05-10", geo: "GM0744"), event("c2", "start", "2017-05-12", geo: "GM0744"),
        event("c3", "melding", "2018-03-01", geo: "GM0738", person: "p2"),
    ]

    static func storeWithKeptResults(_ definitions: DefinitionSet = definitions()) throws -> Store {
        let store = try TestSupport.storeWithGeography()
        try CaseEventFixture.importEvents(events, into: store, keeping: definitions)
        return store
    }

    static let request = EvaluationRequest(geos: ["VTWB", "GM0758"], periods: [.year(2017), .year(2018)])

    static func keptMeasure(_ store: Store, _ id: String, _ request: EvaluationRequest = request,
                            definitions: DefinitionSet = definitions()) throws -> String? {
        try EvaluationSession(store: store, definitions: definitions).boundQuery(id, request).plan.cases?.keptResults
    }

    @Test func anImportKeepsEachMeasureOnceAndEvaluationsReadIt() throws {
        let store = try Self.storeWithKeptResults()
        let kept = try CaseResultStore(store: store).kept()["rc"] ?? [:]
        #expect(kept.count == 2, "two indicators with the same measure share its rows")
        #expect(kept.values.allSatisfy { $0 == CaseResultStore.Kept(years: 2017...2018,
                                                                     dataEnd: CivilDate(iso: "2018-03-01")!) })
        let units = try GeographyStore(store: store).load().units.count
        #expect(try store.database.scalarInt("SELECT count(*) FROM case_result") == 2 * units * 2 * 19)
        for id in ["back", "back_again", "exceed"] {
            #expect(try Self.keptMeasure(store, id) != nil, "\(id)")
            var evaluator = Evaluator(store: store, definitions: Self.definitions())
            evaluator.useCache = false
            let kept = try evaluator.evaluate(id, Self.request)
            evaluator.useRollups = false
            #expect(try evaluator.evaluate(id, Self.request) == kept, "\(id): kept rows are the statement's rows")
        }
    }

    @Test func cellsTheResultsDoNotHoldComputeFromTheEvents() throws {
        let store = try Self.storeWithKeptResults()
        let outside: [EvaluationRequest] = [
            EvaluationRequest(geos: ["VTWB"], periods: [.year(2019)]),
            EvaluationRequest(geos: ["VTWB"], periods: [Period.isoWeek(containing: CivilDate(iso: "2017-02-01")!)]),
            EvaluationRequest(geos: ["XX9999"], periods: [.year(2017)]),
            EvaluationRequest(geos: ["VTWB"], periods: [.year(2017)], vintage: .asOfBatch(1)),
        ]
        for request in outside {
            #expect(try Self.keptMeasure(store, "back", request) == nil, "\(request.geos) \(request.periods)")
        }
    }

    @Test func aChangedDefinitionComputesFromTheEventsUntilKeptAgain() throws {
        let store = try Self.storeWithKeptResults()
        let changed = Self.definitions(Self.text.replacingOccurrences(of: "30 days", with: "31 days"))
        #expect(try Self.keptMeasure(store, "exceed", definitions: changed) == nil)
        #expect(try Self.keptMeasure(store, "back", definitions: changed) != nil, "an unchanged measure still reads")
        let before = Set(try CaseResultStore(store: store).kept()["rc", default: [:]].keys)
        let measures = try store.database.transaction {
            try CaseResultMaintainer(store: store, definitions: changed).refresh(source: "rc")
        }
        #expect(measures == 2)
        #expect(try Self.keptMeasure(store, "exceed", definitions: changed) != nil)
        let after = Set(try CaseResultStore(store: store).kept()["rc", default: [:]].keys)
        #expect(after.count == 2 && after != before, "the former term's rows are gone: \(before) → \(after)")
        #expect(try store.database.scalarInt("SELECT count(DISTINCT measure) FROM case_result") == 2)
    }

    @Test func aGeographyImportOrAUnitAddedClearsEveryKeptResult() throws {
        let store = try Self.storeWithKeptResults()
        try CaseReferenceTests.listSomeMembersTwice(in: store)
        #expect(try CaseResultStore(store: store).kept().isEmpty)
        #expect(try Self.keptMeasure(store, "back") == nil)

        let again = try Self.storeWithKeptResults()
        try again.database.transaction {
            try GeographyStore(store: again).insert(GeoUnit(code: "GM9999", name: "Nieuw", level: .gemeente))
        }
        #expect(try again.database.scalarInt("SELECT count(*) FROM case_result") == 0)
    }

    @Test func anImportWithoutDefinitionsClearsTheSourcesResults() throws {
        let store = try Self.storeWithKeptResults()
        try CaseEventFixture.importEvents([Self.event("c4", "melding", "2018-04-01")], into: store)
        #expect(try CaseResultStore(store: store).kept()["rc"] == nil)
        #expect(try store.database.scalarInt("SELECT count(*) FROM case_result") == 0)
    }

    /// The years a delivery can change: from the earlier of its first event and the former data end,
    /// less a look-forward's window and a month; every year when the data's first year moved.
    @Test func aDeliveryRecomputesOnlyTheYearsItCanChange() throws {
        let plans = Planner(definitions: CaseSQLTests.definitions)
        let back = try plans.plan("recurrence_back").cases!
        let forward = try plans.plan("recurrence_forward").cases!
        let earlier = CaseResultStore.Kept(years: 2010...2019, dataEnd: CivilDate(iso: "2019-11-30")!)
        let now = CaseResultStore.Kept(years: 2010...2019, dataEnd: CivilDate(iso: "2019-12-31")!)
        func first(_ plan: CasePlan, _ change: String, grown: String? = nil, earlier: CaseResultStore.Kept? = earlier,
                   now: CaseResultStore.Kept = now) -> Int? {
            let change = CaseEventChange(earliestEvent: CivilDate(iso: change)!,
                                         earliestOfCasesWithNewPersons: grown.flatMap(CivilDate.init(iso:)))
            return CaseResultMaintainer.firstChangedYear(plan, earlier: earlier, now: now, change: change)
        }
        #expect(first(back, "2019-12-01") == 2019)
        #expect(first(back, "2019-01-15") == 2018, "a month back: month ends clamp")
        #expect(first(forward, "2019-12-01") == 2019, "six months of follow-up before the former end")
        #expect(first(back, "2019-05-01") == 2019)
        #expect(first(forward, "2019-05-01") == 2018, "six months of follow-up before the change")
        #expect(first(back, "2015-06-01") == 2015, "a correction of older events")
        #expect(first(back, "2010-03-01") == nil)
        #expect(first(back, "2019-12-01", earlier: nil) == nil, "a new measure")
        let earlierStart = CaseResultStore.Kept(years: 2009...2019, dataEnd: CivilDate(iso: "2019-12-31")!)
        #expect(first(back, "2019-12-01", now: earlierStart) == nil, "the data start earlier")
        let endedIn2018 = CaseResultStore.Kept(years: 2010...2018, dataEnd: CivilDate(iso: "2018-06-30")!)
        #expect(first(back, "2019-03-01", earlier: endedIn2018) == 2018, "from the former end, not the change")
        #expect(first(back, "2019-12-01", grown: "2014-08-01") == 2014, "a case that gained a person, by person")
        #expect(first(forward, "2019-12-01", grown: "2014-08-01") == 2014)
        let byCase = try plans.plan("exceeding").cases!
        #expect(first(byCase, "2019-12-01", grown: "2014-08-01") == 2019, "spells do not count persons")
    }

    /// A person joining an old case changes its recurrence by person back to its first event: the
    /// second delivery's only event lies two years after the case's index event.
    @Test func aPersonJoiningAnOldCaseChangesItsEarlierYears() throws {
        let store = try TestSupport.storeWithGeography()
        let definitions = Self.definitions()
        try CaseEventFixture.importEvents([
            Self.event("f1", "melding", "2016-01-10", person: "p9"),
            Self.event("a", "melding", "2017-06-01", person: "p1"),
            Self.event("b", "melding", "2017-03-01", person: "p2"),
            Self.event("f2", "melding", "2018-12-15", person: "p9"),
        ], into: store, keeping: definitions)
        let request = EvaluationRequest(geos: ["GM0758"], periods: [.year(2017)])
        var evaluator = Evaluator(store: store, definitions: definitions)
        evaluator.useCache = false
        #expect(try evaluator.evaluate("back", request).first?.numerator == 0)
        try CaseEventFixture.importEvents([Self.event("a", "start", "2019-01-10", person: "p2")], into: store,
                                          keeping: definitions)
        #expect(try Self.keptMeasure(store, "back", request) != nil)
        #expect(try evaluator.evaluate("back", request).first?.numerator == 1, "p2's melding lies in a's window")
        #expect(try CaseReferenceTests.keptResultsMatchAWholeRebuild(store, definitions: definitions).isEmpty)
    }

    /// A dry run is rolled back whole: the kept results stay as they were.
    @Test func aDryRunLeavesTheKeptResults() throws {
        let store = try Self.storeWithKeptResults()
        let rows = {
            try store.database.query("SELECT measure, geo, period, value FROM case_result ORDER BY 1, 2, 3") {
                "\($0.string(0) ?? "") \($0.string(1) ?? "") \($0.string(2) ?? "") \($0.string(3) ?? "-")"
            }
        }
        let before = try rows()
        var importer = CaseEventImport(store: store, source: "rc", origin: "test", sha256: "dry", keyCheck: "test")
        importer.dryRun = true
        importer.afterMerge = CaseResultMaintainer(store: store, definitions: Self.definitions()).keeping(source: "rc")
        let result = try importer.run { _, emit in
            try emit(CaseEventRecord(caseKey: "c9", personKey: "p9", role: "kind", event: "melding",
                                     date: CivilDate(iso: "2017-01-05")!, geo: "GM0758", dimensions: [:], file: "t",
                                     line: 2))
            return 1
        }
        #expect(result.dryRun && result.batchID == nil)
        #expect(try rows() == before)
    }
}
