/// A larger SQLite page cache for the length of one bulk write. Case events are indexed by
/// pseudonyms, which arrive in random order: with the default 2 MB cache nearly every index insert
/// of a large delivery re-reads a page and spills dirty ones to the WAL mid-transaction.
struct LargerPageCache {
    /// In KiB (SQLite's negative `cache_size`): 256 MiB, allocated only as pages are read.
    static let kibibytes = 262_144

    private let database: Database
    private let previous: Int?

    init(_ database: Database) throws {
        self.database = database
        guard database.server == nil else {
            previous = nil
            return
        }
        previous = try database.scalarInt("PRAGMA cache_size")
        try database.execute(sql: "PRAGMA cache_size = -\(Self.kibibytes)")
    }

    /// Back to the connection's own size; pages beyond it are released.
    func restore() {
        guard let previous else { return }
        try? database.execute(sql: "PRAGMA cache_size = \(previous)")
    }
}
