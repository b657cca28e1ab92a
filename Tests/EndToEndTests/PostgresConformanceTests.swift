#if PostgreSQL
import Foundation
import TestHarness
import ImpactStore
import Testing

/// The same commands on a SQLite file and on a PostgreSQL store hold the same figures: the demo
/// fixtures imported into both, then every output compared byte for byte.
@Suite(.serialized, .scratch) struct PostgresConformanceTests {
    static let requests: [[String]] = [
        ["eval", "--geo", "VTWB", "--period", "2015..2018", "--format", "csv"],
        ["eval", "--level", "gemeente", "--period", "2018", "--format", "csv"],
        ["eval", "--level", "regio", "--from", "2015", "--to", "2018", "--format", "csv"],
        ["eval", "--geo", "GM1655", "--period", "2018", "--no-suppress", "--format", "csv"],
        ["eval", "--geo", "VTWB", "--period", "2018", "--as-of", "3", "--format", "csv"],
        ["diff", "2017", "2018", "--geo", "VTWB", "--format", "csv"],
        ["diff", "2017", "2018", "--level", "gemeente", "--format", "csv"],
        ["catalogue", "--format", "csv"],
        ["coverage", "--format", "csv"],
    ]

    /// The catalogue's case indicators (case measures over the synthetic events under fixtures/cases).
    static let caseIndicators = ["wb_unieke_betrokkenen", "wb_herhaling_casus", "wb_onderzoek_termijn",
                                 "hvb_out4_herhaling", "hvb_out7_doorlooptijd"]

    /// Every case indicator per municipality and per region, as of the first event delivery, and compared.
    static let caseRequests: [[String]] = caseIndicators.flatMap { id in [
        ["eval", "--indicator", id, "--level", "gemeente", "--period", "2016..2018", "--no-suppress",
         "--format", "csv"],
        ["eval", "--indicator", id, "--level", "regio", "--from", "2016", "--to", "2019", "--format", "csv"],
        ["eval", "--indicator", id, "--geo", "VTWB", "--geo", "VTMB", "--period", "2018", "--as-of", "11",
         "--format", "csv"],
        ["diff", "2017", "2018", "--indicator", id, "--level", "regio", "--format", "csv"],
    ] }

    /// The demo's key: public, for the synthetic fixtures only (`DemoCases`).
    static let demoKey = ["IMPACT_PSEUDONYM_KEY": "impact-demo-key-for-the-synthetic-fixtures-only"]

    /// Geography, every fixture delivery and the case events, in the demo's order.
    static func importFixtures(into store: String) throws {
        let fixtures = ImpactBinary.projectRoot + "/fixtures"
        let geography = try ImpactBinary.run(["import", "geography", fixtures + "/geography", "--store", store])
        #expect(geography.status == 0, "\(geography.stderr)")
        let files = try FileManager.default.subpathsOfDirectory(atPath: fixtures)
            .filter { $0.hasPrefix("vt-") && $0.hasSuffix(".csv") }.sorted()
        #expect(!files.isEmpty)
        for file in files {
            let result = try ImpactBinary.run(["import", "csv", fixtures + "/" + file, "--store", store])
            #expect(result.status == 0, "\(file): \(result.stderr)")
        }
        for (source, folder) in [("vt_casus_wb", "west-brabant"), ("vt_casus_mb", "midden-brabant")] {
            let events = try ImpactBinary.run(["import", "events", fixtures + "/cases/" + folder,
                                               "--event-source", source, "--store", store], environment: demoKey)
            #expect(events.status == 0 && events.stderr.contains(" new"), "\(folder): \(events.stderr)")
        }
    }

    @Test func demoFixturesGiveTheSameOutputsOnBothBackends() throws {
        let cluster = try PostgresCluster()
        defer { cluster.stop() }
        let server = try cluster.createDatabase("conformance")
        let file = ImpactBinary.temporaryDirectory() + "/conformance.sqlite"
        #expect(try ImpactBinary.run(["init", "--store", server]).status == 0)
        try Self.importFixtures(into: server)
        try Self.importFixtures(into: file)
        for request in Self.requests + Self.caseRequests {
            let sqlite = try ImpactBinary.run(request + ["--store", file])
            let postgres = try ImpactBinary.run(request + ["--store", server])
            #expect(sqlite.status == 0, "\(request): \(sqlite.stderr)")
            #expect(postgres.status == sqlite.status, "\(request): \(postgres.stderr)")
            #expect(sqlite.stdout.split(separator: "\n").count > 1, "\(request) evaluated nothing")
            #expect(postgres.stdout == sqlite.stdout, "\(request) differs between SQLite and PostgreSQL")
        }
        let figures = try ImpactBinary.run(Self.caseRequests[1] + ["--store", server]).stdout
        #expect(figures.contains("wb_unieke_betrokkenen,VTWB,2018,") && figures.contains(",ok,"),
                "the case indicators have figures, not only missing cells: \(figures)")
        try Self.expectSameRollups(file: file, server: server)
    }

    /// The imports kept the rollups current on the server as on the file: the same rows, and
    /// evaluation reads them.
    static func expectSameRollups(file: String, server: String) throws {
        let onFile = try rollupRows(Store(path: file, access: .readOnly))
        #expect(onFile.count >= 20, "the fixtures give rollups")
        #expect(try rollupRows(ServerStore.open(server, access: .readOnly)) == onFile)
        let plan = try ImpactBinary.run(["explain", "wb_adviezen_per_melding", "--geo", "VTWB", "--period", "2018",
                                         "--store", server])
        #expect(plan.status == 0 && plan.stdout.contains("reads the series' rollup"), "\(plan.stdout)")
    }

    /// A server numbers batches from a sequence, which a rolled-back import (unchanged, dry run,
    /// refused) has advanced too: the numbers may differ, the messages may not.
    static func withoutBatchNumbers(_ text: String) -> String {
        text.replacingOccurrences(of: "batch [0-9]+", with: "batch N", options: .regularExpression)
    }

    /// Case events on the server: a re-delivery is unchanged, a correction supersedes by key (and
    /// `--as-of` still reads the earlier vintage), a delivery under another key is refused — all as
    /// on SQLite, message for message.
    @Test func caseEventDeliveriesBehaveAsOnSQLite() throws {
        let cluster = try PostgresCluster()
        defer { cluster.stop() }
        let server = try cluster.createDatabase("events")
        let file = ImpactBinary.temporaryDirectory() + "/events.sqlite"
        let fixtures = ImpactBinary.projectRoot + "/fixtures"
        let original = try String(contentsOfFile: fixtures + "/cases/west-brabant/vt-casus-west-brabant.csv",
                                  encoding: .utf8)
        // The first event moved to another municipality: a correction of the same key.
        var lines = original.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var fields = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[5] = fields[5] == "GM0758" ? "GM0744" : "GM0758"
        lines[1] = fields.joined(separator: ",")
        let corrected = ImpactBinary.temporaryDirectory() + "/corrected.csv"
        try lines.joined(separator: "\n").write(toFile: corrected, atomically: true, encoding: .utf8)
        let otherKey = ["IMPACT_PSEUDONYM_KEY": String(repeating: "cd", count: 32)]
        for store in [file, server] {
            let geography = try ImpactBinary.run(["import", "geography", fixtures + "/geography", "--store", store])
            #expect(geography.status == 0, "\(geography.stderr)")
        }
        let steps: [(arguments: [String], environment: [String: String])] = [
            ([fixtures + "/cases/west-brabant"], Self.demoKey),
            ([fixtures + "/cases/west-brabant"], Self.demoKey),
            ([corrected], Self.demoKey),
            ([corrected, "--dry-run"], Self.demoKey),
            ([fixtures + "/cases/west-brabant"], otherKey),
            ([fixtures + "/broken/broken-import.csv"], Self.demoKey),
        ]
        var messages: [String] = []
        for step in steps {
            let command = ["import", "events"] + step.arguments + ["--event-source", "vt_casus_wb"]
            let sqlite = try ImpactBinary.run(command + ["--store", file], environment: step.environment)
            let postgres = try ImpactBinary.run(command + ["--store", server], environment: step.environment)
            #expect(postgres.status == sqlite.status
                        && Self.withoutBatchNumbers(postgres.stderr) == Self.withoutBatchNumbers(sqlite.stderr),
                    "\(step.arguments): \(postgres.stderr) vs \(sqlite.stderr)")
            messages.append(postgres.stderr)
        }
        #expect(messages[1].contains("unchanged") && messages[2].contains("1 revised"), "\(messages)")
        #expect(messages[4].contains("IMP-I101") && messages[5].contains("IMP-"), "\(messages)")
        let asOf = ["eval", "--indicator", "wb_unieke_betrokkenen", "--level", "gemeente", "--period", "2017",
                    "--as-of", "2", "--no-suppress", "--format", "csv"]
        let before = try ImpactBinary.run(asOf + ["--store", server])
        let now = try ImpactBinary.run(Array(asOf[..<7]) + ["--no-suppress", "--format", "csv", "--store", server])
        #expect(before.stdout == (try ImpactBinary.run(asOf + ["--store", file])).stdout)
        #expect(before.stdout != now.stdout, "the correction moved a person: \(before.stdout) \(now.stdout)")
    }

    /// Every rollup row by series key, in one order, as text.
    static func rollupRows(_ store: Store) throws -> [String] {
        try store.database.query("""
            SELECT s.key, r.period_start, r.period_end, r.dims, r.geo, r.value, r.n, r.provisional, r.suppressed,
                   r.complete, r.partial, r.direct
            FROM rollup AS r JOIN series AS s ON s.id = r.series_id
            ORDER BY s.key, r.period_start, r.period_end, r.dims, r.geo
            """) { row in (0..<12).map { "\(row.value($0))" }.joined(separator: "|") }
    }

    @Test func aRepeatedDeliveryIsUnchangedAndARejectedOneLeavesNothing() throws {
        let cluster = try PostgresCluster()
        defer { cluster.stop() }
        let server = try cluster.createDatabase("imports")
        let fixtures = ImpactBinary.projectRoot + "/fixtures"
        #expect(try ImpactBinary.run(["import", "geography", fixtures + "/geography", "--store", server]).status == 0)
        let delivery = fixtures + "/vt-west-brabant/regio-2015-2018.csv"
        let first = try ImpactBinary.run(["import", "csv", delivery, "--store", server])
        #expect(first.status == 0 && first.stderr.contains("new"), "\(first.stderr)")
        let again = try ImpactBinary.run(["import", "csv", delivery, "--store", server])
        #expect(again.status == 0 && again.stderr.contains("unchanged"), "\(again.stderr)")
        let broken = try ImpactBinary.run(["import", "csv", fixtures + "/broken/broken-import.csv", "--store", server])
        #expect(broken.status != 0)
        #expect(broken.stderr.contains("IMP-"), "\(broken.stderr)")
        let batches = try ImpactBinary.run(["eval", "--geo", "VTWB", "--period", "2018", "--as-of", "3",
                                            "--store", server])
        #expect(batches.status != 0, "batch 3 was never committed: \(batches.stdout)")
    }

    /// Moving a region's file into the shared server keeps every figure, vintage and batch number;
    /// the next import continues the numbering.
    @Test func storeCopyMovesASQLiteStoreIntoPostgreSQL() throws {
        let cluster = try PostgresCluster()
        defer { cluster.stop() }
        let server = try cluster.createDatabase("moved")
        let file = ImpactBinary.temporaryDirectory() + "/region.sqlite"
        try Self.importFixtures(into: file)
        let copied = try ImpactBinary.run(["store", "copy", file, server])
        #expect(copied.status == 0 && copied.stderr.contains("observation") && copied.stderr.contains("case_event"),
                "\(copied.stderr)")
        for request in Self.requests + Self.caseRequests.filter({ $0.contains("regio") }) {
            let sqlite = try ImpactBinary.run(request + ["--store", file])
            #expect(try ImpactBinary.run(request + ["--store", server]).stdout == sqlite.stdout, "\(request)")
        }
        // The results kept at import come along and are read on the server (a digest for both engines).
        let explained = try ImpactBinary.run(["explain", "wb_herhaling_casus", "--geo", "VTWB", "--period", "2018",
                                              "--store", server])
        #expect(explained.stdout.contains("reads: the results kept at import"), "\(explained.stdout)")
        let twice = try ImpactBinary.run(["store", "copy", file, server])
        #expect(twice.status != 0 && twice.stderr.contains("already holds data"), "\(twice.stderr)")
        let revised = ImpactBinary.temporaryDirectory() + "/regio.csv"
        let original = try String(contentsOfFile: ImpactBinary.projectRoot
                                    + "/fixtures/vt-west-brabant/regio-2015-2018.csv", encoding: .utf8)
        try original.replacingOccurrences(of: "6039", with: "6040").write(toFile: revised, atomically: true,
                                                                           encoding: .utf8)
        let onFile = try ImpactBinary.run(["import", "csv", revised, "--store", file])
        let onServer = try ImpactBinary.run(["import", "csv", revised, "--store", server])
        #expect(onServer.status == 0 && onServer.stderr == onFile.stderr, "\(onServer.stderr) vs \(onFile.stderr)")
    }

    @Test func aReadCommandOnAMissingServerStoreSaysSo() throws {
        let cluster = try PostgresCluster()
        defer { cluster.stop() }
        let server = try cluster.createDatabase("empty")
        let result = try ImpactBinary.run(["eval", "--geo", "VTWB", "--period", "2018", "--store", server])
        #expect(result.status != 0)
        #expect(result.stderr.contains("holds no ImpactMonitor store; create one with impact init"), "\(result.stderr)")
    }

    /// A server store has no folder for the demo's report: it goes into the working folder (it was
    /// once derived from the URL, `postgresql:/…/report-VTWB-2018.html`, which cannot be written).
    @Test func theDemoOnAServerWritesItsReportIntoTheWorkingFolder() throws {
        let cluster = try PostgresCluster()
        defer { cluster.stop() }
        let server = try cluster.createDatabase("demo")
        let folder = ImpactBinary.temporaryDirectory()
        let demo = try ImpactBinary.run(["demo", "--store", server], directory: folder)
        #expect(demo.status == 0, "\(demo.stderr)")
        #expect(demo.stdout.contains("(open in a browser): report-VTWB-2018.html\n"), "\(demo.stdout)")
        #expect(FileManager.default.fileExists(atPath: folder + "/report-VTWB-2018.html"))
    }
}
#endif
