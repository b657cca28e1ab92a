import ImpactCore

/// Copies everything a store holds into an empty one, ids included, in one transaction of the
/// target: a region's SQLite file into a shared PostgreSQL store (`impact store copy FROM TO`), or
/// back. Case events come as stored (pseudonyms; the key is never needed). Derived data comes along
/// too (rollups, member statistics, `member_area`, case days, kept case results); the result cache does not, it is
/// rebuilt on use.
public struct StoreCopy {
    public let source: Store
    public let target: Store
    /// Told the rows copied of all the source holds.
    public var progress: (any ProgressReporter)?

    public init(from source: Store, to target: Store) {
        self.source = source
        self.target = target
    }

    /// Every table with its columns, parents before children (foreign keys).
    static let tables: [(name: String, columns: [String])] = [
        ("data_source", ["id", "description"]),
        ("import_batch", ["id", "source_id", "origin", "sha256", "row_count", "started_at", "finished_at", "status"]),
        ("series", ["id", "key"]),
        ("geo_unit", ["code", "name", "level", "kind", "valid_from", "valid_until"]),
        ("region_set", ["id", "name"]),
        ("membership", ["region_set", "region", "member", "valid_from", "valid_until"]),
        ("member_area", ["region", "member", "region_set", "valid_from", "valid_until", "earlier_until"]),
        ("succession", ["old_code", "new_code", "effective", "weight"]),
        ("observation", ["id", "series_id", "geo", "period", "grain", "period_start", "period_end", "months", "dims",
                         "dim_keys", "value", "n", "provisional", "suppressed", "batch_id", "superseded_by"]),
        ("case_source", ["id", "key_check", "days_kept"]),
        ("case_event", ["id", "source_id", "case_key", "event_type", "event_date", "person_key", "role", "geo", "dims",
                        "batch_id", "superseded_by"]),
        ("case_day", CaseDayStore.columns),
        ("case_result_measure", CaseResultStore.measureColumns),
        ("case_result", CaseResultStore.columns),
        ("alert_state", ["indicator", "rule", "geo", "state", "active_count", "inactive_count", "last_period",
                         "last_period_start", "last_value", "updated_at"]),
        ("alert_transition", ["id", "indicator", "rule", "geo", "period", "from_state", "to_state", "value",
                              "batch_id", "at"]),
        ("alert_outbox", ["id", "transition_id", "command", "payload", "attempts", "last_error", "delivered_at"]),
        ("rollup_series", ["series_id", "dims", "rule", "member_statistics"]),
        ("rollup", RollupStore.columns),
        ("member_rollup", RollupStore.memberColumns),
    ]

    /// The tables whose `id` the store numbers itself.
    static let numberedTables = ["import_batch", "series", "observation", "case_event", "alert_transition",
                                 "alert_outbox"]

    /// Rows copied per table. The target must hold nothing yet: copying is not merging. A role
    /// limited to some regions cannot copy a server's store: row-level security hides the other
    /// regions' municipal rows and the kept member statistics, so the copy would claim complete
    /// rollups it does not hold.
    @discardableResult
    public func run() throws -> [(table: String, rows: Int)] {
        if try source.database.isRegionLimited() {
            throw StoreError(code: ResultCode.error, message: """
                this role reads only its own regions' municipalities, so it cannot copy the whole store; \
                copy as the store's owner or a role without a region
                """)
        }
        let held = try target.database.scalarInt("""
            SELECT (SELECT count(*) FROM import_batch) + (SELECT count(*) FROM geo_unit)
            """) ?? 0
        guard held == 0 else {
            throw StoreError(code: ResultCode.error, message: """
                store '\(target.path)' already holds data; copy into a new, empty store (impact init)
                """)
        }
        if let progress {
            // Counted only for a progress line: on a server each count is another pass over a table.
            progress.begin(.copy, total: try Self.tables.reduce(0) { sum, table in
                sum + (try source.database.scalarInt("SELECT count(*) FROM \(table.name)") ?? 0)
            })
        }
        var copied = 0
        return try target.database.transaction {
            let counts = try Self.tables.map { table in
                (table.name, try copy(table.name, columns: table.columns, copied: &copied))
            }
            try target.database.server?.restartIdentities(tables: Self.numberedTables)
            if target.database.engine == .postgresql {
                // Statistics for what was just copied in: on none, the planner's case statements took minutes.
                try target.database.execute(sql: "ANALYZE")
            }
            return counts
        }
    }

    private func copy(_ table: String, columns: [String], copied: inout Int) throws -> Int {
        var rows = 0
        try target.database.appendRows(into: table, columns: columns) { add in
            try source.database.statement("SELECT \(columns.joined(separator: ", ")) FROM \(table) ORDER BY 1")
                .forEach { row in
                    try add((0..<columns.count).map { row.value($0) })
                    rows += 1
                    copied += 1
                    if copied % 1_024 == 0 { progress?.advance(to: copied) }
                }
        }
        progress?.advance(to: copied)
        return rows
    }
}
