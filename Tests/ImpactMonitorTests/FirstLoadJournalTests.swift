import Foundation
import Testing
import TestHarness
@testable import ImpactCore
@testable import ImpactSources
@testable import ImpactStore

/// A first load into a store without observations writes through a rollback journal, without
/// foreign-key checks, and leaves the store as every other import does.
@Suite(.scratch) struct FirstLoadJournalTests {
    /// The journal mode and foreign-key setting the import runs under, seen from inside it.
    static func importing(_ rows: String, into store: Store) throws -> (journal: SQLValue?, foreignKeys: SQLValue?) {
        let path = TestSupport.write("series,geo,period,value\n" + rows, to: "d.csv", in: TestSupport.temporaryDirectory())
        var importer = DataImport(source: CSVSource(), inputs: [path])
        var seen: (SQLValue?, SQLValue?) = (nil, nil)
        importer.afterMerge = { database in
            seen = (try database.scalar("PRAGMA journal_mode"), try database.scalar("PRAGMA foreign_keys"))
        }
        let result = try importer.run(into: store)
        #expect(!result.failed, "\(result.diagnostics)")
        return seen
    }

    static func settings(_ store: Store) throws -> [SQLValue?] {
        [try store.database.scalar("PRAGMA journal_mode"), try store.database.scalar("PRAGMA foreign_keys")]
    }

    @Test func aFirstLoadUsesARollbackJournalAndTheNextTheLog() throws {
        let store = try TestSupport.storeWithGeography()
        let first = try Self.importing("t.a,GM0758,2019,3\nt.a,GM0748,2019,4\n", into: store)
        #expect(first.journal == .text("delete") && first.foreignKeys == .integer(0))
        #expect(try Self.settings(store) == [.text("wal"), .integer(1)])
        #expect(try store.database.query("PRAGMA foreign_key_check") { $0.count }.isEmpty)
        let next = try Self.importing("t.a,GM0758,2020,5\n", into: store)
        #expect(next.journal == .text("wal") && next.foreignKeys == .integer(1))
        #expect(try store.database.scalarInt("SELECT count(*) FROM observation") == 3)
    }

    /// Leaving the write-ahead log needs the only connection: with another one open, the first load
    /// keeps the log (and the other connection keeps reading).
    @Test func aFirstLoadKeepsTheLogWhileAnotherConnectionIsOpen() throws {
        let store = try TestSupport.storeWithGeography()
        let reader = try Store(path: store.path, access: .readOnly)
        #expect(try reader.database.scalarInt("SELECT count(*) FROM observation") == 0)
        let first = try Self.importing("t.a,GM0758,2019,3\n", into: store)
        #expect(first.journal == .text("wal") && first.foreignKeys == .integer(1))
        #expect(try reader.database.scalarInt("SELECT count(*) FROM observation") == 1)
    }

    /// A delivery that adds a unit and brings a new series both in it (staged) and in a held area
    /// (written straight in): every row's parents exist when the checks come back.
    @Test func aFirstLoadWithAnAddedUnitLeavesNoForeignKeyUnmet() throws {
        let store = try TestSupport.storeWithGeography()
        let importer = ObservationImport(store: store, source: "p", origin: "plugin p", sha256: nil)
        let row = { (geo: String, line: Int) in
            ImportItem.observation(ObservationRecord(series: "t.nieuw", geo: geo, period: .year(2018), value: 3,
                                                     location: SourceLocation(file: "plugin p", line: line)))
        }
        let result = try importer.run { _, emit in
            try emit(.unit(GeoUnit(code: "GM9905", name: "Nieuwstad", level: .gemeente),
                           SourceLocation(file: "plugin p", line: 1)))
            try emit(row("GM9905", 2))
            try emit(row("GM0758", 3))
            return 3
        }
        #expect(!result.failed && result.added == 2 && result.unitsAdded == 1, "\(result.diagnostics)")
        #expect(try store.database.query("PRAGMA foreign_key_check") { $0.count }.isEmpty)
        #expect(try Self.settings(store) == [.text("wal"), .integer(1)])
    }

    @Test func aLockHeldTooLongSaysTheStoreIsBusy() {
        let error = StoreError(code: ResultCode.busy, message: "database is locked")
        #expect(error.message.hasPrefix("the store is busy: another process has been writing it"))
        #expect(StoreError(code: ResultCode.error, message: "no such table: x").message == "no such table: x")
    }
}
