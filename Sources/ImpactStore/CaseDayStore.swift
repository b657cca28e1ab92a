/// `case_day`: per case, event type and day of the current events, the day's first area (by code),
/// the case's previous day of the type, and the latest earlier day of the type of any person of the
/// case. A case measure finds a case's first event in a period from the previous day (no window over
/// the period's events) and a look-back from the stored days (no index probe per case and person).
/// The import keeps it in the same transaction as the events it derives from.
public struct CaseDayStore {
    public let database: Database

    public init(store: Store) { self.database = store.database }

    public static let columns = ["source_id", "event_type", "event_date", "case_key", "geo", "previous_date",
                                 "person_previous_date"]

    /// The event sources whose case days are complete; none for a region-limited role on a server,
    /// which may look back only over the events it can see (tested in the same statement).
    public func keptSources() throws -> Set<String> {
        let reader = database.engine == .postgresql ? " AND NOT (\(RegionLimit.condition))" : ""
        return Set(try database.query("SELECT id FROM case_source WHERE days_kept = 1" + reader) { $0.string(0) }
            .compactMap { $0 })
    }

    /// After an import's merge (temp tables `event_staging`, `event_changed`): rebuilds the source
    /// whole when `whole` or when its days were never kept, else only the cases the batch changed and
    /// the cases sharing a person with those events (their persons' earlier days may have changed).
    /// The caller has asked `checkWriter` first.
    func refresh(source: String, whole: Bool) throws {
        if try whole || !isKept(source) {
            try database.execute("DELETE FROM case_day WHERE source_id = ?", [.text(source)])
            try database.execute(Self.fill(scope: ""), [.text(source), .text(source)])
            try database.execute("UPDATE case_source SET days_kept = 1 WHERE id = ?", [.text(source)])
            return
        }
        let scope = " AND case_key IN (\(Self.changedCases))"
        try database.execute("DELETE FROM case_day WHERE source_id = ?" + scope, [.text(source), .text(source)])
        try database.execute(Self.fill(scope: scope), [.text(source), .text(source), .text(source)])
    }

    /// Keeps the source's case days when a store from before they existed has none yet, outside an
    /// import (`impact store refresh`).
    public func keep(source: String) throws {
        try checkWriter()
        if try !isKept(source) { try refresh(source: source, whole: true) }
    }

    private func isKept(_ source: String) throws -> Bool {
        try database.scalarInt("SELECT days_kept FROM case_source WHERE id = ?", [.text(source)]) == 1
    }

    /// A region-limited role on a server may not import case events: it would keep look-backs over
    /// the events it may see for readers who see them all.
    func checkWriter() throws {
        guard try database.isRegionLimited() else { return }
        throw StoreError(code: ResultCode.error, message: """
            this role reads only its own regions' events, so it cannot keep the case days every reader \
            uses; import case events (or refresh the store) as a role without a region
            """)
    }

    /// The cases of the batch's changed events and every current case of their persons.
    static let changedCases = """
        SELECT s.case_key FROM event_changed AS c JOIN event_staging AS s ON s.rowid = c.staging_rowid
        UNION
        SELECT e.case_key FROM case_event AS e
        WHERE e.source_id = ? AND e.superseded_by IS NULL AND e.person_key IN (
          SELECT s.person_key FROM event_changed AS c JOIN event_staging AS s ON s.rowid = c.staging_rowid
          WHERE s.person_key <> '')
        """

    /// The case days of the source's current events within `scope` (a condition on `case_key`).
    /// A person's earlier day is looked up only for event types that carry persons at all: for the
    /// others it is empty anyway, and the lookup is the costly part. The case's persons come first
    /// (`CROSS JOIN` fixes SQLite's join order; a server plans it itself).
    static func fill(scope: String) -> String {
        """
        INSERT INTO case_day (\(columns.joined(separator: ", ")))
        SELECT d.source_id, d.event_type, d.event_date, d.case_key, d.geo,
               lag(d.event_date) OVER (PARTITION BY d.case_key, d.event_type ORDER BY d.event_date),
               CASE WHEN d.event_type IN (SELECT DISTINCT x.event_type FROM case_event AS x
                                         WHERE x.source_id = ? AND x.person_key <> '' AND x.superseded_by IS NULL)
                    THEN (SELECT max(q.event_date)
                          FROM case_event AS o CROSS JOIN case_event AS q
                          WHERE o.source_id = d.source_id AND o.case_key = d.case_key AND o.person_key <> ''
                            AND o.superseded_by IS NULL
                            AND q.source_id = o.source_id AND q.person_key = o.person_key
                            AND q.event_type = d.event_type AND q.event_date < d.event_date
                            AND q.superseded_by IS NULL) END
        FROM (SELECT source_id, case_key, event_type, event_date, min(geo) AS geo
              FROM case_event
              WHERE source_id = ? AND superseded_by IS NULL\(scope)
              GROUP BY source_id, case_key, event_type, event_date) AS d
        """
    }
}
