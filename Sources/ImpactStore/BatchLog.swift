/// The import batches: which deliveries the store holds, and which batch a vintage (`--as-of`) means.
public struct BatchLog {
    public let database: Database

    public init(store: Store) { self.database = store.database }

    public struct Batch: Sendable, Equatable {
        public let id: Int
        public let source: String
        public let origin: String
        public let sha256: String
        public let rows: Int
        public let finished: String
    }

    /// The newest batch; nil for a store without imports.
    public func latest() throws -> Int? {
        try database.scalarInt("SELECT max(id) FROM import_batch")
    }

    public func contains(_ batch: Int) throws -> Bool {
        try database.scalarInt("SELECT count(*) FROM import_batch WHERE id = ?", [.integer(Int64(batch))]) == 1
    }

    /// The last batch finished before `bound` (an ISO date or timestamp); 0 when none was.
    public func latest(finishedBefore bound: String) throws -> Int {
        try database.scalarInt("SELECT max(id) FROM import_batch WHERE finished_at < ?", [.text(bound)]) ?? 0
    }

    public func all() throws -> [Batch] {
        try batches("SELECT id, source_id, origin, sha256, row_count, finished_at FROM import_batch ORDER BY id")
    }

    /// The batches that delivered a current figure: the sources a report rests on.
    public func current() throws -> [Batch] {
        try batches("""
            SELECT id, source_id, origin, sha256, row_count, finished_at FROM import_batch
            WHERE id IN (SELECT DISTINCT batch_id FROM observation WHERE superseded_by IS NULL) ORDER BY id
            """)
    }

    /// The batches that delivered a current event of a case event source (none on a server store,
    /// which keeps no case events in this version).
    public func currentCaseEvents(source: String) throws -> [Batch] {
        guard database.server == nil else { return [] }
        return try batches("""
            SELECT id, source_id, origin, sha256, row_count, finished_at FROM import_batch
            WHERE id IN (SELECT DISTINCT batch_id FROM case_event WHERE source_id = ?1 AND superseded_by IS NULL)
            ORDER BY id
            """, [.text(source)])
    }

    private func batches(_ sql: String, _ arguments: [SQLValue] = []) throws -> [Batch] {
        try database.query(sql, arguments) {
            Batch(id: $0.int(0)!, source: $0.string(1)!, origin: $0.string(2)!, sha256: $0.string(3)!, rows: $0.int(4)!,
                  finished: $0.string(5)!)
        }
    }
}
