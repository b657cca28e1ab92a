#if PostgreSQL
import Foundation
import TestHarness
import Testing

/// Importers and readers on one PostgreSQL store at the same time, with real clients: `impact`
/// processes and a psql session that holds a transaction open. Every wait has a deadline, so a
/// reader that blocked would fail the test instead of hanging it.
@Suite(.scratch) struct PostgresConcurrencyTests {
    static let database = "concurrency"
    static let deadline = PostgresSession.deadline
    static let regional = ImpactBinary.projectRoot + "/fixtures/vt-west-brabant/regio-2015-2018.csv"
    static let meldingen = ["eval", "--geo", "VTWB", "--period", "2018", "--indicator", "wb_meldingen",
                            "--format", "csv"]

    /// A store holding the geography and West Brabant's regional delivery (meldingen 2018: 6039).
    static func store(_ cluster: PostgresCluster) throws -> String {
        let store = try cluster.createDatabase(database)
        let fixtures = ImpactBinary.projectRoot + "/fixtures"
        #expect(try ImpactBinary.run(["import", "geography", fixtures + "/geography", "--store", store]).status == 0)
        #expect(try ImpactBinary.run(["import", "csv", regional, "--store", store]).status == 0)
        return store
    }

    /// The regional delivery with meldingen 2018 revised to `figure`.
    static func revision(_ figure: Int) throws -> String {
        let file = ImpactBinary.temporaryDirectory() + "/regio-\(figure).csv"
        let original = try String(contentsOfFile: regional, encoding: .utf8)
        try original.replacingOccurrences(of: "6039", with: String(figure)).write(toFile: file, atomically: true,
                                                                                   encoding: .utf8)
        return file
    }

    /// `impact` with `arguments` on `store`, running on; `name` is its connection's application_name.
    static func start(_ arguments: [String], store: String, name: String) throws -> SpawnedChild {
        try SpawnedChild([ImpactBinary.path] + arguments + ["--store", store], environment: ["PGAPPNAME": name])
    }

    /// Polls the server until `sql` answers `expected`; fails after the deadline.
    static func waitFor(_ cluster: PostgresCluster, _ sql: String, toBe expected: String) throws {
        let end = Date().addingTimeInterval(deadline)
        var answer = ""
        while Date() < end {
            answer = try PostgresSession.query(cluster, database: database, sql)
            if answer == expected { return }
            usleep(20_000)
        }
        throw SpawnedChild.Failure(description: "\(sql) answered '\(answer)', not '\(expected)'")
    }

    /// What the backend of client `name` waits for ("type|event"), empty while it does not wait.
    static func waitEvent(_ name: String) -> String {
        "SELECT coalesce(wait_event_type || '|' || wait_event, '') FROM pg_stat_activity "
            + "WHERE application_name = '\(name)'"
    }

    /// Whether client `name` holds a series lock and has written observations: "t|t".
    static func holdsSeriesLockAndWrites(_ name: String) -> String {
        """
        SELECT bool_or(l.locktype = 'advisory' AND l.granted),
               bool_or(l.relation = 'observation'::regclass AND l.mode = 'RowExclusiveLock' AND l.granted)
        FROM pg_locks AS l JOIN pg_stat_activity AS a ON a.pid = l.pid WHERE a.application_name = '\(name)'
        """
    }

    /// An import is held open after writing its new vintage (a session holds a SHARE lock on the
    /// rollups it refreshes next, which readers' ACCESS SHARE does not conflict with). Readers evaluate
    /// meanwhile and all end, with the figure from before the batch, while the import is still
    /// open; a second import of the same series waits for the first and follows it after commit.
    @Test func readersKeepTheirSnapshotWhileAnImportIsOpen() throws {
        let cluster = try PostgresCluster()
        defer { cluster.stop() }
        let store = try Self.store(cluster)
        let holder = try PostgresSession(cluster, database: Self.database, name: "holder")
        holder.send("BEGIN; LOCK TABLE rollup IN SHARE MODE;")
        try Self.waitFor(cluster, "SELECT count(*) FROM pg_locks AS l JOIN pg_stat_activity AS a ON a.pid = l.pid "
                         + "WHERE a.application_name = 'holder' AND l.relation = 'rollup'::regclass", toBe: "1")
        let first = try Self.start(["import", "csv", try Self.revision(6040)], store: store, name: "import-1")
        try Self.waitFor(cluster, Self.holdsSeriesLockAndWrites("import-1"), toBe: "t|t")
        try Self.waitFor(cluster, Self.waitEvent("import-1"), toBe: "Lock|relation")
        let second = try Self.start(["import", "csv", try Self.revision(6041)], store: store, name: "import-2")
        try Self.waitFor(cluster, Self.waitEvent("import-2"), toBe: "Lock|advisory")

        let readers = try (1...4).map { try Self.start(Self.meldingen, store: store, name: "reader-\($0)") }
        for reader in readers {
            let read = try reader.wait(seconds: Self.deadline)
            #expect(read.status == 0 && read.stdout.contains("wb_meldingen,VTWB,2018,6039"), "\(read.stdout)")
        }
        #expect(!first.hasEnded && !second.hasEnded, "the readers ended while both imports were still open")

        holder.send("COMMIT;")
        #expect(try holder.end().status == 0)
        let firstImport = try first.wait(seconds: Self.deadline)
        #expect(firstImport.status == 0 && firstImport.stderr.contains("1 revised"), "\(firstImport.stderr)")
        let secondImport = try second.wait(seconds: Self.deadline)
        #expect(secondImport.status == 0 && secondImport.stderr.contains("1 revised"), "\(secondImport.stderr)")
        let after = try ImpactBinary.run(Self.meldingen + ["--store", store])
        #expect(after.stdout.contains("wb_meldingen,VTWB,2018,6041"), "\(after.stdout)")
    }

    /// A session holds the series lock of vt.meldingen, as an open import of it would: an import
    /// of that series waits until the session commits, while an import of other series completes.
    @Test func anImportWaitsForItsSeriesOnly() throws {
        let cluster = try PostgresCluster()
        defer { cluster.stop() }
        let store = try Self.store(cluster)
        let holder = try PostgresSession(cluster, database: Self.database, name: "holder")
        holder.send("BEGIN; SELECT pg_advisory_xact_lock(hashtextextended('impact.series:' || 'vt.meldingen', 0));")
        try Self.waitFor(cluster, "SELECT count(*) FROM pg_locks AS l JOIN pg_stat_activity AS a ON a.pid = l.pid "
                         + "WHERE a.application_name = 'holder' AND l.locktype = 'advisory' AND l.granted", toBe: "1")
        let same = try Self.start(["import", "csv", try Self.revision(6040)], store: store, name: "same-series")
        try Self.waitFor(cluster, Self.waitEvent("same-series"), toBe: "Lock|advisory")

        let experience = ImpactBinary.projectRoot + "/fixtures/vt-west-brabant/ervaring-2018.csv"
        let other = try Self.start(["import", "csv", experience], store: store, name: "other-series")
            .wait(seconds: Self.deadline)
        #expect(other.status == 0 && other.stderr.contains("new"), "\(other.stderr)")
        #expect(!same.hasEnded, "the import of vt.meldingen went ahead while its series was locked")

        holder.send("COMMIT;")
        #expect(try holder.end().status == 0)
        let imported = try same.wait(seconds: Self.deadline)
        #expect(imported.status == 0 && imported.stderr.contains("1 revised"), "\(imported.stderr)")
        let after = try ImpactBinary.run(Self.meldingen + ["--store", store])
        #expect(after.stdout.contains("wb_meldingen,VTWB,2018,6040"), "\(after.stdout)")
    }
}
#endif
