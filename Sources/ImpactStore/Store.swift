import Foundation

/// The ImpactMonitor store: one SQLite file holding observations with their vintages,
/// geography, and import history. Opening it applies pending migrations.
public final class Store {
    public let database: Database
    public var path: String { database.path }

    /// Default location, overridable by `--store` or the `IMPACT_STORE` environment variable.
    public static let defaultPath = "impact.sqlite"

    /// `.readOnly` neither configures nor migrates: a store older than this build is refused with the
    /// command that upgrades it, since reading must not change the file.
    public init(path: String, access: StoreAccess = .create, upToVersion: Int = Migrations.latestVersion) throws {
        database = try Database(path: path, access: access)
        guard access != .readOnly else {
            let current = try checkedVersion()
            guard current == Migrations.latestVersion else {
                throw StoreError(code: ResultCode.error, message: current == 0
                    ? "'\(path)' holds no ImpactMonitor store; create one with impact init"
                    : "store '\(path)' has schema version \(current); upgrade it with impact init")
            }
            return
        }
        try configure()
        try migrate(upTo: upToVersion)
    }

    /// A store on a server: the connection applies (or, read-only, checks) its own migrations.
    public init(server: any SQLConnection, access: StoreAccess = .create) throws {
        try server.prepareSchema(access: access)
        database = Database(server: server)
    }

    /// Opens another read-only connection to the same file, on the thread that will use it: a second
    /// thread of one command. Nil on a server, whose connection is not opened twice.
    public var secondReader: (@Sendable () throws -> Store)? {
        guard database.server == nil else { return nil }
        let path = self.path
        return { try Store(path: path, access: .readOnly) }
    }

    public var schemaVersion: Int {
        get throws {
            let query = database.server == nil ? "PRAGMA user_version" : "SELECT max(version) FROM impact_schema"
            return try database.scalarInt(query) ?? 0
        }
    }

    private func configure() throws {
        do {
            _ = try database.scalar("PRAGMA journal_mode = WAL")
        } catch let error as StoreError where error.primaryCode == ResultCode.notADatabase {
            throw notAStore(error)
        } catch let error as StoreError
                    where [ResultCode.readOnly, ResultCode.cannotOpen].contains(error.primaryCode) {
            throw StoreError(code: error.code, message: """
                cannot write store '\(path)': the file or its directory is read-only (\(error.message))
                """)
        }
        // A large import grows the write-ahead log to the size of what it wrote; after the
        // checkpoint the file is cut back instead of keeping that disk space.
        try database.execute(sql: """
            PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA journal_size_limit = 67108864;
            """)
    }

    private func notAStore(_ error: StoreError) -> StoreError {
        StoreError(code: error.code, message: "'\(path)' is not an ImpactMonitor store (not a SQLite database)")
    }

    /// The schema version, refused when no ImpactMonitor build could have written it: newer than
    /// this build, or negative (a damaged file, or one another program wrote).
    private func checkedVersion() throws -> Int {
        let current: Int
        do {
            current = try schemaVersion
        } catch let error as StoreError where error.primaryCode == ResultCode.notADatabase {
            throw notAStore(error)
        }
        if current < 0 {
            throw StoreError(code: ResultCode.error, message: """
                store '\(path)' has schema version \(current), which no ImpactMonitor writes; \
                the file is damaged or belongs to another program
                """)
        }
        if current > Migrations.latestVersion {
            throw StoreError(code: ResultCode.error, message: """
                store '\(path)' has schema version \(current), written by a newer ImpactMonitor; \
                this build understands up to version \(Migrations.latestVersion). Upgrade impact to open it.
                """)
        }
        return current
    }

    private func migrate(upTo target: Int) throws {
        let current = try checkedVersion()
        guard current < target else { return }
        try database.transaction {
            for version in (current + 1)...target {
                try database.execute(sql: Migrations.all[version - 1])
                try database.execute(sql: "PRAGMA user_version = \(version)")
            }
        }
    }
}
