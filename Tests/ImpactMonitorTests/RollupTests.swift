import Foundation
import Testing
import TestHarness
@testable import ImpactCompiler
@testable import ImpactCore
@testable import ImpactEngine
@testable import ImpactLanguage
@testable import ImpactSources
@testable import ImpactStore

/// Rollups maintained at import give exactly the answers of the raw observations.
@Suite(.scratch) struct RollupTests {
    static let definitionsText = """
        series t.events {
          title "Gebeurtenissen"
          unit count
          dimension kind {
            "a"
            "b"
          }
        }
        series t.population {
          title "Inwoners"
          unit persons
          time last
        }
        series t.survey {
          title "Enquête"
          unit percent
          time weighted
          geo weighted
        }
        series t.distinct {
          title "Unieke personen"
          unit persons
          time none
          geo none
        }
        series t.average {
          title "Gemiddelde bezetting"
          unit count
          time average
        }
        series t.weekly {
          title "Per week"
          unit count
        }

        """

    static let indicatorsText = """
        indicator events {
          title "E"
          criterion output
          unit count
          better higher
          value t.events
        }
        indicator share_a {
          title "A"
          criterion output
          unit percent
          better higher
          value pct(t.events[kind = "a"], t.events)
        }
        indicator rate {
          title "R"
          criterion output
          unit rate_per_1000
          better lower
          value t.events per 1000 t.population
        }
        indicator growth {
          title "G"
          criterion output
          unit ratio
          better none
          value (t.events - previous(t.events)) / last_year(t.events)
        }
        indicator survey {
          title "S"
          criterion outcome
          unit percent
          better higher
          value t.survey
        }
        indicator distinct {
          title "D"
          criterion output
          unit persons
          better none
          value t.distinct
        }
        indicator average {
          title "Av"
          criterion context
          unit count
          better none
          value t.average
        }
        indicator weekly {
          title "W"
          criterion context
          unit count
          better none
          value t.weekly
        }
        indicator median_events {
          title "M"
          criterion output
          unit count
          better none
          value median(t.events)
        }
        indicator compared_avg {
          title "C"
          criterion context
          unit percent
          better none
          value avg(t.survey)
        }
        indicator compared_min {
          title "C"
          criterion context
          unit count
          better none
          value min(t.average)
        }
        indicator compared_max {
          title "C"
          criterion context
          unit count
          better none
          value max(t.weekly)
        }
        indicator compared_count {
          title "C"
          criterion context
          unit count
          better none
          value count(t.distinct)
        }
        """

    static var definitions: DefinitionSet {
        let loaded = DefinitionLoader.load(sources: [SourceFile(path: "r.ind", text: definitionsText + indicatorsText)])
        precondition(!loaded.hasErrors, "\(loaded.diagnostics)")
        return loaded.definitions
    }

    /// Random deliveries in several batches (revisions, missing values, weeks, months, quarters,
    /// years, municipalities, merged municipalities, Onbekend and Buiten-regio buckets and a region's
    /// own totals); then every indicator for every area and period is evaluated from rollups, from
    /// raw observations, and as of the latest batch, and the three must be identical — on each engine.
    @Test(arguments: TestBackend.available, [1, 2, 3, 4, 5])
    func rollupsEqualRawObservations(backend: TestBackend, seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        let store = try TestSupport.storeWithGeography(on: backend)
        let definitions = Self.definitions
        let municipalities = ["GM0758", "GM0748", "GM0826", "GM0744", "GM0738", "GM1959", "VTWB-ONB", "VTWB-BUI"]
        let directory = TestSupport.temporaryDirectory()
        for batch in 0..<3 {
            var rows = "series,geo,period,kind,value,n,status\n"
            var seen = Set<String>()
            for _ in 0..<Int.random(in: 40...90, using: &generator) {
                let geo = Bool.random(using: &generator) && batch > 0 ? "VTWB" : municipalities.randomElement(using: &generator)!
                let year = Int.random(in: 2017...2019, using: &generator)
                var period: String
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: period = "\(year)"
                case 1: period = "\(year)-Q\(Int.random(in: 1...4, using: &generator))"
                default: period = "\(year)-\(String(format: "%02d", Int.random(in: 1...12, using: &generator)))"
                }
                let series = ["t.events", "t.events", "t.population", "t.survey", "t.distinct", "t.average", "t.weekly"]
                    .randomElement(using: &generator)!
                if series == "t.weekly" {
                    period = "\(year)-W\(String(format: "%02d", Int.random(in: 1...Period.isoWeeks(in: year), using: &generator)))"
                }
                let kind = series == "t.events" ? ["", "a", "b"].randomElement(using: &generator)! : ""
                guard seen.insert("\(series) \(geo) \(period) \(kind)").inserted else { continue }
                let value = Int.random(in: 0...10, using: &generator) == 0 ? "" : String(Int.random(in: 0...500, using: &generator))
                let n = series == "t.survey" ? String(Int.random(in: 10...300, using: &generator)) : ""
                let status = Bool.random(using: &generator) ? "provisional" : ""
                rows += "\(series),\(geo),\(period),\(kind),\(value),\(n),\(status)\n"
            }
            let path = TestSupport.write(rows, to: "b\(batch).csv", in: directory)
            var importer = DataImport(source: CSVSource(), inputs: [path])
            let prebuilt = RollupPrebuild(store: store, definitions: definitions)
            importer.directRows = prebuilt
            importer.afterMerge = { _ in
                try RollupMaintainer(store: store, definitions: definitions).refresh(prebuilt: prebuilt)
            }
            let result = try importer.run(into: store)
            #expect(!result.failed, "\(result.diagnostics)")
        }
        #expect(try store.database.scalarInt("SELECT count(*) FROM rollup") ?? 0 > 0)
        let latest = try #require(try BatchLog(store: store).latest())
        var fromRollups = Evaluator(store: store, definitions: definitions)
        fromRollups.useCache = false
        var fromRaw = fromRollups
        fromRaw.useRollups = false
        let periods = (2017...2019).flatMap { year in
            [Period.year(year)] + (1...4).map { Period(year: year, grain: .quarter, index: $0)! }
                + (1...12).map { Period(year: year, grain: .month, index: $0)! }
                + [1, 2, 26, 52, Period.isoWeeks(in: year)].map { Period(year: year, grain: .week, index: $0)! }
        }
        let request = EvaluationRequest(geos: municipalities + ["VTWB", "GHNT-WB", "PV30", "GM0879"], periods: periods)
        var asOfLatest = request
        asOfLatest.vintage = .asOfBatch(latest)
        for indicator in definitions.indicators {
            let plan = try Planner(definitions: definitions).plan(indicator.id.value)
            let a = try fromRollups.evaluate(indicator.id.value, request)
            let b = try fromRaw.evaluate(indicator.id.value, request)
            #expect(a == b, "\(indicator.id.value) differs between rollups and raw observations (seed \(seed))")
            let c = try fromRaw.evaluate(indicator.id.value, asOfLatest)
            #expect(a == c, "\(indicator.id.value): as of the latest batch differs from current (seed \(seed))")
            if plan.inputs.allSatisfy({ $0.rollupDimensions != nil }) {
                let placed = try fromRollups.session.boundQuery(indicator.id.value, request).plan
                #expect(placed.inputs.contains { $0.source != .observations }, "\(indicator.id.value) should read rollups")
            }
        }
    }

    @Test func importWithoutDefinitionsInvalidatesAndGeographyClears() throws {
        let store = try TestSupport.storeWithGeography()
        let directory = TestSupport.temporaryDirectory()
        var importer = DataImport(source: CSVSource(), inputs: [TestSupport.write("series,geo,period,kind,value\nt.events,GM0758,2018,,5\n", to: "a.csv", in: directory)])
        importer.afterMerge = { _ in try RollupMaintainer(store: store, definitions: Self.definitions).refresh() }
        _ = try importer.run(into: store)
        #expect(try store.database.scalarInt("SELECT count(*) FROM rollup_series") == 1)
        _ = try CSVImport(paths: [TestSupport.write("series,geo,period,kind,value\nt.events,GM0758,2019,,6\n", to: "b.csv", in: directory)]).run(into: store)
        #expect(try store.database.scalarInt("SELECT count(*) FROM rollup_series") == 0)
        var rebuild = DataImport(source: CSVSource(), inputs: [TestSupport.write("series,geo,period,kind,value\nt.events,GM0758,2020,,7\n", to: "c.csv", in: directory)])
        rebuild.afterMerge = { _ in try RollupMaintainer(store: store, definitions: Self.definitions).refresh() }
        _ = try rebuild.run(into: store)
        #expect(try store.database.scalarInt("SELECT count(*) FROM rollup WHERE geo = 'VTWB'") == 3)
        let units = TestSupport.write("code,name,level\nGMTEST,Test,gemeente\n", to: "units.csv", in: directory)
        _ = try GeographyImport(paths: [units]).run(into: store)
        #expect(try store.database.scalarInt("SELECT count(*) FROM rollup") == 0)
    }
}
