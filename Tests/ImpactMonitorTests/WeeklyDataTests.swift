import Foundation
import Testing
import TestHarness
@testable import ImpactCore
@testable import ImpactEngine
@testable import ImpactLanguage
@testable import ImpactSources
@testable import ImpactStore

/// Weekly figures answer weeks only: ISO weeks straddle months, quarters and years, so a month or a
/// year from weeks would silently drop the straddling weeks (2020 = 510 instead of 530) or call a
/// total with an undelivered week complete. Both evaluation paths agree: the rollups and the raw
/// observations (`--as-of`).
@Suite(.scratch) struct WeeklyDataTests {
    static let definitions = """
        series w.count {
          title "Per week"
          unit count
        }
        indicator w_count {
          title "Telling"
          criterion context
          better none
          unit count
          value w.count
        }
        """

    let rollups: Evaluator
    let raw: Evaluator
    let batch: Int

    init() throws {
        let store = try TestSupport.storeWithGeography()
        let loaded = DefinitionLoader.load(sources: [SourceFile(path: "w.ind", text: Self.definitions)])
        #expect(!loaded.hasErrors, "\(loaded.diagnostics.map(\.description))")
        var rows = "series,geo,period,value\n"
        for week in 1...53 where week != 3 { rows += "w.count,GM0758,2020-W\(week < 10 ? "0" : "")\(week),10\n" }
        let file = TestSupport.write(rows, to: "weeks.csv", in: TestSupport.temporaryDirectory())
        var importer = DataImport(source: CSVSource(), inputs: [file])
        importer.afterMerge = { _ in try RollupMaintainer(store: store, definitions: loaded.definitions).refresh() }
        let result = try importer.run(into: store)
        #expect(!result.failed, "\(result.diagnostics)")
        batch = try #require(result.batchID)
        var rollups = Evaluator(store: store, definitions: loaded.definitions)
        rollups.useCache = false
        self.rollups = rollups
        raw = rollups
    }

    func value(_ period: Period, from evaluator: Evaluator, asOf: Bool) throws -> IndicatorResult {
        let request = EvaluationRequest(geos: ["GM0758"], periods: [period], vintage: asOf ? .asOfBatch(batch) : .current)
        return try #require(try evaluator.evaluate("w_count", request).first)
    }

    @Test func weeksDoNotRollUpOnEitherPath() throws {
        let periods = [Period.year(2020), Period(year: 2020, grain: .month, index: 1)!, Period(year: 2020, grain: .quarter, index: 2)!]
        for period in periods {
            for asOf in [false, true] {
                let result = try value(period, from: asOf ? raw : rollups, asOf: asOf)
                #expect(result.value == nil && result.status == .missing, "\(period.code) as-of \(asOf): \(result)")
            }
        }
    }

    @Test func aWeekIsAnsweredAndAnUndeliveredWeekIsMissing() throws {
        for asOf in [false, true] {
            #expect(try value(Period(year: 2020, grain: .week, index: 10)!, from: rollups, asOf: asOf).value == 10)
            #expect(try value(Period(year: 2020, grain: .week, index: 3)!, from: rollups, asOf: asOf).status == .missing)
        }
    }
}
