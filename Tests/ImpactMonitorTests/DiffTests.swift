import Foundation
import Testing
import TestHarness
@testable import ImpactCore
@testable import ImpactEngine
@testable import ImpactLanguage
@testable import ImpactRender
@testable import ImpactSources
@testable import ImpactStore

@Suite(.scratch) struct DiffTests {
    let definitions = DefinitionLoader.load(directory: TestSupport.indicators).definitions

    func publication(minimumCell: Double? = nil, store: Store) throws -> Publication {
        try Publication(evaluator: Evaluator(store: store, definitions: definitions), minimumCell: minimumCell)
    }

    func diff(_ id: String, _ geos: [String], _ a: String, _ b: String, store: Store) throws -> [DiffResult] {
        try PeriodDiff(publication: publication(store: store)).diff(id, geos: geos, from: Period.parse(a).period, to: Period.parse(b).period)
    }

    /// Golden: the West-Brabant 2017 → 2018 statements of seed 000 with polarity-aware verdicts.
    @Test(arguments: TestBackend.available) func westBrabantGolden(backend: TestBackend) throws {
        let store = try TestSupport.demoStore(on: backend)
        let ids = ["wb_onderzoeken", "wb_ondersteuning", "wb_huisverboden", "wb_casusregie", "wb_interventieteam", "wb_politie_meldingen", "wb_politie_aandeel", "wb_adviezen_per_melding"]
        var table = DataTable(columns: DiffResult.columns)
        for id in ids { table.rows += try diff(id, ["VTWB"], "2017", "2018", store: store).map { $0.row(human: false) } }
        let text = TableRenderer(format: .csv).render(table)
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/diff-west-brabant-2017-2018.csv").path
        if ProcessInfo.processInfo.environment["IMPACT_UPDATE_GOLDEN"] == "1" { try text.write(toFile: path, atomically: true, encoding: .utf8) }
        #expect(text == (try String(contentsOfFile: path, encoding: .utf8)))

        let onderzoeken = try diff("wb_onderzoeken", ["VTWB"], "2017", "2018", store: store)[0]
        #expect(onderzoeken.valueA == 276 && onderzoeken.valueB == 171 && onderzoeken.verdict == .improved)
        #expect(onderzoeken.test == .poissonExact && onderzoeken.significant == true)
        #expect(abs(onderzoeken.pValue! - 7.782997865640474e-07) < 1e-12)     // stats.binomtest(171, 447, 0.5)
        let huisverboden = try diff("wb_huisverboden", ["VTWB"], "2017", "2018", store: store)[0]
        #expect(huisverboden.verdict == .unchanged && huisverboden.significant == false)
        let casusregie = try diff("wb_casusregie", ["VTWB"], "2017", "2018", store: store)[0]
        #expect(casusregie.verdict == .changed && casusregie.significant == true)
        let police = try diff("wb_politie_aandeel", ["VTWB"], "2017", "2018", store: store)[0]
        #expect(police.verdict == .improved && police.test == .twoProportion)
        #expect(abs(police.intervalLow! - -9.261178258724653) < 1e-6)
        #expect(try diff("wb_politie_meldingen", ["VTWB"], "2017", "2018", store: store)[0].absoluteChange == -1786)
    }

    @Test(arguments: TestBackend.available) func halfYearAgainstAYearIsNotComparable(backend: TestBackend) throws {
        let store = try TestSupport.demoStore(on: backend)
        let result = try diff("hvb_out1_advies_aandeel", ["VTMB"], "2017", "2018-H1", store: store)[0]
        #expect(result.verdict == .notComparable)
        #expect(result.reason?.contains("different period lengths: 2017 is a year, 2018-H1 a half-year") == true)
        #expect(result.significant == nil && result.pValue == nil)
    }

    @Test(arguments: TestBackend.available) func declaredSeriesBreakIsNotComparable(backend: TestBackend) throws {
        let store = try withAltena2019(on: backend)
        let result = try diff("wb_meldingen", ["GM1959"], "2018", "2019", store: store)[0]
        #expect(result.verdict == .notComparable)
        #expect(result.reason?.contains("series break in vt.meldingen on 2019-01-01") == true)
    }

    @Test(arguments: TestBackend.available) func altenaIsComparedWithItsPredecessors(backend: TestBackend) throws {
        let store = try withAltena2019(on: backend)
        let result = try diff("wb_adviezen", ["GM1959"], "2018", "2019", store: store)[0]
        #expect(result.valueA == Double(23 + 66 + 36))
        #expect(result.valueB == 130)
        #expect(result.flags.contains("boundary_mapped"))
        #expect(result.reason?.contains("Aalburg + Werkendam + Woudrichem mapped onto Altena (GM1959)") == true)
        #expect(result.verdict == .unchanged)
        let old = try diff("wb_adviezen", ["GM0738"], "2018", "2019", store: store)[0]
        #expect(old.verdict == .notComparable)
    }

    @Test(arguments: TestBackend.available) func municipalityDiffSuppressesSmallAndComplementaryCells(backend: TestBackend) throws {
        let store = try TestSupport.demoStore(on: backend)
        let published = try publication(minimumCell: 10, store: store).evaluate("wb_adviezen", EvaluationRequest(geos: ["GM0716", "GM0744", "GM1723", "GM0758"], periods: [.year(2018)]))
        let byGeo = Dictionary(uniqueKeysWithValues: published.map { ($0.geo, $0) })
        #expect(byGeo["GM0716"]?.status == .suppressed && byGeo["GM0716"]?.flags.contains("small_cell") == true)      // Tholen: 7
        #expect(byGeo["GM0744"]?.status == .suppressed && byGeo["GM0744"]?.flags.contains("complementary_suppression") == true)  // Baarle-Nassau: 11
        // Baarle-Nassau is hidden alone in the GHNT region (without Tholen), so its smallest part follows.
        #expect(byGeo["GM1723"]?.status == .suppressed && byGeo["GM1723"]?.flags.contains("complementary_suppression") == true)
        #expect(byGeo["GM0758"]?.value == 802)
        let rows = try PeriodDiff(publication: publication(minimumCell: 10, store: store)).diff("wb_adviezen", geos: ["GM0716", "GM0744"], from: .year(2017), to: .year(2018))
        #expect(rows.allSatisfy { $0.valueB == nil && $0.reason == "suppressed: small numbers" })
        #expect(try publication(store: store).evaluate("wb_huisverboden", EvaluationRequest(geos: ["GM1655"], periods: [.year(2018)]))[0].status == .suppressed)
    }

    @Test(arguments: TestBackend.available) func contributionsAddUpToTheRegionsChange(backend: TestBackend) throws {
        let store = try TestSupport.storeWithGeography(on: backend)
        var rows = "series,geo,period,value\n"
        let members = ["GM0758": (100.0, 400.0, 130.0, 410.0), "GM0748": (50, 300, 40, 320), "GM0826": (30, 200, 33, 190)]
        for (geo, (adviceA, reportsA, adviceB, reportsB)) in members {
            rows += "vt.adviezen,\(geo),2019,\(Int(adviceA))\nvt.meldingen,\(geo),2019,\(Int(reportsA))\nvt.adviezen,\(geo),2020,\(Int(adviceB))\nvt.meldingen,\(geo),2020,\(Int(reportsB))\n"
        }
        _ = try CSVImport(paths: [TestSupport.write(rows, to: "c.csv", in: TestSupport.temporaryDirectory())]).run(into: store)
        let region = "PVTEST"
        try store.database.execute(sql: """
            INSERT INTO geo_unit (code, name, level) VALUES ('PVTEST', 'Testregio', 'regio');
            INSERT INTO membership (region_set, region, member) VALUES ('vt', 'PVTEST', 'GM0758'), ('vt', 'PVTEST', 'GM0748'), ('vt', 'PVTEST', 'GM0826');
            """)
        let contributions = try Contributions(publication: publication(store: store)).rows("wb_adviezen_per_melding", region: region, from: .year(2019), to: .year(2020))
        let total = contributions.compactMap(\.contribution).reduce(0, +)
        let regionChange = (130.0 + 40 + 33) / (410 + 320 + 190) - (100.0 + 50 + 30) / (400 + 300 + 200)
        #expect(abs(total - regionChange) < 1e-12)
        #expect(contributions.count == 3)
    }

    /// Distinct persons are not additive: a merger cannot sum its predecessors' persons (someone
    /// known in two of them counts once), so the comparison is not comparable, with the reason.
    @Test(arguments: TestBackend.available) func mergerDoesNotSumDistinctPersons(backend: TestBackend) throws {
        let extra = """
            series t.kinderen {
              title "Unieke kinderen"
              unit persons
              time none
              geo none
            }
            indicator t_unieke_kinderen {
              title "Unieke kinderen bekend bij Veilig Thuis"
              criterion context
              better none
              unit persons
              value t.kinderen
            }
            """
        var sources = DefinitionLoader.files(in: TestSupport.indicators).map {
            SourceFile(path: $0, text: (try? String(contentsOfFile: $0, encoding: .utf8)) ?? "")
        }
        sources.append(SourceFile(path: "persons.ind", text: extra))
        let loaded = DefinitionLoader.load(sources: sources)
        #expect(!loaded.hasErrors, "\(loaded.diagnostics.map(\.description))")
        let store = try TestSupport.demoStore(on: backend)
        let rows = "series,geo,period,value\nt.kinderen,GM0738,2018,300\nt.kinderen,GM0870,2018,200\n"
            + "t.kinderen,GM0874,2018,100\nt.kinderen,GM1959,2019,400\n"
        _ = try CSVImport(paths: [TestSupport.write(rows, to: "persons.csv", in: TestSupport.temporaryDirectory())]).run(into: store)
        let publication = try Publication(evaluator: Evaluator(store: store, definitions: loaded.definitions))
        let result = try PeriodDiff(publication: publication).diff("t_unieke_kinderen", geos: ["GM1959"], from: .year(2018), to: .year(2019))[0]
        #expect(result.verdict == .notComparable, "\(result)")
        #expect(result.valueA == nil && result.test == .none && result.significant == nil)
        #expect(result.reason?.contains("a non-additive value cannot be mapped") == true, "\(result.reason ?? "")")
    }

    /// A store with the fixtures plus 2019 figures for Altena.
    func withAltena2019(on backend: TestBackend) throws -> Store {
        let store = try TestSupport.demoStore(on: backend)
        let file = TestSupport.write("series,geo,period,value\nvt.adviezen,GM1959,2019,130\nvt.meldingen,GM1959,2019,320\n", to: "altena.csv", in: TestSupport.temporaryDirectory())
        _ = try CSVImport(paths: [file]).run(into: store)
        return store
    }
}
