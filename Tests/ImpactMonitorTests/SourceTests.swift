import Foundation
import Testing
import TestHarness
@testable import ImpactCore
@testable import ImpactEngine
@testable import ImpactLanguage
@testable import ImpactSources
@testable import ImpactStore

@Suite(.scratch) struct SourceTests {
    let definitions = DefinitionLoader.load(directory: TestSupport.indicators).definitions

    func evaluate(_ store: Store, _ ids: [String], geos: [String], periods: [Period]) throws -> [IndicatorResult] {
        let evaluator = Evaluator(store: store, definitions: definitions)
        return try ids.flatMap { try evaluator.evaluate($0, EvaluationRequest(geos: geos, periods: periods)) }
    }

    /// The StatLine-shaped export evaluates to the same values as the canonical CSV fixture.
    @Test func statLineEqualsTheCanonicalCSV() throws {
        let statline = try TestSupport.storeWithGeography()
        var options = ImportOptions(mapping: TestSupport.fixtures + "/statline/vt-west-brabant.mapping")
        options.geography = try GeographyStore(store: statline).load()
        let export = TestSupport.fixtures + "/statline/vt-west-brabant"
        let imported = try DataImport(source: StatLineSource(), inputs: [export], options: options).run(into: statline)
        #expect(!imported.failed, "\(imported.diagnostics)")
        let canonical = try TestSupport.storeWithGeography()
        _ = try CSVImport(paths: [TestSupport.fixtures + "/vt-west-brabant/regio-2015-2018.csv"]).run(into: canonical)
        let ids = ["wb_meldingen", "wb_adviezen", "wb_onderzoeken", "wb_ondersteuning", "wb_huisverboden",
                   "wb_casusregie", "wb_interventieteam", "wb_adviezen_per_melding"]
        let periods = (2015...2018).map(Period.year)
        let fromStatLine = try evaluate(statline, ids, geos: ["VTWB"], periods: periods)
        let fromCSV = try evaluate(canonical, ids, geos: ["VTWB"], periods: periods)
        #expect(fromStatLine.map(\.value) == fromCSV.map(\.value))
        #expect(fromStatLine.map(\.status) == fromCSV.map(\.status))
        #expect(fromStatLine.count == 32)
    }

    @Test func statLineKeysAreTrimmedAndNullIsMissing() throws {
        let store = try TestSupport.storeWithGeography()
        var options = ImportOptions(mapping: TestSupport.fixtures + "/statline/vt-west-brabant.mapping")
        options.geography = try GeographyStore(store: store).load()
        _ = try DataImport(source: StatLineSource(), inputs: [TestSupport.fixtures + "/statline/vt-west-brabant"],
                           options: options).run(into: store)
        let rows = try store.database.query("""
            SELECT geo, value, provisional FROM observation o JOIN series s ON s.id = o.series_id
            WHERE s.key = 'vt.interventieteam' ORDER BY period
            """) {
            ($0.string(0)!, $0.double(1), $0.int(2)!)
        }
        #expect(rows.map(\.0) == ["VTWB", "VTWB", "VTWB", "VTWB"])
        #expect(rows.map(\.1) == [nil, nil, 63, 70])
        #expect(rows.allSatisfy { $0.2 == 1 })
    }

    @Test func wideSpreadsheetEqualsTheLongFixture() throws {
        let wide = try TestSupport.storeWithGeography()
        var options = ImportOptions(mapping: TestSupport.fixtures + "/wide/bijlage3-west-brabant-2018.mapping")
        options.geography = try GeographyStore(store: wide).load()
        let imported = try DataImport(source: WideCSVSource(),
                                      inputs: [TestSupport.fixtures + "/wide/bijlage3-west-brabant-2018.csv"],
                                      options: options).run(into: wide)
        #expect(!imported.failed, "\(imported.diagnostics)")
        let canonical = try TestSupport.storeWithGeography()
        _ = try CSVImport(paths: [TestSupport.fixtures + "/vt-west-brabant/gemeenten-2018.csv"]).run(into: canonical)
        let geos = try GeographyStore(store: wide).load().members(of: "VTWB",
                                                                  on: CivilDate(year: 2018, month: 6, day: 1))
        let ids = ["wb_meldingen", "wb_adviezen", "wb_ondersteuning"]
        let a = try evaluate(wide, ids, geos: geos + ["VTWB"], periods: [.year(2018)])
        let b = try evaluate(canonical, ids, geos: geos + ["VTWB"], periods: [.year(2018)])
        #expect(a.map(\.value) == b.map(\.value))
        #expect(a.first { $0.indicator == "wb_adviezen" && $0.geo == "VTWB" }?.value == 3102)
    }

    @Test func gatesWarnAndFail() throws {
        let store = try TestSupport.storeWithGeography()
        let file = TestSupport.write("""
            series,geo,period,value
            vt.onderzoeken,VTWB,2018,171
            vt.onderzoeken,GM0758,2018,51
            vt.onderzoeken,GM0748,2018,-2

            """, to: "g.csv", in: TestSupport.temporaryDirectory())
        let source = SourceFile(path: "gates.ind", text: """
            source csv {
              expect no_negative fail
              expect parts_sum within 5% warn
              expect regions "VTZL" warn
              expect periods 2019 warn
              expect fresh within 12 months warn
            }

            """)
        let loaded = DefinitionLoader.load(sources: [source])
        #expect(!loaded.hasErrors, "\(loaded.diagnostics)")
        var importer = DataImport(source: CSVSource(), inputs: [file])
        importer.gates = loaded.definitions.sources[0].gates
        let result = try importer.run(into: store)
        #expect(result.failed)
        let found = Dictionary(grouping: result.diagnostics, by: \.code).mapValues { $0.map(\.severity) }
        #expect(found == [.gateNegativeValue: [.error], .gatePartsSum: [.warning], .gateMissingArea: [.warning],
                          .gateMissingPeriod: [.warning], .gateStale: [.warning]])
        #expect(result.diagnostics.allSatisfy { $0.file == file && $0.line == 0 })
        #expect(try store.database.scalarInt("SELECT count(*) FROM observation") == 0)
    }

    @Test func dryRunWritesNothing() throws {
        let store = try TestSupport.storeWithGeography()
        var importer = DataImport(source: CSVSource(), inputs: [TestSupport.fixtures + "/vt-gelderland/regio-2018.csv"])
        importer.dryRun = true
        let result = try importer.run(into: store)
        #expect(result.dryRun && result.added == 6 && result.batchID == nil)
        #expect(try store.database.scalarInt("SELECT count(*) FROM observation") == 0)
        #expect(try store.database.scalarInt("SELECT count(*) FROM import_batch WHERE source_id = 'csv'") == 0)
    }

    @Test func gateSyntaxErrorsAreLocated() {
        let text = "source csv {\n  expect part_sum\n  expect fresh within 2 weeks\n  expect fresh 2 years\n}\n"
        let loaded = DefinitionLoader.load(sources: [SourceFile(path: "s.ind", text: text)])
        #expect(loaded.diagnostics.map(\.reported) == [
            Reported(.unknownGate, 2, 10), Reported(.expectedDurationUnit, 3, 25), Reported(.expectedKeyword, 4, 16),
        ])
        #expect(loaded.diagnostics.first?.hint?.contains("parts_sum") == true)
    }
}
