/// A first load into a store without observations writes through a rollback journal instead of the
/// write-ahead log: pages the transaction appends to the file need no journal, so the rows are
/// written once instead of once to the log and again by the checkpoint. Foreign keys are not checked
/// row by row: every row's series, area and batch are ones the import itself wrote or found
/// (`FirstLoadJournalTests` runs `PRAGMA foreign_key_check` after one). The store has nothing to
/// read yet; a reader that opens it meanwhile waits for the load, up to the busy timeout. The log and
/// the checks come back when the import ends.
struct FirstLoadJournal {
    private let database: Database
    private(set) var active = false

    init(database: Database) throws {
        self.database = database
        guard database.server == nil,
              try database.scalarInt("SELECT EXISTS (SELECT 1 FROM observation)") == 0 else { return }
        // Leaving WAL needs the only connection: with another one open SQLite refuses at once (busy),
        // and the load writes through the log, as any other import.
        do {
            active = try database.scalar("PRAGMA journal_mode = DELETE") == .text("delete")
        } catch let error as StoreError where error.primaryCode == ResultCode.busy {
            return
        }
        if active { try database.execute(sql: "PRAGMA synchronous = FULL; PRAGMA foreign_keys = OFF") }
    }

    /// Back to the write-ahead log; when another connection prevents that, the next open does it.
    func restore() {
        guard active else { return }
        _ = try? database.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON")
        _ = try? database.scalar("PRAGMA journal_mode = WAL")
    }
}
