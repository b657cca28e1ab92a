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
/// the same order; the first failing indicator's error is the one thrown and nothing after it is
/// started; the second connection's results land in the cache; and a second connection that would
/// read a newer batch evaluates nothing.
@Suite(.scratch) struct ConcurrentEvaluationTests {
    /// Which thread made each indicator's part. The calling thread's are slowed down, so the second
    /// thread surely takes some when it may.
    final class ThreadLog: @unchecked Sendable {
        private let lock = NSLock()
        private let caller = pthread_self()
        private(set) var first = 0
        private(set) var second = 0

        func part(_ results: [IndicatorResult]) -> [IndicatorResult] {
            if pthread_equal(pthread_self(), caller) != 0 {
                lock.withLock { first += 1 }
                usleep(20_000)
            } else {
                lock.withLock { second += 1 }
            }
            return results
        }
    }

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
        let log = ThreadLog()
        let both = try ConcurrentEvaluation(publication: Self.publication(store, suppress: suppress))
            .evaluate(ids, request, each: log.part)
        #expect(both == serial)
        #expect(log.second > 0)
        #expect(serial.contains { $0.contains { $0.value != nil } })
    }

    @Test func theFirstFailingIndicatorInOrderIsReportedAndNothingAfterItStarts() throws {
        let store = try TestSupport.demoStore()
        let ids = Self.ids
        let asked = Array(ids[..<2]) + ["geen_indicator_a"] + ids[2...] + ["geen_indicator_b"]
        let log = ThreadLog()
        let evaluation = ConcurrentEvaluation(publication: try Self.publication(store))
        let error = #expect(throws: Planner.PlanError.self) {
            try evaluation.evaluate(asked, Self.request(store), each: log.part)
        }
        #expect(error?.description.contains("'geen_indicator_a'") == true)
        // The two before it, and at most one the other thread took while it failed.
        #expect(log.first + log.second <= 3)
    }

    @Test func resultsOfTheSecondConnectionAreCached() throws {
        let store = try TestSupport.demoStore()
        let request = try Self.request(store)
        let ids = Self.ids
        let log = ThreadLog()
        let evaluated = try ConcurrentEvaluation(publication: Self.publication(store, cache: true))
            .evaluate(ids, request, each: log.part)
        #expect(log.second > 0)
        var evaluator = Evaluator(store: store, definitions: EvaluatorTests.definitions)
        var evaluatedAgain = 0
        evaluator.trace = { _ in evaluatedAgain += 1 }
        let publication = try Publication(evaluator: evaluator)
        #expect(try ids.map { try publication.evaluate($0, request) } == evaluated)
        #expect(evaluatedAgain == 0, "every indicator is answered from the cache")
    }

    /// An import commits after the calling thread's transaction began: the second connection would
    /// read the new figures, so it stays out and every indicator is evaluated on the calling thread.
    @Test func aSecondConnectionThatWouldReadANewerBatchEvaluatesNothing() throws {
        let store = try TestSupport.demoStore()
        let request = EvaluationRequest(geos: ["VTWB"], periods: [.year(2018)])
        let ids = Array(repeating: "wb_politie_aandeel", count: 4) + Self.ids.prefix(4)
        let one = try Self.publication(store)
        let before = try ids.map { try one.evaluate($0, request) }
        var evaluation = ConcurrentEvaluation(publication: try Self.publication(store))
        evaluation.beforeSecondThread = {
            let file = TestSupport.write("series,geo,period,melder,value\nvt.meldingen,VTWB,2018,Politie,4800\n",
                                         to: "r.csv", in: TestSupport.temporaryDirectory())
            _ = try? CSVImport(paths: [file]).run(into: Store(path: store.path))
        }
        let log = ThreadLog()
        #expect(try evaluation.evaluate(ids, request, each: log.part) == before)
        #expect(log.second == 0 && log.first == ids.count)
        #expect(try Self.publication(store).evaluate("wb_politie_aandeel", request) != before[0])
    }
}
