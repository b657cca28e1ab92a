#if PostgreSQL

/// Creates and upgrades the schema of a PostgreSQL store. Two `impact init` runs at once are
/// serialised by an advisory lock; a read-only opening only checks the version.
struct PostgresSchema {
    let connection: PostgresConnection
    /// The advisory lock key of schema changes (any fixed number no other lock uses).
    static let migrationLock: Int64 = 0x494D_5041_4354

    func prepare(access: StoreAccess) throws {
        guard access != .readOnly else {
            let current = try version()
            guard current == PostgresMigrations.latestVersion else { throw outdated(current) }
            return
        }
        // A current store is left alone: roles that may not change the schema open it too.
        if try version() == PostgresMigrations.latestVersion { return }
        try connection.execute(sql: "BEGIN")
        do {
            try connection.run("SELECT pg_advisory_xact_lock(?)", [.integer(Self.migrationLock)]) { _ in }
            try connection.execute(sql: "CREATE TABLE IF NOT EXISTS impact_schema (version INTEGER NOT NULL)")
            let current = try version()
            if current > PostgresMigrations.latestVersion { throw outdated(current) }
            if current < PostgresMigrations.latestVersion {
                for version in (current + 1)...PostgresMigrations.latestVersion {
                    try connection.execute(sql: PostgresMigrations.all[version - 1])
                }
                try connection.execute(sql: "DELETE FROM impact_schema")
                try connection.run("INSERT INTO impact_schema (version) VALUES (?)",
                                   [.integer(Int64(PostgresMigrations.latestVersion))]) { _ in }
            }
            try connection.execute(sql: "COMMIT")
        } catch {
            try? connection.execute(sql: "ROLLBACK")
            throw error
        }
    }

    private func version() throws -> Int {
        var exists = false
        try connection.run("SELECT to_regclass('impact_schema') IS NOT NULL", []) { exists = $0.first == .integer(1) }
        guard exists else { return 0 }
        var version = 0
        try connection.run("SELECT coalesce(max(version), 0) FROM impact_schema", []) {
            if case .integer(let value) = $0[0] { version = Int(value) }
        }
        return version
    }

    private func outdated(_ current: Int) -> StoreError {
        let latest = PostgresMigrations.latestVersion
        let message: String
        switch current {
        case 0: message = "'\(connection.location)' holds no ImpactMonitor store; create one with impact init"
        case (latest + 1)...: message = """
            store '\(connection.location)' has schema version \(current), written by a newer ImpactMonitor; \
            this build understands up to version \(latest). Upgrade impact to open it.
            """
        default: message = "store '\(connection.location)' has schema version \(current); upgrade it with impact init"
        }
        return StoreError(code: ResultCode.error, message: message)
    }
}
#endif
