import ImpactCore

/// `case_result`: the rows a case measure's statement yields for every area and calendar period of
/// its source's years, kept when the events or the definitions change so that an evaluation reads
/// one row per cell instead of the events (as rollups serve sums). A measure is keyed by a digest
/// of its statement over the events, so a result computed under other definitions, another compiler
/// or other semantics is never read. `case_result_measure` says which years each measure holds and
/// the last event date they were computed with. An event import without definitions clears its
/// source's results, a geography import (or a unit a plugin adds) clears them all, and the engine's
/// `CaseResultMaintainer` keeps them anew.
public struct CaseResultStore {
    public let database: Database

    public init(store: Store) { self.database = store.database }

    public static let columns = ["source_id", "measure", "geo", "period", "value", "numerator", "denominator", "n",
                                 "coverage", "excluded", "censored"]
    static let measureColumns = ["source_id", "measure", "first_year", "last_year", "data_end"]

    /// What a measure's kept rows hold: every area and calendar period of `years`, computed when
    /// the source's last event was on `dataEnd`.
    public struct Kept: Sendable, Equatable {
        public let years: ClosedRange<Int>
        public let dataEnd: CivilDate

        public init(years: ClosedRange<Int>, dataEnd: CivilDate) {
            self.years = years
            self.dataEnd = dataEnd
        }
    }

    /// The kept measures by source and digest; none for a region-limited role on a server, whose
    /// measures count only the events it may see (tested in the same statement).
    public func kept() throws -> [String: [String: Kept]] {
        let reader = database.engine == .postgresql ? " WHERE NOT (\(RegionLimit.condition))" : ""
        var kept: [String: [String: Kept]] = [:]
        _ = try database.query("SELECT \(Self.measureColumns.joined(separator: ", ")) FROM case_result_measure"
                               + reader) { row in
            guard let source = row.string(0), let measure = row.string(1), let first = row.int(2),
                  let last = row.int(3), first <= last, let end = row.string(4).flatMap(CivilDate.init(iso:))
            else { return }
            kept[source, default: [:]][measure] = Kept(years: first...last, dataEnd: end)
        }
        return kept
    }

    /// The first and last date of the source's current events; nil without events.
    public func eventDates(source: String) throws -> ClosedRange<CivilDate>? {
        let dates = try database.query("""
            SELECT min(event_date), max(event_date) FROM case_event WHERE source_id = ? AND superseded_by IS NULL
            """, [.text(source)]) { [$0.string(0), $0.string(1)] }.first ?? []
        guard dates.count == 2, let first = dates[0].flatMap(CivilDate.init(iso:)),
              let last = dates[1].flatMap(CivilDate.init(iso:)), first <= last else { return nil }
        return first...last
    }

    /// Removes every kept result of the source: its events changed and nothing keeps them anew.
    public func clear(source: String) throws {
        try remove(source: source, measure: nil)
    }

    /// Removes the rows and the record of one measure of the source, or of all of them (nil): no
    /// definition asks for it any more, and its rows would not follow the events.
    public func remove(source: String, measure: String?) throws {
        let condition = measure == nil ? "source_id = ?" : "source_id = ? AND measure = ?"
        let key: [SQLValue] = [.text(source)] + (measure.map { [.text($0)] } ?? [])
        try database.execute("DELETE FROM case_result WHERE " + condition, key)
        try database.execute("DELETE FROM case_result_measure WHERE " + condition, key)
    }

    /// Every kept result of every source: what they were computed over has changed (the geography).
    static let clearAll = "DELETE FROM case_result; DELETE FROM case_result_measure;"

    /// Runs `insert`, the compiler's `INSERT` of one measure's rows for the years from `from` on,
    /// after removing the rows it replaces (all of them when `from` is nil), and records what the
    /// measure now holds.
    public func keep(source: String, measure: String, holding kept: Kept, from: Int?, insert: String,
                     arguments: [SQLValue]) throws {
        let key: [SQLValue] = [.text(source), .text(measure)]
        // Every period code starts with its year, so codes from the year on compare as text.
        let years = from.map { (" AND period >= ?", [SQLValue.text(String($0))]) } ?? ("", [])
        try database.execute("DELETE FROM case_result WHERE source_id = ? AND measure = ?" + years.0, key + years.1)
        try database.execute("DELETE FROM case_result_measure WHERE source_id = ? AND measure = ?", key)
        try database.execute(insert, arguments)
        try database.execute("""
            INSERT INTO case_result_measure (\(Self.measureColumns.joined(separator: ", "))) VALUES (?, ?, ?, ?, ?)
            """, key + [.integer(Int64(kept.years.lowerBound)), .integer(Int64(kept.years.upperBound)),
                        .text(kept.dataEnd.iso)])
    }

    /// The sources that hold events, for a refresh of all of them.
    public func sources() throws -> [String] {
        try database.query("SELECT id FROM case_source ORDER BY id") { $0.string(0) }.compactMap { $0 }
    }
}
