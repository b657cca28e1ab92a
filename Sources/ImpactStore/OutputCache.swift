
/// Whole command outputs kept per request and data vintage. A scheduled job or dashboard repeating
/// the same evaluation then reads one row, instead of parsing the definitions, planning every
/// indicator and decoding its cached rows. The key covers everything the output depends on besides
/// the store itself: the tool version, the command, its arguments and the bytes of the definition
/// files. It owns the `result_cache` table; `ResultCache` keeps its encoded rows in it too.
public struct OutputCache {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func lookup(_ key: String) throws -> String? {
        try withPayload(key) { String(decoding: $0, as: UTF8.self) }
    }

    /// The current entry's bytes without copying them into a `String` (`ResultCache` decodes them
    /// directly); nil when there is none for this vintage.
    public func withPayload<T>(_ key: String, _ body: (UnsafeRawBufferPointer) -> T?) throws -> T? {
        guard database.server == nil else { return nil }
        var found: T?
        try database.statement("""
            SELECT payload FROM result_cache WHERE key = ? AND vintage = (SELECT coalesce(max(id), 0) FROM import_batch)
            """).forEach([.text(key)]) { row in found = row.withBytes(0, body) }
        return found
    }

    /// Best effort: a store that cannot be written now (another process holds the write lock) is
    /// simply not cached. Entries of earlier vintages go at the same time.
    public func store(_ key: String, _ payload: String) {
        // A server store is shared and read in read-only transactions: it keeps no cache.
        guard database.server == nil else { return }
        try? database.execute("""
            INSERT OR REPLACE INTO result_cache (key, vintage, payload) \
            VALUES (?, (SELECT coalesce(max(id), 0) FROM import_batch), ?)
            """, [.text(key), .text(payload)])
        try? database.execute("""
            DELETE FROM result_cache WHERE vintage < (SELECT coalesce(max(id), 0) FROM import_batch)
            """)
    }
}
