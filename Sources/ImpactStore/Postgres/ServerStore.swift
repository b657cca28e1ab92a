
/// Opens a store named by a PostgreSQL URL. A build without the `PostgreSQL` trait links no libpq
/// and says how to get one that can.
public enum ServerStore {
    public static let isAvailable: Bool = {
        #if PostgreSQL
        return true
        #else
        return false
        #endif
    }()

    public static func open(_ url: String, access: StoreAccess) throws -> Store {
        #if PostgreSQL
        return try Store(server: PostgresConnection(url: url), access: access)
        #else
        throw StoreError(code: ResultCode.cannotOpen, message: """
            store '\(StoreLocation.withoutPassword(url))' is a PostgreSQL store, and this impact was built \
            without PostgreSQL support; build it with swift build --traits PostgreSQL
            """)
        #endif
    }

    /// Grants `access` to the login role `role` (created when missing), in one transaction. Run by
    /// the owner of the store (or a role that may create roles).
    public static func grant(_ access: AccessGrant, role: String, on store: Store) throws {
        guard AccessGrant.isValidRoleName(role) else {
            throw StoreError(code: ResultCode.error, message: "'\(role)' is not a plain role name")
        }
        guard store.database.engine == .postgresql else {
            throw StoreError(code: ResultCode.error, message: """
                store '\(store.path)' is a SQLite file: access is its file mode; roles exist on a PostgreSQL store
                """)
        }
        if case .region(let code) = access, try store.database.scalarInt(
            "SELECT count(*) FROM geo_unit WHERE code = ? AND level <> 'gemeente'", [.text(code)]) != 1 {
            throw StoreError(code: ResultCode.error, message: """
                no region '\(code)' in the store's geography; import the geography first, or name a region code
                """)
        }
        try store.database.transaction {
            for statement in access.statements(role: role) {
                if statement.arguments.isEmpty {
                    try store.database.execute(sql: statement.sql)
                } else {
                    try store.database.execute(statement.sql, statement.arguments)
                }
            }
        }
    }
}
