/// Drops a table's non-unique indexes around a bulk insert and recreates them from their own
/// definitions: sorting every key once is far cheaper than inserting millions of pseudonym keys
/// into B-trees in random order. Unique indexes stay, so the insert is checked as before; all of
/// it runs in the caller's transaction, so readers never see the table without its indexes.
struct IndexRebuild {
    let database: Database
    let table: String

    /// Whether `adding` rows to `existing` ones is large enough: at least as many as there are.
    static func pays(adding: Int, existing: Int) -> Bool { adding >= 10_000 && adding >= existing }

    func around(_ insert: () throws -> Void) throws {
        guard database.server == nil else { return try insert() }
        let indexes = try database.query("""
            SELECT name, sql FROM sqlite_master
            WHERE type = 'index' AND tbl_name = ?1 AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE %'
            ORDER BY name
            """, [.text(table)]) { (name: $0.string(0)!, sql: $0.string(1)!) }
        for index in indexes { try database.execute(sql: "DROP INDEX \"\(index.name)\"") }
        try insert()
        for index in indexes { try database.execute(sql: index.sql) }
    }
}
