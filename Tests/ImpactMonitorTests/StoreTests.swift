import Foundation
import Testing
import TestHarness
@testable import ImpactCore
@testable import ImpactStore

@Suite(.scratch) struct StoreTests {
    @Test func newStoreFileIsPrivateWalWithForeignKeys() throws {
        let path = TestSupport.temporaryDirectory() + "/private.sqlite"
        let store = try Store(path: path)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try store.database.scalar("PRAGMA journal_mode") == .text("wal"))
        #expect(try store.database.scalarInt("PRAGMA foreign_keys") == 1)
        #expect(try store.schemaVersion == Migrations.latestVersion)
    }

    @Test func migratingAnOlderStoreKeepsItsData() throws {
        let path = TestSupport.temporaryDirectory() + "/old.sqlite"
        do {
            let old = try Store(path: path, upToVersion: 1)
            #expect(try old.schemaVersion == 1)
            try old.database.execute(sql: """
                INSERT INTO data_source VALUES ('csv', '');
                INSERT INTO import_batch VALUES (1, 'csv', 'old.csv', 'abc', 1, '2019-03-30T00:00:00.000Z', '2019-03-30T00:00:01.000Z', 'committed');
                INSERT INTO series (id, key) VALUES (1, 'vt.meldingen');
                INSERT INTO geo_unit (code, name, level) VALUES ('VTWB', 'Veilig Thuis West-Brabant', 'regio');
                INSERT INTO observation (series_id, geo, period, grain, period_start, period_end, months, dims, value, batch_id)
                VALUES (1, 'VTWB', '2018', 'Y', '2018-01-01', '2019-01-01', 12, '{"melder":"Politie"}', 4702, 1);
                """)
        }
        let upgraded = try Store(path: path)
        #expect(try upgraded.schemaVersion == Migrations.latestVersion)
        let row = try upgraded.database.query("SELECT value, dim_keys FROM observation") { ($0.double(0), $0.string(1)) }
        #expect(row.count == 1)
        #expect(row.first?.0 == 4702)
        #expect(row.first?.1 == "melder")
    }

    /// Version 9 lists the real member areas of the memberships a store already holds.
    @Test func migrationNineListsTheMemberAreasAStoreHolds() throws {
        let path = TestSupport.temporaryDirectory() + "/v8.sqlite"
        do {
            let old = try Store(path: path, upToVersion: 8)
            try old.database.execute(sql: """
                INSERT INTO geo_unit (code, name, level) VALUES ('VTWB', 'West-Brabant', 'regio'), ('GM0758', 'Breda', 'gemeente');
                INSERT INTO geo_unit (code, name, level, kind) VALUES ('GM9999', 'Onbekend', 'gemeente', 'unknown');
                INSERT INTO region_set VALUES ('vt', 'VT'), ('dup', 'Dup');
                INSERT INTO membership (region_set, region, member) VALUES ('vt', 'VTWB', 'GM0758'), ('dup', 'VTWB', 'GM0758'),
                    ('vt', 'VTWB', 'GM9999');
                """)
        }
        let upgraded = try Store(path: path)
        let rows = try upgraded.database.query(
            "SELECT region_set, member, earlier_until FROM member_area ORDER BY region_set") {
            "\($0.string(0) ?? "") \($0.string(1) ?? "") \($0.string(2) ?? "-")"
        }
        #expect(rows == ["dup GM0758 -", "vt GM0758 9999-12-31"])
    }

    /// Migration 11 keeps the events of an older store and marks their source as without case days,
    /// so its measures read the events; the next import that adds events builds the days whole.
    @Test func migrationElevenBuildsCaseDaysOnTheNextImport() throws {
        let path = TestSupport.temporaryDirectory() + "/v10.sqlite"
        do {
            let old = try Store(path: path, upToVersion: 10)
            try old.database.execute(sql: """
                INSERT INTO geo_unit (code, name, level) VALUES ('GM0758', 'Breda', 'gemeente');
                INSERT INTO data_source (id, description) VALUES ('events:rc', 'case events');
                INSERT INTO import_batch (source_id, origin, sha256, row_count, started_at, finished_at, status)
                    VALUES ('events:rc', 'old', 'x', 1, '2026-01-01', '2026-01-01', 'committed');
                INSERT INTO case_source (id, key_check) VALUES ('rc', 'test');
                INSERT INTO case_event (source_id, case_key, event_type, event_date, geo, batch_id)
                    VALUES ('rc', 'c1', 'melding', '2018-02-01', 'GM0758', 1);
                """)
        }
        let upgraded = try Store(path: path)
        #expect(try CaseDayStore(store: upgraded).keptSources().isEmpty)
        let index = try upgraded.database.scalar("SELECT sql FROM sqlite_master WHERE name = 'case_event_by_geo'")
        #expect(String(describing: index).contains("(geo, source_id, event_type, event_date, role, person_key"))
        let event = CaseReference.Event(caseID: "c2", person: "", role: "", type: "melding",
                                        date: CivilDate(year: 2018, month: 3, day: 1), geo: "GM0758", dims: [:])
        try CaseEventFixture.importEvents([event], into: upgraded)
        #expect(try CaseDayStore(store: upgraded).keptSources() == ["rc"])
        #expect(try upgraded.database.scalarInt("SELECT count(*) FROM case_day") == 2)
    }

    @Test func storeFromANewerVersionIsRefused() throws {
        let path = TestSupport.temporaryDirectory() + "/newer.sqlite"
        do {
            let store = try Store(path: path)
            try store.database.execute(sql: "PRAGMA user_version = 99")
        }
        do {
            _ = try Store(path: path)
            Issue.record("a newer store must be refused")
        } catch let error as StoreError {
            #expect(error.message.contains("newer ImpactMonitor"))
            #expect(error.message.contains("99"))
        }
    }

    @Test func aFileThatIsNotAStoreIsNamed() throws {
        let path = TestSupport.write(String(repeating: "not sqlite ", count: 100), to: "text.sqlite", in: TestSupport.temporaryDirectory())
        #expect(throws: StoreError.self) { try Store(path: path) }
    }

    @Test(arguments: TestBackend.available) func errorsCarryTheSQLAndArguments(backend: TestBackend) throws {
        let store = try backend.emptyStore()
        do {
            try store.database.execute("INSERT INTO geo_unit (code, name, level) VALUES (?, ?, ?)", [.text("X"), .text("x"), .text("wijk")])
            Issue.record("the level check must fail")
        } catch let error as StoreError {
            #expect(error.sql?.contains("INSERT INTO geo_unit") == true)
            #expect(error.arguments == [.text("X"), .text("x"), .text("wijk")])
            #expect(error.description.contains("'wijk'"))
        }
    }

    @Test(arguments: TestBackend.available) func transactionRollsBackOnError(backend: TestBackend) throws {
        let store = try backend.emptyStore()
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try store.database.transaction {
                try store.database.execute("INSERT INTO region_set (id, name) VALUES ('a', 'A')")
                throw Boom()
            }
        }
        #expect(try store.database.scalarInt("SELECT count(*) FROM region_set") == 0)
    }

    @Test(arguments: TestBackend.available) func medianAggregate(backend: TestBackend) throws {
        let store = try backend.emptyStore()
        #expect(try store.database.scalar("SELECT median(x) FROM (SELECT 3 AS x UNION ALL SELECT 1 UNION ALL SELECT 2) AS t") == .real(2))
        #expect(try store.database.scalar("SELECT median(x) FROM (SELECT 4 AS x UNION ALL SELECT 1 UNION ALL SELECT NULL UNION ALL SELECT 2) AS t") == .real(2))
        #expect(try store.database.scalar("SELECT median(x) FROM (SELECT 1 AS x WHERE 1 = 0) AS t") == .null)
        let grouped = try store.database.query("SELECT g, median(x) FROM (SELECT 1 AS g, 10 AS x UNION ALL SELECT 1, 20 UNION ALL SELECT 2, 5) AS t GROUP BY g ORDER BY g") { $0.double(1) }
        #expect(grouped == [15, 5])
    }

    /// `PRAGMA user_version = -1` used to index the migrations at -1 and trap.
    @Test func aNegativeSchemaVersionIsRefusedNotATrap() throws {
        let path = TestSupport.temporaryDirectory() + "/negative.sqlite"
        do {
            let store = try Store(path: path)
            try store.database.execute(sql: "PRAGMA user_version = -1")
        }
        for access in [StoreAccess.create, .readWrite, .readOnly] {
            do {
                _ = try Store(path: path, access: access)
                Issue.record("a negative schema version must be refused (\(access))")
            } catch let error as StoreError {
                #expect(error.message.contains("schema version -1"))
            }
        }
    }

    @Test func readOnlyAccessNeverWritesNorCreates() throws {
        let directory = TestSupport.temporaryDirectory()
        #expect(throws: StoreError.self) { try Store(path: directory + "/absent.sqlite", access: .readOnly) }
        #expect(throws: StoreError.self) { try Store(path: directory + "/absent.sqlite", access: .readWrite) }
        #expect(!FileManager.default.fileExists(atPath: directory + "/absent.sqlite"))
        _ = try Store(path: directory + "/s.sqlite")
        let reader = try Store(path: directory + "/s.sqlite", access: .readOnly)
        #expect(try reader.database.scalarInt("SELECT count(*) FROM observation") == 0)
        #expect(throws: StoreError.self) { try reader.database.execute(sql: "INSERT INTO series (key) VALUES ('x')") }
    }

    @Test func readOnlyAccessRefusesAnOlderStoreInsteadOfMigratingIt() throws {
        let path = TestSupport.temporaryDirectory() + "/old.sqlite"
        _ = try Store(path: path, upToVersion: 1)
        do {
            _ = try Store(path: path, access: .readOnly)
            Issue.record("reading must not migrate")
        } catch let error as StoreError {
            #expect(error.message.contains("upgrade it with impact init"))
        }
        #expect(try Store(path: path, upToVersion: 1).schemaVersion == 1)
    }
}
