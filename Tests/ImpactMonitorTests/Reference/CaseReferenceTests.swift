import Foundation
import Testing
import TestHarness
@testable import ImpactCompiler
@testable import ImpactCore
@testable import ImpactEngine
@testable import ImpactLanguage
@testable import ImpactStore
@testable import ImpactSources

/// Random event sets evaluated by the compiled case statements and by `CaseReference`: every cell
/// of every measure must agree (`IMPACT_REFERENCE_SEEDS` sets the number of seeds; 100 by default).
@Suite(.scratch) struct CaseReferenceTests {
    static var seeds: ClosedRange<UInt64> {
        let count = ProcessInfo.processInfo.environment["IMPACT_REFERENCE_SEEDS"].flatMap(UInt64.init) ?? 100
        return 1...max(count, 1)
    }

    static let definitions = """
        cases rc {
          title "random cases"
          events melding start einde afsluiting
          dimension band { "a" "b" }
          term t1 start to einde 30 days
        }
        \(indicator("persons_all", "persons", "distinct_persons(rc)"))
        \(indicator("persons_child", "persons", "distinct_persons(rc[role = \"kind\"], melding)"))
        \(indicator("cases_band", "count", "distinct_cases(rc[band in (\"a\")], melding, start)"))
        \(indicator("back_person", "percent", "recurrence(rc, melding, back 6 months)"))
        \(indicator("back_case", "percent", "recurrence(rc[role != \"kind\"], melding, back 3 months by case)"))
        \(indicator("back_case_all", "percent", "recurrence(rc, melding, back 5 months by case)"))
        \(indicator("forward", "percent", "recurrence(rc, melding, forward 4 months after afsluiting)"))
        \(indicator("median", "days", "duration(rc, start to einde, median)"))
        \(indicator("p25", "days", "duration(rc, t1, p25)"))
        \(indicator("p90", "days", "duration(rc, melding to afsluiting, p90)"))
        \(indicator("mean", "days", "duration(rc, start to einde, mean)"))
        \(indicator("exceed", "percent", "exceeding(rc, t1)"))
        """

    static func indicator(_ id: String, _ unit: String, _ value: String) -> String {
        "indicator \(id) {\n  title \"\(id)\"\n  criterion output\n  unit \(unit)\n  better none\n  value \(value)\n}"
    }

    static let areas = ["VTWB", "GM0738", "GM0758", "GM1959", "GM0744", "VTWB-ONB", "PV30"]

    static var periods: [Period] {
        (2017...2020).map(Period.year) + Period.year(2018).subperiods(.quarter)
            + [Period(year: 2019, grain: .half, index: 1)!, Period(year: 2019, grain: .month, index: 2)!]
    }

    /// How a test fills the store and which statements it evaluates: the kept case days after one
    /// delivery (built whole) or after two (the second corrects some events of the first and
    /// refreshes the cases it changed and the cases sharing their persons), the events only
    /// (`--as-of`, filtered measures and distinct counts read them), or the results kept at import
    /// after one delivery or after two split by date (the second recomputes only the years it can
    /// change).
    enum Reading: String, CaseIterable, Sendable {
        case caseDaysOneDelivery
        case caseDaysTwoDeliveries
        case eventsOnly
        case keptResultsOneDelivery
        case keptResultsByDate

        var keepsResults: Bool { self == .keptResultsOneDelivery || self == .keptResultsByDate }
    }

    /// On every store engine: the PostgreSQL rendering of each measure is held to the same reference.
    @Test(arguments: TestBackend.available, Reading.allCases)
    func theCompiledCaseMeasuresAgreeWithTheReference(backend: TestBackend, reading: Reading) throws {
        let loaded = DefinitionLoader.load(sources: [SourceFile(path: "cases.ind", text: Self.definitions)])
        #expect(!loaded.hasErrors, "\(loaded.diagnostics)")
        var statuses: [String: Set<String>] = [:]
        for seed in Self.seeds {
            let failures = try Self.check(seed: seed, definitions: loaded.definitions, backend: backend,
                                          reading: reading, statuses: &statuses)
            if let first = failures.first {
                Issue.record("seed \(seed): \(failures.count) disagreement(s); first: \(first)")
                return
            }
        }
        // The random sets reach every outcome of every measure, not only empty or missing cells.
        let expected: [String: Set<String>] = [
            "back_person": ["ok", "not_assessable", "division_by_zero", "missing", "incomplete"],
            "back_case_all": ["ok", "not_assessable"],
            "forward": ["ok", "follow_up_incomplete", "division_by_zero"],
            "median": ["ok", "not_reached", "missing"], "mean": ["ok", "not_assessable"],
            "exceed": ["ok", "follow_up_incomplete"], "persons_child": ["ok"],
        ]
        for (id, wanted) in expected {
            #expect(wanted.isSubset(of: statuses[id] ?? []), "\(id): \(statuses[id] ?? [])")
        }
    }

    static func check(seed: UInt64, definitions: DefinitionSet, backend: TestBackend = .sqlite,
                      reading: Reading = .caseDaysOneDelivery, statuses: inout [String: Set<String>]) throws
        -> [String] {
        var random = SeededGenerator(seed: seed)
        let events = randomEvents(&random)
        let store = try TestSupport.storeWithGeography(on: backend)
        try listSomeMembersTwice(in: store)
        var failures: [String] = []
        let keeping = reading.keepsResults ? definitions : nil
        switch reading {
        case .caseDaysTwoDeliveries:
            try deliverInTwo(events, into: store)
            failures += try keptDaysMatchAWholeRebuild(store)
        case .keptResultsByDate:
            try deliverByDate(events, into: store, keeping: definitions)
            failures += try keptResultsMatchAWholeRebuild(store, definitions: definitions)
        default:
            try CaseEventFixture.importEvents(events, into: store, keeping: keeping)
        }
        var evaluator = Evaluator(store: store, definitions: definitions)
        evaluator.useCache = false
        evaluator.useRollups = reading != .eventsOnly
        let reference = CaseReference(events: events, geography: try GeographyStore(store: store).load())
        let request = try Self.request(keptOnly: reading.keepsResults, store: store)
        for indicator in definitions.indicators {
            let plan = try evaluator.session.plan(indicator.id.value).cases!
            let placed = try evaluator.session.boundQuery(indicator.id.value, request,
                                                          useRollups: evaluator.useRollups).plan.cases
            if placed?.readsCaseDays != (plan.canReadCaseDays && reading != .eventsOnly && !events.isEmpty) {
                failures.append("\(indicator.id.value): reads case days \(placed?.readsCaseDays ?? false) with \(reading)")
            }
            if (placed?.keptResults != nil) != (keeping != nil && !request.periods.isEmpty) {
                failures.append("\(indicator.id.value): reads kept results \(placed?.keptResults != nil) with \(reading)")
            }
            for result in try evaluator.evaluate(indicator.id.value, request) {
                let period = try Period.parse(result.period).period
                let expected = reference.evaluate(plan, geo: result.geo, period: period)
                statuses[indicator.id.value, default: []].insert(result.status.rawValue)
                let actual = CaseReference.Cell(value: result.value, numerator: result.numerator,
                                                denominator: result.denominator, n: result.n,
                                                status: result.status.rawValue)
                if !agrees(actual, expected) {
                    failures.append("\(indicator.id.value) \(result.geo) \(result.period): SQL \(actual), "
                                    + "reference \(expected)")
                }
            }
        }
        return failures
    }

    /// A second region set lists three of West-Brabant's members under the same code over part of
    /// the time (from a later start, within the first listing, and from the same start with another
    /// end): an event there must still count once for the region.
    static func listSomeMembersTwice(in store: Store) throws {
        let folder = TestSupport.temporaryDirectory()
        _ = TestSupport.write("set,name\ndup,Tweede indeling\n", to: "sets.csv", in: folder)
        _ = TestSupport.write("set,region,member,valid_from,valid_until\ndup,VTWB,GM0758,2017-03-01,\n"
                              + "dup,VTWB,GM0744,2017-06-01,2018-06-01\ndup,VTWB,GM0738,,2018-01-01\n",
                              to: "memberships.csv", in: folder)
        #expect(!(try GeographyImport(paths: [folder]).run(into: store)).failed)
    }

    /// The test's areas and periods; where results are kept, only the periods of the events' years
    /// (the others compute from the events, as the other readings check).
    static func request(keptOnly: Bool, store: Store) throws -> EvaluationRequest {
        guard keptOnly else { return EvaluationRequest(geos: areas, periods: periods) }
        let dates = try CaseResultStore(store: store).eventDates(source: "rc")
        return EvaluationRequest(geos: areas, periods: periods.filter { period in
            dates.map { ($0.lowerBound.year...$0.upperBound.year).contains(period.year) } ?? false
        })
    }

    /// Events before a day in the last third of their span first, the rest after: a monthly
    /// delivery, which keeps again only the results of the years it can change.
    static func deliverByDate(_ events: [CaseReference.Event], into store: Store,
                              keeping definitions: DefinitionSet) throws {
        let days = events.map(\.date.dayNumber).sorted()
        let cut = days.isEmpty ? 0 : days[days.count * 2 / 3]
        try CaseEventFixture.importEvents(events.filter { $0.date.dayNumber < cut }, into: store, keeping: definitions)
        try CaseEventFixture.importEvents(events.filter { $0.date.dayNumber >= cut }, into: store,
                                          keeping: definitions)
    }

    /// The results kept after the second delivery are those a refresh of every year gives.
    static func keptResultsMatchAWholeRebuild(_ store: Store, definitions: DefinitionSet) throws -> [String] {
        let read = {
            try store.database.query("SELECT \(CaseResultStore.columns.joined(separator: ", ")) FROM case_result "
                                     + "ORDER BY measure, geo, period") { row in
                (0..<CaseResultStore.columns.count).map { row.string($0) ?? "-" }.joined(separator: " ")
            }
        }
        let kept = try read()
        _ = try store.database.transaction {
            try CaseResultMaintainer(store: store, definitions: definitions).refresh(source: "rc")
        }
        let rebuilt = try read()
        guard kept != rebuilt else { return [] }
        let first = zip(kept, rebuilt).first { $0 != $1 }.map { "\($0.0) ≠ \($0.1)" } ?? "row counts"
        return ["kept results differ from a whole rebuild: \(kept.count) rows, \(rebuilt.count) rebuilt; \(first)"]
    }

    /// Two deliveries, both below the size at which an import rebuilds the case days whole: the
    /// second refreshes them. It also corrects the area of a few events of the first (delivered
    /// there with another area), so a supersession reaches the refresh.
    static func deliverInTwo(_ events: [CaseReference.Event], into store: Store) throws {
        let first = events.count * 2 / 3
        var earlier = Array(events[..<first])
        var later = Array(events[first...])
        for index in stride(from: 0, to: min(first, 12), by: 4) {
            let event = earlier[index]
            earlier[index] = CaseReference.Event(caseID: event.caseID, person: event.person, role: event.role,
                                                 type: event.type, date: event.date,
                                                 geo: event.geo == "GM0758" ? "GM0744" : "GM0758", dims: event.dims)
            later.append(event)
        }
        try CaseEventFixture.importEvents(earlier, into: store)
        try CaseEventFixture.importEvents(later, into: store)
    }

    /// The case days after a refresh are those a rebuild of the whole source gives.
    static func keptDaysMatchAWholeRebuild(_ store: Store) throws -> [String] {
        let days = CaseDayStore(store: store)
        let read = {
            try store.database.query("SELECT \(CaseDayStore.columns.joined(separator: ", ")) FROM case_day "
                                     + "ORDER BY source_id, event_type, event_date, case_key") { row in
                (0..<CaseDayStore.columns.count).map { row.string($0) ?? "-" }.joined(separator: " ")
            }
        }
        let refreshed = try read()
        try store.database.transaction { try days.refresh(source: "rc", whole: true) }
        let rebuilt = try read()
        return refreshed == rebuilt ? [] : ["refreshed case days differ from a whole rebuild: \(refreshed.count) rows, "
                                            + "\(rebuilt.count) rebuilt"]
    }

    static func agrees(_ actual: CaseReference.Cell, _ expected: CaseReference.Cell) -> Bool {
        func close(_ a: Double?, _ b: Double?) -> Bool {
            switch (a, b) {
            case (nil, nil): return true
            case (let x?, let y?): return abs(x - y) <= 1e-9 * max(1, abs(y))
            default: return false
            }
        }
        return actual.status == expected.status && close(actual.value, expected.value)
            && close(actual.numerator, expected.numerator) && close(actual.denominator, expected.denominator)
            && close(actual.n, expected.n)
    }

    /// A few dozen cases over 2017–2020 with a small pool of persons (persons in several cases, and
    /// not every person at every event of a case; some join a case a year or so after its start),
    /// few distinct days (same-day events), cases moving area, events in any order of type.
    static func randomEvents(_ random: inout SeededGenerator) -> [CaseReference.Event] {
        let geos = ["GM0738", "GM0758", "GM0744", "GM1959", "VTWB-ONB", "VTMB"]
        let persons = (0..<Int.random(in: 3...25, using: &random)).map { "p\($0)" }
        let start = CivilDate(year: 2017, month: 1, day: 1).dayNumber
        let span = Int.random(in: 200...1095, using: &random)
        var keys = Set<String>()
        var events: [CaseReference.Event] = []
        for number in 0..<Int.random(in: 0...40, using: &random) {
            let caseID = "c\(number)"
            let members = (0..<Int.random(in: 0...3, using: &random)).map { _ in
                persons.randomElement(using: &random)!
            }
            var day = start + Int.random(in: 0..<span, using: &random) / 7 * 7
            for type in ["melding", "start", "einde", "melding", "afsluiting"] where Bool.random(using: &random) {
                day += [0, 0, 3, 10, 30, 45, 90].randomElement(using: &random)!
                let date = CivilDate(dayNumber: day)
                let geo = geos.randomElement(using: &random)!
                let band = ["a", "b", ""].randomElement(using: &random)!
                let present = members.filter { _ in Int.random(in: 0..<4, using: &random) > 0 }
                for person in members.isEmpty ? [""] : (present.isEmpty ? [members[0]] : present) {
                    guard keys.insert("\(caseID) \(type) \(date.iso) \(person)").inserted else { continue }
                    let role = person.isEmpty ? "" : ["kind", "ouder"].randomElement(using: &random)!
                    events.append(CaseReference.Event(caseID: caseID, person: person, role: role, type: type,
                                                      date: date, geo: geo, dims: band.isEmpty ? [:] : ["band": band]))
                }
            }
            // Now and then a person joins the case a year or so on, possibly one it never had.
            if Int.random(in: 0..<3, using: &random) == 0, let person = persons.randomElement(using: &random) {
                let date = CivilDate(dayNumber: day + Int.random(in: 200...500, using: &random))
                let type = ["melding", "start", "einde", "afsluiting"].randomElement(using: &random)!
                if keys.insert("\(caseID) \(type) \(date.iso) \(person)").inserted {
                    events.append(CaseReference.Event(caseID: caseID, person: person, role: "kind", type: type,
                                                      date: date, geo: geos.randomElement(using: &random)!, dims: [:]))
                }
            }
        }
        return events.shuffled(using: &random)
    }
}

/// Writes reference events into a store as one batch of the event source `rc` (ids unhashed: the
/// reference compares measures, not pseudonyms).
enum CaseEventFixture {
    static func importEvents(_ events: [CaseReference.Event], into store: Store, source: String = "rc",
                             keeping definitions: DefinitionSet? = nil) throws {
        var importer = CaseEventImport(store: store, source: source, origin: "test", sha256: UUID().uuidString,
                                       keyCheck: "test")
        if let definitions {
            importer.afterMerge = CaseResultMaintainer(store: store, definitions: definitions).keeping(source: source)
        }
        let result = try importer.run { _, emit in
            for (line, event) in events.enumerated() {
                try emit(CaseEventRecord(caseKey: event.caseID, personKey: event.person, role: event.role,
                                         event: event.type, date: event.date, geo: event.geo, dimensions: event.dims,
                                         file: "test", line: line + 2))
            }
            return events.count
        }
        precondition(!result.failed || events.isEmpty, "events must import: \(result.diagnostics)")
    }
}
