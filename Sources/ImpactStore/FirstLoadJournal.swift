/// A first load into a store without observations writes through a rollback journal instead of the
/// write-ahead log: pages the transaction appends to the file need no journal, so the rows are
/// written once instead of once to the log and again by the checkpoint. Foreign keys are not checked
/// row by row: every row's series, area and batch are ones the import itself wrote or found
/// (`FirstLoadJournalTests` runs `PRAGMA foreign_key_check` after one). The store has nothing to
/// read yet; a reader that opens it meanwhile waits for the load, up to the busy timeout. The log and
/// the checks come back when the import ends.
struct FirstLoadJournal {
    private let database: Database
    let active: Bool

    init(database: Database) throws {
        self.database = database
        active = try Self.leaveTheLog(database)
        guard active else { return }
        do {
            try database.execute(sql: "PRAGMA synchronous = FULL; PRAGMA foreign_keys = OFF")
        } catch {
            restore()
            throw error
        }
    }

    /// Leaving WAL needs the only connection: with another one open SQLite refuses at once (busy),
    /// and the load writes through the log, as any other import.
    private static func leaveTheLog(_ database: Database) throws -> Bool {
        guard database.server == nil,
              try database.scalarInt("SELECT EXISTS (SELECT 1 FROM observation)") == 0 else { return false }
        do {
            return try database.scalar("PRAGMA journal_mode = DELETE") == .text("delete")
        } catch let error as StoreError where error.primaryCode == ResultCode.busy {
            return false
        }
    }

    /// Back to the write-ahead log, then the checks; when another connection prevents the switch,
    /// the next read-write open makes it.
    func restore() {
        guard active else { return }
        _ = try? database.scalar("PRAGMA journal_mode = WAL")
        _ = try? database.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON")
    }
}
