import Foundation
import Testing
import TestHarness
@testable import ImpactSources
@testable import ImpactStore

@Suite(.scratch) struct ImportTests {
    func sum(_ store: Store, _ series: String, geo: String? = nil, period: String,
             members: Bool = false) throws -> Double? {
        let geoFilter = members
            ? "o.geo IN (SELECT member FROM membership WHERE region = ? AND region_set = 'vt')"
            : "o.geo = ?"
        return try store.database.query("""
            SELECT sum(o.value) FROM observation o JOIN series s ON s.id = o.series_id
            WHERE s.key = ? AND \(geoFilter) AND o.period = ? AND o.dims = '{}' AND o.superseded_by IS NULL
            """, [.text(series), .text(geo ?? "VTWB"), .text(period)]) { $0.double(0) }.first ?? nil
    }

    /// Known sums from seed 000 (table 1, appendix 3) and domain.md.
    @Test func westBrabantFixturesHoldTheDocumentedFigures() throws {
        let store = try TestSupport.demoStore()
        #expect(try sum(store, "vt.meldingen", period: "2018") == 6039)
        #expect(try sum(store, "vt.meldingen", period: "2018", members: true) == 6039)
        #expect(try sum(store, "vt.adviezen", period: "2018", members: true) == 3102)
        #expect(try sum(store, "vt.ondersteuning", period: "2018", members: true) == 194)
        #expect(try sum(store, "vt.adviezen", geo: "VTWB-ONB", period: "2018") == 753)
        #expect(try sum(store, "pop.inwoners", period: "2017", members: true) == 729_123)
        #expect(try sum(store, "vt.onderzoeken", period: "2017") == 276)
        #expect(try sum(store, "vt.interventieteam", period: "2017") == 63)
        let police = try store.database.query("""
            SELECT o.period, o.value FROM observation o JOIN series s ON s.id = o.series_id
            WHERE s.key = 'vt.meldingen' AND json_extract(o.dims, '$.melder') = 'Politie' ORDER BY o.period
            """) { ($0.string(0)!, $0.double(1)!) }
        #expect(police.map(\.1) == [6488, 4702])
        let lidZat = try store.database.scalar("""
            SELECT value FROM observation WHERE dims = '{"melder":"Lid ZAT-team school, leerkracht, directeur"}'
            """)
        #expect(lidZat == .real(54))
    }

    @Test func otherRegionsFixtures() throws {
        let store = try TestSupport.demoStore()
        #expect(try sum(store, "vt.adviezen", geo: "VTMB", period: "2018-H1") == 1385)
        #expect(try sum(store, "vt.meldingen", geo: "VTMB", period: "2017") == 4413)
        #expect(try sum(store, "vt.meldingen", geo: "VTZL", period: "2018") == 4197)
        #expect(try sum(store, "vt.meldingen", geo: "VTGM", period: "2018") == 2170)
        #expect(try sum(store, "vt.huisverboden", geo: "VTNOG", period: "2018") == 44)
        let elder = try store.database.scalar("""
            SELECT sum(value) FROM observation
            WHERE geo IN ('ZL-MH', 'ZL-PS', 'ZL-WM', 'VTZL-ONB') AND dims = '{"aard":"ouderenmishandeling"}'
              AND series_id = (SELECT id FROM series WHERE key = 'vt.adviezen')
            """)
        #expect(elder == .real(184))
    }

    @Test func reimportIsANoOpAndChangedValuesBecomeAVintage() throws {
        let store = try TestSupport.storeWithGeography()
        let directory = TestSupport.temporaryDirectory()
        let header = "series,geo,period,value\n"
        let first = TestSupport.write(header + "vt.meldingen,VTWB,2018,6039\nvt.adviezen,VTWB,2018,3102\n",
                                      to: "a.csv", in: directory)
        let imported = try CSVImport(paths: [first]).run(into: store)
        #expect(imported.batchID != nil && imported.added == 2)
        let again = try CSVImport(paths: [first]).run(into: store)
        #expect(again.unchanged)
        #expect(again.identicalBatch == imported.batchID)
        let revised = TestSupport.write(header + "vt.meldingen,VTWB,2018,6040\nvt.adviezen,VTWB,2018,3102\n",
                                        to: "b.csv", in: directory)
        let second = try CSVImport(paths: [revised]).run(into: store)
        #expect(second.revised == 1 && second.added == 0)
        let history = try store.database.query("""
            SELECT value, batch_id, superseded_by FROM observation
            WHERE series_id = (SELECT id FROM series WHERE key = 'vt.meldingen') ORDER BY id
            """) {
            ($0.double(0)!, $0.int(1)!, $0.int(2))
        }
        #expect(history.count == 2)
        #expect(history[0] == (6039, imported.batchID!, second.batchID))
        #expect(history[1].0 == 6040 && history[1].2 == nil)
    }

    /// A first delivery of a series goes straight into `observation` (`DirectLoad`, 64 rows a
    /// statement), a later one through the staging table. Repeated keys must be reported alike
    /// either way, each naming the line of the key's first occurrence: a repeat of a key a full
    /// statement wrote earlier, a conflicting repeat inside one statement, and an identical and a
    /// conflicting third occurrence in the last, partial statement; and nothing is kept.
    @Test func repeatsAreReportedAlikeWithAndWithoutStaging() throws {
        let areas = ["GM0758", "GM0748", "GM0826", "GM0744", "GM0738", "GM1959"]
        var lines = [2018, 2019].flatMap { year in
            (1...12).flatMap { month in
                areas.map { "vt.meldingen,\($0),\(year)-\(String(format: "%02d", month)),\(month)" }
            }
        }
        lines.insert(lines[1], at: 100)
        lines.insert(lines[90].replacingOccurrences(of: ",4", with: ",99"), at: 110)
        lines += [lines[0], lines[0].replacingOccurrences(of: ",1", with: ",5")]
        let directory = TestSupport.temporaryDirectory()
        let delivery = TestSupport.write("series,geo,period,value\n" + lines.joined(separator: "\n") + "\n",
                                         to: "repeats.csv", in: directory)
        let fresh = try TestSupport.storeWithGeography()
        let direct = try CSVImport(paths: [delivery]).run(into: fresh)
        let held = try TestSupport.storeWithGeography()
        let earlier = TestSupport.write("series,geo,period,value\nvt.meldingen,VTWB,2010,1\n", to: "earlier.csv",
                                        in: directory)
        _ = try CSVImport(paths: [earlier]).run(into: held)
        let staged = try CSVImport(paths: [delivery]).run(into: held)
        #expect(direct.diagnostics.map(\.reported) == [
            Reported(.duplicateRow, 102, 1), Reported(.conflictingValues, 112, 1), Reported(.duplicateRow, 148, 1),
            Reported(.conflictingValues, 149, 1),
        ])
        #expect(direct.diagnostics == staged.diagnostics)
        #expect(direct.diagnostics.map(\.message) == [
            "duplicate row for vt.meldingen GM0748 2018-01; line 3 already gives it",
            "conflicting values for vt.meldingen GM0758 2019-04: 99 here, 4 on line 92",
            "duplicate row for vt.meldingen GM0758 2018-01; line 2 already gives it",
            "conflicting values for vt.meldingen GM0758 2018-01: 5 here, 1 on line 2",
        ])
        #expect(try fresh.database.scalarInt("SELECT count(*) FROM observation") == 0)
        #expect(try fresh.database.scalarInt("SELECT count(*) FROM import_batch WHERE source_id = 'csv'") == 0)
    }

    /// One delivery with a revision of a held series and rows of a new one: the new rows go straight
    /// in, the revision through staging, and the batch counts and keeps both.
    @Test func aDeliveryRevisesAHeldSeriesAndAddsANewOne() throws {
        let store = try TestSupport.storeWithGeography()
        let directory = TestSupport.temporaryDirectory()
        let header = "series,geo,period,value\n"
        let first = try CSVImport(paths: [TestSupport.write(header + "vt.meldingen,VTWB,2018,6039\n", to: "a.csv",
                                                            in: directory)]).run(into: store)
        let mixed = TestSupport.write(header + "vt.adviezen,VTWB,2018,3102\nvt.meldingen,VTWB,2018,6040\n"
                                      + "vt.adviezen,GM0758,2018,5\n", to: "b.csv", in: directory)
        let second = try CSVImport(paths: [mixed]).run(into: store)
        #expect(second.revised == 1 && second.added == 2 && !second.failed)
        #expect(try store.database.scalarInt("SELECT count(*) FROM temp.staging") == 1, "only the revision staged")
        let current = try store.database.query("""
            SELECT s.key, o.geo, o.value, o.batch_id FROM observation o JOIN series s ON s.id = o.series_id
            WHERE o.superseded_by IS NULL ORDER BY s.key, o.geo
            """) { "\($0.string(0)!) \($0.string(1)!) \($0.double(2)!) \($0.int(3)!)" }
        let batch = try #require(second.batchID)
        #expect(current == ["vt.adviezen GM0758 5.0 \(batch)", "vt.adviezen VTWB 3102.0 \(batch)",
                            "vt.meldingen VTWB 6040.0 \(batch)"])
        #expect(try store.database.scalarInt("SELECT superseded_by FROM observation WHERE value = 6039") == batch)
        let recorded = try store.database.query("SELECT row_count, sha256, id > ? FROM import_batch WHERE id = ?",
                                                [.integer(Int64(first.batchID!)), .integer(Int64(batch))]) {
            "\($0.int(0)!) \($0.string(1)!.count) \($0.int(2)!)"
        }
        #expect(recorded == ["3 64 1"])
        let again = try CSVImport(paths: [mixed]).run(into: store)
        #expect(again.unchanged && again.identicalBatch == batch)
    }

    @Test func brokenFileIsRejectedWithEveryProblemAndNothingWritten() throws {
        let store = try TestSupport.storeWithGeography()
        let result = try CSVImport(paths: [TestSupport.fixtures + "/broken/broken-import.csv"]).run(into: store)
        #expect(result.failed)
        #expect(result.diagnostics.map(\.reported) == [
            Reported(.unknownGeo, 3, 14), Reported(.fieldCount, 4, 21), Reported(.invalidValueField, 5, 25),
            Reported(.invalidPeriodField, 6, 20), Reported(.conflictingValues, 8, 1),
        ])
        #expect(result.diagnostics.first { $0.code == .unknownGeo }?.hint?.contains("GM0758") == true)
        #expect(try store.database.scalarInt("SELECT count(*) FROM observation") == 0)
        #expect(try store.database.scalarInt("SELECT count(*) FROM import_batch WHERE source_id = 'csv'") == 0)
    }

    @Test func dimensionsStatusesAndMissingValues() throws {
        let store = try TestSupport.storeWithGeography()
        let file = TestSupport.write("""
            series;geo;period;value;n;status;melder
            vt.meldingen;VTWB;2018*;4.702;;;Politie
            vt.meldingen;GM0744;2018;.;;;
            vt.meldingen;GM0758;2018;;;;
            vt.clienttevredenheid;VTWB;2018;6,1;29;voorlopig;

            """, to: "nl.csv", in: TestSupport.temporaryDirectory())
        let result = try CSVImport(paths: [file]).run(into: store)
        #expect(!result.failed, "\(result.diagnostics)")
        let rows = try store.database.query("""
            SELECT geo, value, n, provisional, suppressed, dims, dim_keys FROM observation ORDER BY id
            """) {
            [$0.string(0)!, $0.double(1).map { String($0) } ?? "null", $0.double(2).map { String($0) } ?? "null",
             String($0.int(3)!), String($0.int(4)!), $0.string(5)!, $0.string(6)!]
        }
        #expect(rows[0] == ["VTWB", "4702.0", "null", "1", "0", "{\"melder\":\"Politie\"}", "melder"])
        #expect(rows[1] == ["GM0744", "null", "null", "0", "1", "{}", ""])
        #expect(rows[2] == ["GM0758", "null", "null", "0", "0", "{}", ""])
        #expect(rows[3] == ["VTWB", "6.1", "29.0", "1", "0", "{}", ""])
    }

    @Test func headerProblemsAreReported() throws {
        let store = try TestSupport.storeWithGeography()
        let file = TestSupport.write("series,gео,period,valeu\n", to: "h.csv", in: TestSupport.temporaryDirectory())
        let result = try CSVImport(paths: [file]).run(into: store)
        #expect(result.failed)
        #expect(result.diagnostics.contains { $0.code == .missingColumn && $0.hint?.contains("valeu") == true })
    }

    /// Property: random mutations of a valid file never crash the importer; they either import
    /// or produce located diagnostics, and a failed import writes nothing.
    @Test func mutatedFilesAlwaysGiveADiagnosticOrSucceed() throws {
        let store = try TestSupport.storeWithGeography()
        let directory = TestSupport.temporaryDirectory()
        let valid = Array(("series,geo,period,value,n,melder\nvt.meldingen,GM0758,2018,1842,,Politie\n"
                           + "vt.adviezen,VTWB,2018-H1,\"1.385\",3,\n").utf8)
        let inserts: [UInt8] = Array(",;\"\n.x9-*é".utf8) + [0xFF]
        var generator = SeededGenerator(seed: 7)
        for round in 0..<300 {
            var bytes = valid
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let position = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes.remove(at: position)
                case 1: bytes.insert(inserts.randomElement(using: &generator)!, at: position)
                default: bytes[position] = inserts.randomElement(using: &generator)!
                }
            }
            let path = directory + "/m\(round).csv"
            _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
            let before = try store.database.scalarInt("SELECT count(*) FROM observation")
            let result = try CSVImport(paths: [path]).run(into: store)
            if result.failed {
                #expect(!result.diagnostics.isEmpty || result.droppedDiagnostics > 0)
                #expect(result.diagnostics.allSatisfy { $0.file == path })
                #expect(result.diagnostics.allSatisfy { ["IMP-C", "IMP-I"].contains($0.code.rawValue.prefix(5)) })
                #expect(try store.database.scalarInt("SELECT count(*) FROM observation") == before)
            }
        }
    }
}
