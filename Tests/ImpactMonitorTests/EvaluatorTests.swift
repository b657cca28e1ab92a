import Foundation
import Testing
import TestHarness
@testable import ImpactCompiler
@testable import ImpactCore
@testable import ImpactEngine
@testable import ImpactLanguage
@testable import ImpactRender
@testable import ImpactSources
@testable import ImpactStore

/// Evaluation on the real fixtures, checked against values computed here from the raw numbers.
@Suite(.scratch) struct EvaluatorTests {
    static let extraDefinitions = """
        indicator t_literal {
          title "Onderzoeken maal een lange constante"
          criterion output
          unit count
          better none
          value vt.onderzoeken * 1.23456789012345
        }
        indicator t_onderzoeken {
          title "Onderzoeken"
          criterion output
          unit count
          better lower
          value vt.onderzoeken
        }
        indicator t_zl_ouderen_meldingen {
          title "Aandeel ouderenmishandeling in meldingen"
          criterion output
          unit percent
          better none
          value pct(vt.meldingen[aard = "ouderenmishandeling"], vt.meldingen)
        }
        indicator t_mb_advies_aandeel {
          title "Adviezen als aandeel van alle contacten"
          criterion output
          unit percent
          better higher
          value pct(vt.adviezen, vt.adviezen + vt.meldingen)
        }
        indicator t_median_meldingen {
          title "Mediaan meldingen per gemeente"
          criterion context
          unit count
          better none
          value median(vt.meldingen)
        }
        indicator t_veiliger {
          title "Veiliger na casusregie"
          criterion outcome
          unit percent
          better higher
          value vt.casusregie_veiliger
          min_n 30
        }
        indicator t_tevredenheid {
          title "Cliënttevredenheid"
          criterion outcome
          unit score
          better higher
          value vt.clienttevredenheid
          min_n 30
        }
        indicator t_groei {
          title "Groei meldingen"
          criterion context
          unit ratio
          better none
          value (vt.meldingen - previous(vt.meldingen)) / previous(vt.meldingen)
        }
        indicator t_deling_nul {
          title "Deling door nul"
          criterion context
          unit ratio
          better none
          value vt.ondersteuning / (vt.ondersteuning - vt.ondersteuning)
        }
        """

    static let definitions: DefinitionSet = {
        var sources = (try! FileManager.default.contentsOfDirectory(atPath: TestSupport.indicators)).filter { $0.hasSuffix(".ind") }.map {
            SourceFile(path: $0, text: try! String(contentsOfFile: TestSupport.indicators + "/" + $0, encoding: .utf8))
        }
        sources.append(SourceFile(path: "extra.ind", text: extraDefinitions))
        let loaded = DefinitionLoader.load(sources: sources)
        precondition(!loaded.hasErrors, "\(loaded.diagnostics)")
        return loaded.definitions
    }()

    func evaluate(_ id: String, _ geos: [String], _ periods: [String], vintage: Vintage = .current,
                  store: Store) throws -> [IndicatorResult] {
        let request = EvaluationRequest(geos: geos, periods: try periods.map { try Period.parse($0).period }, vintage: vintage)
        return try Evaluator(store: store, definitions: Self.definitions).evaluate(id, request)
    }

    func value(_ id: String, _ geo: String, _ period: String, store: Store) throws -> Double? {
        try evaluate(id, [geo], [period], store: store).first?.value
    }

    @Test(arguments: TestBackend.available) func adviceRequestsPerReport(backend: TestBackend) throws {
        let store = try TestSupport.demoStore(on: backend)
        let results = try evaluate("wb_adviezen_per_melding", ["VTWB"], ["2015", "2016", "2017", "2018"], store: store)
        #expect(results.map(\.period) == ["2015", "2016", "2017", "2018"])
        #expect(abs(results[3].value! - 3102.0 / 6039.0) < 1e-12)
        #expect(String(format: "%.4f", results[3].value!) == "0.5137")
        #expect(results[3].numerator == 3102 && results[3].denominator == 6039)
        #expect(results.allSatisfy { $0.status == .provisional })
    }

    @Test(arguments: TestBackend.available) func policeShareOfReports(backend: TestBackend) throws {
        let store = try TestSupport.demoStore(on: backend)
        let share = try value("wb_politie_aandeel", "VTWB", "2017", store: store)!
        #expect(abs(share - 100.0 * 6488 / 7561) < 1e-9)
        #expect(String(format: "%.2f", share) == "85.81")
        #expect(String(format: "%.2f", try value("wb_politie_aandeel", "VTWB", "2018", store: store)!) == "77.86")
        let missing = try evaluate("wb_politie_aandeel", ["VTWB"], ["2016"], store: store)[0]
        #expect(missing.value == nil && missing.status == .missing)
    }

    @Test(arguments: TestBackend.available) func reportsPerHundredInhabitantsForAMunicipality(backend: TestBackend) throws {
        let store = try TestSupport.demoStore(on: backend)
        #expect(abs(try value("wb_meldingen_per_100_inwoners", "GM0744", "2018", store: store)! - 45.0 / 6803 * 100) < 1e-12)
        // The document prints 0,1 for Breda and Oosterhout; the figures give 1,0 and 1,1.
        #expect(String(format: "%.1f", try value("wb_meldingen_per_100_inwoners", "GM0758", "2018", store: store)!) == "1.0")
        #expect(String(format: "%.1f", try value("wb_meldingen_per_100_inwoners", "GM0826", "2018", store: store)!) == "1.1")
    }

    @Test(arguments: TestBackend.available) func regionFromMembersIncludesOnbekendAndBuitenRegio(backend: TestBackend) throws {
        let store = try TestSupport.demoStore(on: backend)
        let ghnt = try evaluate("wb_meldingen", ["GHNT-WB"], ["2018"], store: store)[0]
        #expect(ghnt.value == Double(6039 - 69 - 9 - 105))
        let region = try evaluate("wb_meldingen_per_100_inwoners", ["VTWB"], ["2018"], store: store)[0]
        #expect(region.numerator == 6039 && region.denominator == 729_123)
    }

    @Test(arguments: TestBackend.available) func partialMembersAreIncompleteNotASmallerTotal(backend: TestBackend) throws {
        let store = try TestSupport.demoStore(on: backend)
        let ghnt = try evaluate("t_onderzoeken", ["GHNT-WB"], ["2018"], store: store)[0]
        #expect(ghnt.value == nil)
        #expect(ghnt.status == .incomplete)
        #expect(ghnt.flags.contains("partial_members"))
        #expect(try value("t_onderzoeken", "VTWB", "2018", store: store) == 171)
    }

    @Test(arguments: TestBackend.available) func zuidLimburgSharesFromTheTable(backend: TestBackend) throws {
        let store = try TestSupport.demoStore(on: backend)
        #expect(String(format: "%.2f", try value("t_zl_ouderen_meldingen", "VTZL", "2018", store: store)!) == "2.12")
        let subregion = try evaluate("t_zl_ouderen_meldingen", ["ZL-PS"], ["2018"], store: store)[0]
        #expect(subregion.status == .missing)
    }

    @Test(arguments: TestBackend.available) func halfYearIsNotAYear(backend: TestBackend) throws {
        let store = try TestSupport.demoStore(on: backend)
        let share2016 = try value("t_mb_advies_aandeel", "VTMB", "2016", store: store)!
        #expect(String(format: "%.2f", share2016) == "40.45")
        #expect(String(format: "%.2f", try value("t_mb_advies_aandeel", "VTMB", "2017", store: store)!) == "35.97")
        let year2018 = try evaluate("t_mb_advies_aandeel", ["VTMB"], ["2018"], store: store)[0]
        #expect(year2018.value == nil && year2018.status == .incomplete)
        #expect(try value("t_mb_advies_aandeel", "VTMB", "2018-H1", store: store) != nil)
    }

    @Test(arguments: TestBackend.available) func medianAcrossMunicipalities(backend: TestBackend) throws {
        let store = try TestSupport.demoStore(on: backend)
        let counts: [Double] = [105, 76, 45, 580, 1842, 361, 197, 617, 155, 133, 151, 133, 86, 129, 226, 668, 248, 161, 48]
        let sorted = counts.sorted()
        #expect(try value("t_median_meldingen", "VTWB", "2018", store: store) == sorted[sorted.count / 2])
    }

    @Test(arguments: TestBackend.available) func lowNIsFlagged(backend: TestBackend) throws {
        let store = try TestSupport.demoStore(on: backend)
        let satisfaction = try evaluate("t_tevredenheid", ["VTWB"], ["2018"], store: store)[0]
        #expect(satisfaction.value == 6.1 && satisfaction.n == 29 && satisfaction.status == .insufficientN)
        let safety = try evaluate("t_veiliger", ["VTWB"], ["2018"], store: store)[0]
        #expect(safety.value == 88.4 && safety.n == 146 && safety.status == .provisional)
    }

    @Test(arguments: TestBackend.available) func previousPeriodShift(backend: TestBackend) throws {
        let store = try TestSupport.demoStore(on: backend)
        #expect(abs(try value("t_groei", "VTWB", "2018", store: store)! - (6039.0 - 7561) / 7561) < 1e-12)
        #expect(try evaluate("t_groei", ["VTWB"], ["2015"], store: store)[0].status == .missing)
    }

    @Test(arguments: TestBackend.available) func divisionByZeroIsItsOwnStatus(backend: TestBackend) throws {
        let store = try TestSupport.demoStore(on: backend)
        let result = try evaluate("t_deling_nul", ["VTWB"], ["2018"], store: store)[0]
        #expect(result.value == nil && result.status == .divisionByZero)
    }

    @Test(arguments: TestBackend.available) func monthsRollUpOnlyWhenComplete(backend: TestBackend) throws {
        let store = try TestSupport.storeWithGeography(on: backend)
        let directory = TestSupport.temporaryDirectory()
        var rows = "series,geo,period,value\n"
        for month in 1...12 { rows += "vt.onderzoeken,GM0758,2019-\(month < 10 ? "0" : "")\(month),\(month)\n" }
        for month in 1...11 { rows += "vt.onderzoeken,GM0748,2019-\(month < 10 ? "0" : "")\(month),1\n" }
        _ = try CSVImport(paths: [TestSupport.write(rows, to: "m.csv", in: directory)]).run(into: store)
        let year = try evaluate("t_onderzoeken", ["GM0758", "GM0748"], ["2019"], store: store)
        #expect(year[0].value == 78 && year[0].status == .ok)
        #expect(year[1].value == nil && year[1].status == .incomplete)
        let quarters = try evaluate("t_onderzoeken", ["GM0748"], ["2019-Q3", "2019-Q4"], store: store)
        #expect(quarters.map(\.value) == [3, nil])
    }

    @Test(arguments: TestBackend.available) func asOfReadsAnEarlierVintage(backend: TestBackend) throws {
        let store = try TestSupport.storeWithGeography(on: backend)
        let directory = TestSupport.temporaryDirectory()
        let first = try CSVImport(paths: [TestSupport.write("series,geo,period,value\nvt.onderzoeken,VTWB,2018,170\n", to: "a.csv", in: directory)]).run(into: store)
        _ = try CSVImport(paths: [TestSupport.write("series,geo,period,value\nvt.onderzoeken,VTWB,2018,171\n", to: "b.csv", in: directory)]).run(into: store)
        #expect(try evaluate("t_onderzoeken", ["VTWB"], ["2018"], store: store)[0].value == 171)
        #expect(try evaluate("t_onderzoeken", ["VTWB"], ["2018"], vintage: .asOfBatch(first.batchID!), store: store)[0].value == 170)
    }

    /// A number literal reaches SQLite as a bound double, so the product is exact to the last bit
    /// (pasted through a 10-digit formatter it had been `* 1.23456789`).
    @Test(arguments: TestBackend.available) func numberLiteralsAreExactToTheLastBit(backend: TestBackend) throws {
        let store = try TestSupport.demoStore(on: backend)
        let onderzoeken = try #require(try value("t_onderzoeken", "VTWB", "2018", store: store))
        let product = try #require(try value("t_literal", "VTWB", "2018", store: store))
        #expect(product.bitPattern == (onderzoeken * 1.23456789012345).bitPattern)
        let plan = try Planner(definitions: Self.definitions).plan("t_literal")
        let query = SQLGenerator().compile(plan)
        #expect(!query.sql.contains("1.23456789") && query.fixedParameters.contains(.real(1.23456789012345)))
    }

    /// CSV and JSON print the shortest text that reads back as the same double.
    @Test(arguments: TestBackend.available) func machineOutputRoundTripsTheStoredDouble(backend: TestBackend) throws {
        let store = try TestSupport.demoStore(on: backend)
        let results = try evaluate("wb_politie_aandeel", ["VTWB", "GM0758"], ["2017", "2018"], store: store) + evaluate("t_literal", ["VTWB"], ["2018"], store: store)
        var table = DataTable(columns: IndicatorResult.columns)
        table.rows = results.map(\.row)
        let csv = TableRenderer(format: .csv).render(table).split(separator: "\n").dropFirst()
        for (line, result) in zip(csv, results) where result.value != nil {
            let field = line.split(separator: ",", omittingEmptySubsequences: false)[3]
            #expect(Double(String(field))?.bitPattern == result.value!.bitPattern, "\(line)")
        }
        let json = TableRenderer(format: .json).render(table)
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        for (object, result) in zip(objects, results) where result.value != nil {
            #expect((object["value"] as? Double)?.bitPattern == result.value!.bitPattern)
        }
    }

    /// One session per command: the geography and the rollup registry are read once, each
    /// indicator is planned once, however many evaluations, diffs and publications share it.
    @Test(arguments: TestBackend.available) func sessionReadsTheStoreOnceAndPlansOnce(backend: TestBackend) throws {
        let store = try TestSupport.demoStore(on: backend)
        let session = EvaluationSession(store: store, definitions: Self.definitions)
        let before = store.database.statementsExecuted
        _ = try session.geography()
        let afterGeography = store.database.statementsExecuted
        #expect(afterGeography > before)
        var evaluator = Evaluator(session: session)
        evaluator.useCache = false
        let publication = try Publication(evaluator: evaluator)
        let request = EvaluationRequest(geos: ["VTWB"], periods: [.year(2018)])
        _ = try publication.evaluate("wb_politie_aandeel", request)
        let afterFirst = store.database.statementsExecuted
        _ = try PeriodDiff(publication: publication).diff("wb_politie_aandeel", geos: ["VTWB"], from: .year(2017), to: .year(2018))
        // The diff evaluates two periods: two statements, no geography or registry reads.
        #expect(store.database.statementsExecuted - afterFirst == 2)
        #expect(try session.plan("wb_politie_aandeel").indicator == "wb_politie_aandeel")
    }

    /// One statement per indicator: the count does not grow with the number of areas or periods.
    @Test(arguments: TestBackend.available) func statementCountDoesNotGrowWithAreasOrPeriods(backend: TestBackend) throws {
        let store = try TestSupport.demoStore(on: backend)
        var evaluator = Evaluator(store: store, definitions: Self.definitions)
        evaluator.useCache = false
        func statements(geos: [String], periods: [Period]) throws -> Int {
            let before = store.database.statementsExecuted
            _ = try evaluator.evaluate("wb_politie_aandeel", EvaluationRequest(geos: geos, periods: periods))
            return store.database.statementsExecuted - before
        }
        // The session reads the store's rollup registry once, on its first evaluation.
        #expect(try statements(geos: ["VTWB"], periods: [.year(2017)]) == 2)
        let small = try statements(geos: ["VTWB"], periods: [.year(2018)])
        let large = try statements(geos: ["VTWB", "GHNT-WB", "VTZL", "VTMB", "GM0758", "GM0744", "PV30"], periods: (2010...2020).map(Period.year))
        #expect(small == 1)
        #expect(large == small)
        // With the result cache: a lookup, the statement, a store and a prune — still constant.
        evaluator.useCache = true
        let cached = try statements(geos: ["VTWB"], periods: [.year(2016)])
        let cachedLarge = try statements(geos: ["VTWB", "GHNT-WB", "VTZL", "VTMB"], periods: (2005...2020).map(Period.year))
        #expect(cached == cachedLarge && cached <= 4)
    }

    @Test func resultCacheServesRepeatedEvaluationsAndGoesStaleOnImport() throws {
        let store = try TestSupport.demoStore()
        let evaluator = Evaluator(store: store, definitions: Self.definitions)
        let request = EvaluationRequest(geos: ["VTWB"], periods: [.year(2018)])
        let first = try evaluator.evaluate("wb_politie_aandeel", request)
        let before = store.database.statementsExecuted
        let second = try evaluator.evaluate("wb_politie_aandeel", request)
        #expect(store.database.statementsExecuted - before == 1)
        #expect(first == second)
        let file = TestSupport.write("series,geo,period,melder,value\nvt.meldingen,VTWB,2018,Politie,4800\n", to: "r.csv", in: TestSupport.temporaryDirectory())
        _ = try CSVImport(paths: [file]).run(into: store)
        let third = try evaluator.evaluate("wb_politie_aandeel", request)
        #expect(abs(third[0].value! - 100.0 * 4800 / 6039) < 1e-9)
    }

    /// The cache gives back exactly what it was given: every bit of every number, missing stays
    /// missing, and anything it did not write is a miss instead of a wrong answer.
    @Test func resultCacheCodecIsExact() {
        let results = [
            IndicatorResult(indicator: "a", geo: "GM0758", period: "2018-H1", value: 0.1 + 0.2, numerator: -0.0, denominator: 1e-300, n: nil,
                            status: .ok, flags: ["provisional", "partial"]),
            IndicatorResult(indicator: "a", geo: "VTWB", period: "2018", value: nil, numerator: nil, denominator: nil, n: 12, status: .missing, flags: []),
        ]
        func decode(_ text: String) -> [IndicatorResult]? {
            Array(text.utf8).withUnsafeBytes { ResultCache.decode($0) }
        }
        let decoded = decode(ResultCache.encode(results))
        #expect(decoded == results)
        #expect(decoded?[0].numerator?.sign == .minus)
        #expect(decode("") == [])
        #expect(decode("a\tGM0758\t2018\t33572\t\t\t\tok\t") == nil, "an entry in the old decimal format is a miss")
        #expect(decode("a\tGM0758\t2018") == nil)
    }
}
