import Foundation
import Testing
import TestHarness
@testable import ImpactCompiler
@testable import ImpactCore
@testable import ImpactEngine
@testable import ImpactLanguage
@testable import ImpactSources
@testable import ImpactStore

/// A request's indicators evaluated on two connections give exactly what one connection gives, in
/// the same order; the first failing indicator's error is the one thrown; the second connection's
/// results land in the cache; and a second connection that would read newer data evaluates nothing.
@Suite(.scratch) struct ConcurrentEvaluationTests {
    static var ids: [String] {
        EvaluatorTests.definitions.indicators.filter { $0.status == .available }.map(\.id.value)
    }

    static func request(_ store: Store) throws -> EvaluationRequest {
        let geos = try GeographyStore(store: store).load().units.keys.sorted()
        let quarter = Period(year: 2018, grain: .quarter, index: 2)!
        return EvaluationRequest(geos: geos, periods: [.year(2016), .year(2017), .year(2018), quarter])
    }

    static func publication(_ store: Store, cache: Bool = false, suppress: Bool = true) throws -> Publication {
        var evaluator = Evaluator(store: store, definitions: EvaluatorTests.definitions)
        evaluator.useCache = cache
        return try Publication(evaluator: evaluator, suppress: suppress)
    }

    @Test(arguments: [true, false]) func twoConnectionsGiveWhatOneGives(suppress: Bool) throws {
        let store = try TestSupport.demoStore()
        let request = try Self.request(store)
        let ids = Self.ids
        #expect(ids.count >= 2 * ConcurrentEvaluation.minimumIndicators)
        let one = try Self.publication(store, suppress: suppress)
        let serial = try ids.map { try one.evaluate($0, request) }
        let both = try store.database.readTransaction {
            try ConcurrentEvaluation(publication: Self.publication(store, suppress: suppress)).evaluate(ids, request)
        }
        #expect(both == serial)
        #expect(serial.contains { $0.contains { $0.value != nil } })
    }

    @Test func theFirstFailingIndicatorInOrderIsReported() throws {
        let store = try TestSupport.demoStore()
        let ids = Array(Self.ids.prefix(6))
        let asked = ids[..<2] + ["geen_indicator_a"] + ids[2...] + ["geen_indicator_b"]
        let evaluation = ConcurrentEvaluation(publication: try Self.publication(store))
        let error = #expect(throws: Planner.PlanError.self) {
            try store.database.readTransaction { try evaluation.evaluate(Array(asked), Self.request(store)) }
        }
        #expect(error?.description.contains("'geen_indicator_a'") == true)
    }

    @Test func resultsOfTheSecondConnectionAreCached() throws {
        let store = try TestSupport.demoStore()
        let request = try Self.request(store)
        let ids = Self.ids
        let evaluated = try store.database.readTransaction {
            try ConcurrentEvaluation(publication: Self.publication(store, cache: true)).evaluate(ids, request)
        }
        let publication = try Self.publication(store, cache: true)
        let cached = try ids.map { try publication.evaluate($0, request) }
        #expect(cached == evaluated)
        // The session has read what it reads once; now each indicator is one cache lookup, nothing evaluated.
        let before = store.database.statementsExecuted
        _ = try ids.map { try publication.evaluate($0, request) }
        #expect(store.database.statementsExecuted - before == ids.count)
    }

    /// An import commits after this connection's transaction began: the second connection would read
    /// the new figures, so it stays out and every indicator is evaluated on the data read so far.
    @Test func aSecondConnectionThatWouldReadNewerDataEvaluatesNothing() throws {
        let store = try TestSupport.demoStore()
        let request = EvaluationRequest(geos: ["VTWB"], periods: [.year(2018)])
        let ids = Array(repeating: "wb_politie_aandeel", count: 8) + Self.ids.prefix(8)
        let before = try Self.publication(store).evaluate("wb_politie_aandeel", request)
        let results = try store.database.readTransaction {
            _ = try BatchLog(store: store).latest()
            let file = TestSupport.write("series,geo,period,melder,value\nvt.meldingen,VTWB,2018,Politie,4800\n",
                                         to: "r.csv", in: TestSupport.temporaryDirectory())
            _ = try CSVImport(paths: [file]).run(into: Store(path: store.path))
            return try ConcurrentEvaluation(publication: Self.publication(store)).evaluate(ids, request)
        }
        #expect(results.prefix(8).allSatisfy { $0 == before })
        let after = try Self.publication(store).evaluate("wb_politie_aandeel", request)
        #expect(after != before)
    }
}
