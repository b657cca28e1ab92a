import Foundation
import Testing
@testable import ImpactCore
@testable import ImpactEngine
@testable import ImpactLanguage
@testable import ImpactSources
@testable import ImpactStore

/// A tiny world for pinning semantics: region `REG` with real members `GMA`, `GMB`, `GMC` and the
/// buckets `RONB` (Onbekend) and `RBUI` (Buiten regio); a few series of every kind. Each cell is
/// evaluated from raw observations and from maintained rollups, which must agree.
struct SemanticsWorld {
    static let members = ["GMA", "GMB", "GMC"]

    static let geography = [
        "units.csv": """
            code,name,level,kind
            GMA,A,gemeente,area
            GMB,B,gemeente,area
            GMC,C,gemeente,area
            RONB,Onbekend,gemeente,unknown
            RBUI,Buiten regio,gemeente,outside
            REG,Regio,regio,area

            """,
        "sets.csv": "set,name\nvt,VT\n",
        "memberships.csv": "set,region,member\n"
            + (members + ["RONB", "RBUI"]).map { "vt,REG,\($0)\n" }.joined(),
    ]

    static let series = """
        series s.flow {
          title "Flow"
          unit count
          dimension melder {
            "A"
            "B"
            "C"
          }
        }
        series s.stock {
          title "Stock"
          unit persons
          time last
        }
        series s.distinct {
          title "Distinct"
          unit persons
          time none
          geo none
        }

        """

    let raw: Evaluator
    let rolled: Evaluator

    /// `rows` are canonical CSV lines after the header `series,geo,period,melder,value,status`,
    /// one string per batch; `indicators` maps an id to its value expression and unit.
    init(indicators: [String: (value: String, unit: String)], batches: [String]) throws {
        let definitions = try Self.definitions(indicators)
        raw = try Self.evaluator(definitions, batches: batches, rollups: false)
        rolled = try Self.evaluator(definitions, batches: batches, rollups: true)
    }

    static func definitions(_ indicators: [String: (value: String, unit: String)]) throws -> DefinitionSet {
        let text = indicators.sorted { $0.key < $1.key }.map { id, indicator in
            """
            indicator \(id) {
              title "\(id)"
              criterion output
              better none
              unit \(indicator.unit)
              value \(indicator.value)
            }

            """
        }.joined()
        let loaded = DefinitionLoader.load(sources: [SourceFile(path: "s.ind", text: series + text)])
        let errors = loaded.diagnostics.map(\.description)
        try #require(errors.isEmpty, "\(errors)")
        return loaded.definitions
    }

    static func evaluator(_ definitions: DefinitionSet, batches: [String], rollups: Bool) throws -> Evaluator {
        let store = try Self.store(geography: geography)
        let directory = TestSupport.temporaryDirectory()
        for (index, rows) in batches.enumerated() {
            let text = "series,geo,period,melder,value,status\n" + rows
            var importer = DataImport(source: CSVSource(),
                                      inputs: [TestSupport.write(text, to: "b\(index).csv", in: directory)])
            if rollups {
                importer.afterMerge = { _ in
                    try RollupMaintainer(store: store, definitions: definitions).refresh()
                }
            }
            let result = try importer.run(into: store)
            try #require(!result.failed, "\(result.diagnostics)")
        }
        var evaluator = Evaluator(store: store, definitions: definitions)
        evaluator.useCache = false
        evaluator.useRollups = rollups
        return evaluator
    }

    /// A new store holding the given geography files.
    static func store(geography files: [String: String]) throws -> Store {
        let directory = TestSupport.temporaryDirectory()
        let store = try Store(path: directory + "/test.sqlite")
        let paths = files.keys.sorted().map { TestSupport.write(files[$0]!, to: $0, in: directory) }
        let outcome = try GeographyImport(paths: paths).run(into: store)
        try #require(!outcome.failed, "geography must import: \(outcome.diagnostics)")
        return store
    }

    /// One cell, the same from raw observations and from rollups.
    func cell(_ id: String, _ geo: String, _ period: String) throws -> IndicatorResult {
        let request = EvaluationRequest(geos: [geo], periods: [try Period.parse(period).period])
        let fromRaw = try #require(try raw.evaluate(id, request).first)
        let fromRollups = try #require(try rolled.evaluate(id, request).first)
        #expect(fromRaw == fromRollups, "rollups differ from raw observations")
        return fromRaw
    }
}
