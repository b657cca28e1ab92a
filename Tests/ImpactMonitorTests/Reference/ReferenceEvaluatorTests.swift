import Foundation
import Testing
import TestHarness
@testable import ImpactCore
@testable import ImpactEngine
@testable import ImpactLanguage
@testable import ImpactSources
@testable import ImpactStore

/// Random cases evaluated by the engine (from raw observations and from maintained rollups) and by
/// `ReferenceEvaluator`: every cell must agree, and the published output must keep every count
/// below its series' minimum cell hidden. `IMPACT_REFERENCE_SEEDS=2000` (scripts/reference-check)
/// runs many seeds; CI runs 200 (about 25 s).
@Suite(.scratch) struct ReferenceEvaluatorTests {
    static var seeds: ClosedRange<UInt64> {
        let count = ProcessInfo.processInfo.environment["IMPACT_REFERENCE_SEEDS"].flatMap(UInt64.init) ?? 200
        return 1...max(count, 1)
    }

    @Test func theEngineAgreesWithTheReferenceEvaluator() throws {
        for seed in Self.seeds {
            let failures = try Self.check(seed: seed)
            if let first = failures.first {
                Issue.record("seed \(seed): \(failures.count) disagreement(s); first:\n\(first)")
                return
            }
        }
    }

    /// Every disagreement of one seed, each with a reproduction.
    static func check(seed: UInt64) throws -> [String] {
        let scenario = ReferenceScenario(seed: seed)
        let definitions = try load(scenario)
        let store = try SemanticsWorld.store(geography: scenario.geographyFiles)
        try importBatches(scenario, definitions: definitions, into: store)
        var fromRollups = Evaluator(store: store, definitions: definitions)
        fromRollups.useCache = false
        var fromRaw = fromRollups
        fromRaw.useRollups = false
        let reference = ReferenceEvaluator(world: scenario.world)
        let periods = (2018...2019).flatMap { year in
            [Period.year(year)] + Period.year(year).subperiods(.quarter)
                + [Period(year: year, grain: .month, index: 12)!]
        }
        let request = EvaluationRequest(geos: scenario.areaCodes, periods: periods)
        var failures: [String] = []
        for indicator in scenario.world.indicators {
            for engine in [fromRaw, fromRollups] {
                for result in try engine.evaluate(indicator.id, request) {
                    let period = try Period.parse(result.period).period
                    let expected = reference.evaluate(indicator, geo: result.geo, period: period)
                    if !Self.agree(result, expected) {
                        failures.append(reproduction(scenario, indicator, result, expected,
                                                     rollups: engine.useRollups))
                    }
                }
            }
            let published = try Publication(evaluator: fromRaw).evaluate(indicator.id, request)
            failures += ReferenceDisclosure(world: scenario.world).leaks(indicator, published)
                .map { "\($0)\n" + scenario.seriesDefinitions + indicator.definition }
        }
        return failures
    }

    static func load(_ scenario: ReferenceScenario) throws -> DefinitionSet {
        let text = scenario.seriesDefinitions + scenario.world.indicators.map(\.definition).joined()
        let loaded = DefinitionLoader.load(sources: [SourceFile(path: "r.ind", text: text)])
        let errors = loaded.diagnostics.map(\.description)
        try #require(errors.isEmpty, "\(errors)\n\(text)")
        return loaded.definitions
    }

    static func importBatches(_ scenario: ReferenceScenario, definitions: DefinitionSet, into store: Store) throws {
        let directory = TestSupport.temporaryDirectory()
        for (index, batch) in scenario.world.batches.enumerated() where !batch.isEmpty {
            let path = TestSupport.write(scenario.csv(batch), to: "b\(index).csv", in: directory)
            var importer = DataImport(source: CSVSource(), inputs: [path])
            importer.afterMerge = { _ in try RollupMaintainer(store: store, definitions: definitions).refresh() }
            let result = try importer.run(into: store)
            try #require(!result.failed, "\(result.diagnostics)")
        }
    }

    static func agree(_ result: IndicatorResult, _ expected: ReferenceCell) -> Bool {
        func same(_ a: Double?, _ b: Double?) -> Bool {
            guard let a, let b else { return a == nil && b == nil }
            return abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
        }
        return same(result.value, expected.value) && same(result.numerator, expected.numerator)
            && same(result.denominator, expected.denominator) && same(result.n, expected.n)
            && result.status.rawValue == expected.status && result.flags == expected.flags
    }

    static func describe(_ result: IndicatorResult) -> String {
        func text(_ number: Double?) -> String { number.map { "\($0)" } ?? "-" }
        return "value \(text(result.value)) num \(text(result.numerator)) den \(text(result.denominator)) "
            + "n \(text(result.n)) \(result.status.rawValue) [\(result.flags.joined(separator: "|"))]"
    }

    /// The failing cell, its definition and the rows it can read: the area's and its members'.
    static func reproduction(_ scenario: ReferenceScenario, _ indicator: ReferenceIndicator, _ result: IndicatorResult,
                             _ expected: ReferenceCell, rollups: Bool) -> String {
        let world = scenario.world
        let areas = Set([result.geo] + world.members.filter { $0.region == result.geo }.map(\.member))
        let keys = Set(world.series.map(\.key)).filter { indicator.expression.text.contains($0) }
        let batches = world.batches.enumerated().map { index, batch in
            "batch \(index):\n" + scenario.csv(batch.filter { areas.contains($0.geo) && keys.contains($0.series) })
        }
        return """
            \(indicator.id) \(result.geo) \(result.period) (\(rollups ? "rollups" : "raw observations"))
              engine:    \(describe(result))
              reference: \(expected)
            \(scenario.seriesDefinitions)\(indicator.definition)\(batches.joined())
            memberships:
            \(scenario.geographyFiles["memberships.csv"]!)
            """
    }
}
