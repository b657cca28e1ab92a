#if PostgreSQL
import Foundation
import TestHarness
import Testing

/// Access per region on a PostgreSQL store: each role logs in and shows what it can and cannot
/// read or write.
@Suite(.scratch) struct PostgresAccessTests {
    /// Areas with a municipal figure for 2018, as `role` evaluates them.
    static func municipalities(_ cluster: PostgresCluster, role: String) throws -> Set<String> {
        let result = try ImpactBinary.run(["eval", "--level", "gemeente", "--period", "2018", "--indicator",
                                           "wb_meldingen", "--no-suppress", "--format", "csv",
                                           "--store", cluster.url(database: "access", user: role)])
        #expect(result.status == 0, "\(role): \(result.stderr)")
        return Set(result.stdout.split(separator: "\n").dropFirst().filter { !$0.contains(",missing,") }
            .map { String($0.split(separator: ",")[1]) })
    }

    static func regionTotal(_ cluster: PostgresCluster, role: String) throws -> String {
        try ImpactBinary.run(["eval", "--geo", "VTWB", "--period", "2018", "--indicator", "wb_meldingen",
                              "--format", "csv", "--store", cluster.url(database: "access", user: role)]).stdout
    }

    static func importDelivery(_ cluster: PostgresCluster, role: String, file: String) throws -> ImpactBinary.Output {
        try ImpactBinary.run(["import", "csv", file, "--store", cluster.url(database: "access", user: role)])
    }

    /// A case indicator per municipality as `role` evaluates it: the CSV and the cells with a figure.
    static func caseFigures(_ cluster: PostgresCluster, role: String,
                            indicator: String) throws -> (csv: String, areas: Set<String>) {
        let result = try ImpactBinary.run(["eval", "--level", "gemeente", "--period", "2018", "--indicator", indicator,
                                           "--no-suppress", "--format", "csv",
                                           "--store", cluster.url(database: "access", user: role)])
        #expect(result.status == 0, "\(role): \(result.stderr)")
        let rows = result.stdout.split(separator: "\n").dropFirst()
        return (result.stdout, Set(rows.filter { $0.contains(",ok,") }.map { String($0.split(separator: ",")[1]) }))
    }

    /// Rows of `case_event` that `role` reads directly (psql as that role), in municipalities of `region`.
    static func visibleEvents(_ cluster: PostgresCluster, role: String, region: String) throws -> String {
        try count(cluster, role: role, sql: "SELECT count(*) FROM case_event AS e JOIN membership AS m "
                  + "ON m.member = e.geo WHERE m.region = '\(region)'")
    }

    /// The single value `sql` returns to `role` (psql as that role).
    static func count(_ cluster: PostgresCluster, role: String, sql: String) throws -> String {
        let psql = try SpawnedChild([PostgresCluster.binaries + "/psql", "-X", "-A", "-t", "-h", cluster.directory,
                                     "-p", String(cluster.port), "-U", role, "-d", "access", "-c", sql])
        let result = try psql.wait(seconds: PostgresSession.deadline)
        #expect(result.status == 0, "\(role): \(result.stderr)")
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Row-level security on `case_event`. West-Brabant's events lie in its municipalities: its role
    /// evaluates them as the owner does, Midden-Brabant's reads none of them (missing, never 0).
    /// Midden-Brabant's events are delivered per region, above municipal level: every role reads them.
    static func checkCaseEvents(_ cluster: PostgresCluster) throws {
        let owner = try caseFigures(cluster, role: "postgres", indicator: "wb_unieke_betrokkenen")
        #expect(owner.areas.count > 3, "West-Brabant's case indicator has municipal figures: \(owner.csv)")
        for role in ["vtwb_analyst", "viewer"] {
            let figures = try caseFigures(cluster, role: role, indicator: "wb_unieke_betrokkenen")
            #expect(figures.csv == owner.csv, "\(role)")
        }
        let hidden = try caseFigures(cluster, role: "vtmb_analyst", indicator: "wb_unieke_betrokkenen")
        #expect(hidden.areas.isEmpty && hidden.csv.contains(",missing,"), "\(hidden.csv)")
        let all = try visibleEvents(cluster, role: "postgres", region: "VTWB")
        let own = try visibleEvents(cluster, role: "vtwb_analyst", region: "VTWB")
        #expect(all != "0" && own == all)
        #expect(try visibleEvents(cluster, role: "vtmb_analyst", region: "VTWB") == "0")
        let regional = ["eval", "--geo", "VTMB", "--period", "2017", "--indicator", "hvb_out7_doorlooptijd",
                        "--format", "csv", "--store"]
        let total = try ImpactBinary.run(regional + [cluster.url(database: "access")]).stdout
        #expect(total.contains("hvb_out7_doorlooptijd,VTMB,2017,") && total.contains(",ok,"), "\(total)")
        for role in ["vtmb_analyst", "vtwb_analyst"] {
            #expect(try ImpactBinary.run(regional + [cluster.url(database: "access", user: role)]).stdout == total)
        }
        try checkCaseDays(cluster)
    }

    /// The kept case days look back across every region's events, so a region role reads none of
    /// them and computes the look-back from the events it may see: West-Brabant's role, which sees
    /// all of West-Brabant's events, gets the owner's figures by the other path. The same holds for
    /// the results kept at import (the owner reads those).
    static func checkCaseDays(_ cluster: PostgresCluster) throws {
        let owner = try caseFigures(cluster, role: "postgres", indicator: "wb_herhaling_casus")
        #expect(owner.areas.count > 3, "West-Brabant's recurrence has municipal figures: \(owner.csv)")
        #expect(try caseFigures(cluster, role: "vtwb_analyst", indicator: "wb_herhaling_casus").csv == owner.csv)
        let days = "SELECT count(*) FROM case_day"
        #expect(try count(cluster, role: "postgres", sql: days) != "0")
        #expect(try count(cluster, role: "viewer", sql: days) == (try count(cluster, role: "postgres", sql: days)))
        #expect(try count(cluster, role: "vtwb_analyst", sql: days) == "0")
        let results = "SELECT count(*) FROM case_result"
        #expect(try count(cluster, role: "postgres", sql: results) != "0")
        #expect(try count(cluster, role: "viewer", sql: results) == (try count(cluster, role: "postgres", sql: results)))
        #expect(try count(cluster, role: "vtwb_analyst", sql: results) == "0")
        #expect(try count(cluster, role: "vtwb_analyst", sql: "SELECT count(*) FROM case_result_measure") == "0")
    }

    /// A role given a region and the import grant would keep look-backs over only its own regions'
    /// events, and region sums over only its own municipalities, for every reader: its event and
    /// observation imports are refused with a message, and nothing is written.
    static func aRegionRoleCannotKeepCaseDays(_ cluster: PostgresCluster, owner: String) throws {
        for grant in [["--region", "VTWB"], ["--import"]] {
            let granted = try ImpactBinary.run(["access", "grant"] + grant + ["--role", "vtwb_loader", "--store", owner])
            #expect(granted.status == 0, "\(grant): \(granted.stderr)")
        }
        let batches = try count(cluster, role: "postgres", sql: "SELECT count(*) FROM import_batch")
        let refused = try ImpactBinary.run(["import", "events", ImpactBinary.projectRoot + "/fixtures/cases/west-brabant",
                                            "--event-source", "vt_casus_regio",
                                            "--store", cluster.url(database: "access", user: "vtwb_loader")],
                                           environment: PostgresConformanceTests.demoKey)
        #expect(refused.status != 0 && refused.stderr.contains("cannot keep the case days"), "\(refused.stderr)")
        #expect(try count(cluster, role: "postgres", sql: "SELECT count(*) FROM import_batch") == batches)
        // Nor can it keep the rollups: its region sums and member statistics would leave out what it cannot see.
        let delivery = ImpactBinary.projectRoot + "/fixtures/vt-west-brabant/regio-2015-2018.csv"
        let observations = try importDelivery(cluster, role: "vtwb_loader", file: delivery)
        #expect(observations.status != 0 && observations.stderr.contains("cannot keep the rollups"),
                "\(observations.stderr)")
        let refresh = try ImpactBinary.run(["store", "refresh", "--store",
                                            cluster.url(database: "access", user: "vtwb_loader")])
        #expect(refresh.status != 0 && refresh.stderr.contains("cannot keep the case days"), "\(refresh.stderr)")
        #expect(try count(cluster, role: "postgres", sql: "SELECT count(*) FROM import_batch") == batches)
    }

    /// A comparison across members on the server: the import keeps them per region, but a region
    /// role computes them from the members it may see, so Midden-Brabant's role never reads the
    /// largest of West-Brabant's municipal figures; West-Brabant's role and a viewer read the owner's.
    static func checkMemberStatistics(_ cluster: PostgresCluster) throws {
        let folder = ImpactBinary.temporaryDirectory() + "/largest"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for file in ["series.ind", "sources.ind"] {
            try FileManager.default.copyItem(atPath: ImpactBinary.projectRoot + "/indicators/" + file,
                                            toPath: folder + "/" + file)
        }
        try """
            indicator grootste_gemeente {
              title "Meeste meldingen in een gemeente"
              criterion context
              unit count
              better none
              value max(vt.meldingen)
            }

            """.write(toFile: folder + "/largest.ind", atomically: true, encoding: .utf8)
        func largest(_ role: String) throws -> String {
            let result = try ImpactBinary.run(["eval", "--geo", "VTWB", "--period", "2018", "--indicator",
                                               "grootste_gemeente", "--indicators", folder, "--no-suppress",
                                               "--format", "csv", "--store", cluster.url(database: "access", user: role)])
            #expect(result.status == 0, "\(role): \(result.stderr)")
            return result.stdout
        }
        let owner = try largest("postgres")
        #expect(owner.contains("grootste_gemeente,VTWB,2018,1842,"), "\(owner)")
        for role in ["vtwb_analyst", "viewer"] { #expect(try largest(role) == owner, "\(role)") }
        let other = try largest("vtmb_analyst")
        #expect(other.contains("grootste_gemeente,VTWB,2018,,") && other.contains(",missing,"), "\(other)")
        let file = ImpactBinary.temporaryDirectory() + "/copy.sqlite"
        let copy = try ImpactBinary.run(["store", "copy", cluster.url(database: "access", user: "vtwb_analyst"), file])
        #expect(copy.status != 0 && copy.stderr.contains("cannot copy the whole store"), "\(copy.stderr)")
    }

    /// Alert transitions of a West-Brabant municipality and of the region itself: another region's
    /// role sees the region's, not the municipality's; the region's own role and a viewer see both.
    static func alertHistoryIsProtectedPerArea(_ cluster: PostgresCluster) throws {
        try cluster.psql("access", """
            INSERT INTO alert_transition (indicator, rule, geo, period, from_state, to_state, at) VALUES
              ('wb_meldingen', 'watch', 'GM0758', '2018', 'ok', 'firing', '2026-11-30T00:00:00Z'),
              ('wb_meldingen', 'watch', 'VTWB', '2018', 'ok', 'firing', '2026-11-30T00:00:00Z')
            """)
        func history(_ role: String) throws -> String {
            let result = try ImpactBinary.run(["alerts", "history", "--format", "csv",
                                               "--store", cluster.url(database: "access", user: role)])
            #expect(result.status == 0, "\(role): \(result.stderr)")
            return result.stdout
        }
        for role in ["viewer", "vtwb_analyst"] {
            let seen = try history(role)
            #expect(seen.contains(",GM0758,") && seen.contains(",VTWB,"), "\(role): \(seen)")
        }
        let other = try history("vtmb_analyst")
        #expect(other.contains(",VTWB,") && !other.contains("GM0758"), "\(other)")
    }

    /// Municipal rows of `wb_meldingen`, as `role` evaluates them (`extra` appended).
    static func municipalRows(_ cluster: PostgresCluster, role: String, _ extra: [String] = [],
                              period: String = "2018") throws -> [String] {
        let result = try ImpactBinary.run(["eval", "--level", "gemeente", "--period", period, "--indicator",
                                           "wb_meldingen", "--format", "csv",
                                           "--store", cluster.url(database: "access", user: role)] + extra)
        #expect(result.status == 0, "\(role): \(result.stderr)")
        return result.stdout.split(separator: "\n").dropFirst().map(String.init)
    }

    /// After the import role publishes, another region's role reads West-Brabant's municipalities as
    /// published — disclosure-controlled even when it asks for --no-suppress — while their observations
    /// stay hidden; a region role cannot publish.
    static func otherRegionsReadPublishedFigures(_ cluster: PostgresCluster) throws {
        let before = try municipalRows(cluster, role: "vtmb_analyst", ["--no-suppress"])
        #expect(!before.isEmpty && before.allSatisfy { $0.contains(",missing,") }, "\(before)")
        let refused = try ImpactBinary.run(["publish", "--period", "2018",
                                            "--store", cluster.url(database: "access", user: "vtmb_analyst")])
        #expect(refused.status != 0 && refused.stderr.contains("a region role cannot publish"), "\(refused.stderr)")
        let published = try ImpactBinary.run(["publish", "--period", "2018",
                                              "--store", cluster.url(database: "access", user: "loader")])
        #expect(published.status == 0 && published.stderr.contains("published "), "\(published.stderr)")
        let geo = { (row: String) in String(row.split(separator: ",", omittingEmptySubsequences: false)[1]) }
        let controlled = Dictionary(try municipalRows(cluster, role: "postgres").map { (geo($0), $0) },
                                    uniquingKeysWith: { first, _ in first })
        let seen = try municipalRows(cluster, role: "vtmb_analyst", ["--no-suppress"])
            .filter { $0.contains("published") }
        #expect(seen.contains { geo($0) == "GM0758" && !$0.contains(",missing,") }, "\(seen)")
        for row in seen {
            let expected = controlled[geo(row)] ?? ""
            let flagged = expected.hasSuffix(",") ? expected + "published" : expected + "|published"
            #expect(row == flagged, "published figure: \(row) vs \(expected)")
        }
        let diff = try ImpactBinary.run(["diff", "2017", "2018", "--geo", "GM0758", "--indicator", "wb_meldingen",
                                         "--format", "csv", "--store", cluster.url(database: "access", user: "vtmb_analyst")])
        let published2018 = String(controlled["GM0758"]?.split(separator: ",", omittingEmptySubsequences: false)[3] ?? "")
        #expect(diff.status == 0 && !published2018.isEmpty && diff.stdout.contains(",\(published2018),"),
                "a region role's diff reads the published figure: \(diff.stdout) \(diff.stderr)")
        let own = try municipalRows(cluster, role: "vtwb_analyst", ["--no-suppress"])
        #expect(own.allSatisfy { !$0.contains("published") }, "a region reads its own municipalities' observations")
        let unpublished = try municipalRows(cluster, role: "vtmb_analyst", period: "2017")
        #expect(unpublished.contains { $0 == "wb_meldingen,GM0758,2017,,,,,missing,not_published" }, "\(unpublished)")
    }

    @Test func aSQLiteFileHasNothingToPublish() throws {
        let file = ImpactBinary.temporaryDirectory() + "/region.sqlite"
        #expect(try ImpactBinary.run(["import", "geography", ImpactBinary.projectRoot + "/fixtures/geography",
                                      "--store", file]).status == 0)
        let result = try ImpactBinary.run(["publish", "--period", "2018", "--store", file])
        #expect(result.status == 2 && result.stderr.contains("figures are published on a PostgreSQL store"),
                "\(result.stderr)")
    }

    @Test func eachRoleReadsAndWritesWhatItWasGranted() throws {
        let cluster = try PostgresCluster()
        defer { cluster.stop() }
        let owner = try cluster.createDatabase("access")
        try PostgresConformanceTests.importFixtures(into: owner)
        let grants = [["--region", "VTWB", "--role", "vtwb_analyst"], ["--region", "VTMB", "--role", "vtmb_analyst"],
                      ["--read-only", "--role", "viewer"], ["--import", "--role", "loader"]]
        for grant in grants {
            let granted = try ImpactBinary.run(["access", "grant"] + grant + ["--store", owner])
            #expect(granted.status == 0, "\(grant): \(granted.stderr)")
            let again = try ImpactBinary.run(["access", "grant"] + grant + ["--store", owner])
            #expect(again.status == 0, "granting twice changes nothing: \(again.stderr)")
        }
        let all = try Self.municipalities(cluster, role: "postgres")
        #expect(all.contains("GM0758") && all.count > 10)
        #expect(try Self.municipalities(cluster, role: "viewer") == all)
        #expect(try Self.municipalities(cluster, role: "vtwb_analyst") == all)
        #expect(try Self.municipalities(cluster, role: "vtmb_analyst").isEmpty)
        try Self.checkCaseEvents(cluster)
        try Self.checkMemberStatistics(cluster)
        let total = try Self.regionTotal(cluster, role: "postgres")
        #expect(total.contains("wb_meldingen,VTWB,2018,6039"))
        for role in ["viewer", "vtwb_analyst", "vtmb_analyst"] {
            #expect(try Self.regionTotal(cluster, role: role) == total, "\(role) reads the region's total")
        }

        let revised = ImpactBinary.temporaryDirectory() + "/regio.csv"
        let original = try String(contentsOfFile: ImpactBinary.projectRoot + "/fixtures/vt-west-brabant/regio-2015-2018.csv",
                                  encoding: .utf8)
        try original.replacingOccurrences(of: "6039", with: "6040").write(toFile: revised, atomically: true,
                                                                           encoding: .utf8)
        for reader in ["viewer", "vtwb_analyst"] {
            let refused = try Self.importDelivery(cluster, role: reader, file: revised)
            #expect(refused.status != 0 && refused.stderr.contains("permission denied"), "\(reader): \(refused.stderr)")
        }
        let imported = try Self.importDelivery(cluster, role: "loader", file: revised)
        #expect(imported.status == 0 && imported.stderr.contains("1 revised"), "\(imported.stderr)")
        #expect(try Self.regionTotal(cluster, role: "viewer").contains("wb_meldingen,VTWB,2018,6040"))

        try Self.alertHistoryIsProtectedPerArea(cluster)
        try Self.otherRegionsReadPublishedFigures(cluster)
        try Self.aRegionRoleCannotKeepCaseDays(cluster, owner: owner)

        let unknown = try ImpactBinary.run(["access", "grant", "--region", "XX", "--role", "x", "--store", owner])
        #expect(unknown.status != 0 && unknown.stderr.contains("no region 'XX'"), "\(unknown.stderr)")
        let spliced = try ImpactBinary.run(["access", "grant", "--read-only", "--role", "x; DROP TABLE observation",
                                            "--store", owner])
        #expect(spliced.status == 64 && spliced.stderr.contains("not a plain role name"), "\(spliced.stderr)")
    }
}
#endif
