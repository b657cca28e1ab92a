import ImpactStore

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
            without PostgreSQL support (IMP-S300); build it with swift build --traits PostgreSQL
            """)
        #endif
    }
}
