import ImpactCore

/// What the store holds of an event source: the months it covers, its areas and last delivery
/// (for the catalogue and the demo).
public struct CaseEventSummary {
    public let database: Database

    public init(store: Store) { self.database = store.database }

    public struct Coverage: Sendable, Equatable {
        /// First day of the first event's month and last day of the last event's month.
        public let first: CivilDate
        public let last: CivilDate
        public let events: Int
        public let areas: Int
        public let lastDelivery: String

        /// The calendar years the events cover completely.
        public var years: [Int] {
            (first.year...last.year).filter { year in
                first <= CivilDate(year: year, month: 1, day: 1) && CivilDate(year: year, month: 12, day: 31) <= last
            }
        }
    }

    /// Nil when the source has no current events. The months are computed here, not in SQL, so the
    /// statement is the same on both engines.
    public func coverage(source: String) throws -> Coverage? {
        try database.query("""
            SELECT min(e.event_date), max(e.event_date), count(*), count(DISTINCT e.geo), max(b.finished_at)
            FROM case_event AS e JOIN import_batch AS b ON b.id = e.batch_id
            WHERE e.source_id = ? AND e.superseded_by IS NULL
            """, [.text(source)]) { row -> Coverage? in
            guard let first = row.string(0).flatMap(CivilDate.init(iso:)),
                  let last = row.string(1).flatMap(CivilDate.init(iso:)) else { return nil }
            let days = CivilDate.daysIn(month: last.month, year: last.year)
            return Coverage(first: CivilDate(year: first.year, month: first.month, day: 1),
                            last: CivilDate(year: last.year, month: last.month, day: days),
                            events: row.int(2) ?? 0, areas: row.int(3) ?? 0,
                            lastDelivery: String((row.string(4) ?? "").prefix(10)))
        }.first ?? nil
    }
}
