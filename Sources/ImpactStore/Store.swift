import Foundation

/// The ImpactMonitor store: one SQLite file holding observations with their vintages,
/// geography, and import history. Opening it applies pending migrations.
public final class Store {
    public let database: Database
    public var path: String { database.path }

    /// Default location, overridable by `--store` or the `IMPACT_STORE` environment variable.
    public static let defaultPath = "impact.sqlite"

    public init(path: String, upToVersion: Int = Migrations.latestVersion) throws {
        database = try Database(path: path)
        try configure()
        try migrate(upTo: upToVersion)
    }

    public var schemaVersion: Int {
        get throws { try database.scalarInt("PRAGMA user_version") ?? 0 }
    }

    private func configure() throws {
        do {
            _ = try database.scalar("PRAGMA journal_mode = WAL")
        } catch let error as StoreError where error.primaryCode == ResultCode.notADatabase {
            throw StoreError(code: error.code,
                             message: "'\(path)' is not an ImpactMonitor store (not a SQLite database)")
        }
        // A large import grows the write-ahead log to the size of what it wrote; after the
        // checkpoint the file is cut back instead of keeping that disk space.
        try database.execute(sql: """
            PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA journal_size_limit = 67108864;
            """)
    }

    private func migrate(upTo target: Int) throws {
        let current = try schemaVersion
        if current > Migrations.latestVersion {
            throw StoreError(code: ResultCode.error, message: """
                store '\(path)' has schema version \(current), written by a newer ImpactMonitor; \
                this build understands up to version \(Migrations.latestVersion). Upgrade impact to open it.
                """)
        }
        guard current < target else { return }
        try database.transaction {
            for version in (current + 1)...target {
                try database.execute(sql: Migrations.all[version - 1])
                try database.execute(sql: "PRAGMA user_version = \(version)")
            }
        }
    }
}
