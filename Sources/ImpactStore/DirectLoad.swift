import Foundation
import ImpactCore

/// The rows of a series the store has never held go straight into `observation` while the delivery
/// is read. Nothing of such a series can be revised, so staging its rows, indexing the staging table
/// and joining it back only wrote each row three times. A key delivered twice is caught by the
/// table's unique index of current rows and reported as the staged path reports it, with the line of
/// its first occurrence (kept here, four bytes a row). Series the store holds, areas the delivery
/// adds itself, and sources with import gates (which read the staging table) stay staged.
final class DirectLoad {
    private let database: Database
    private let batch: Int64
    private let heldSeries: Set<String>
    private let firstID: Int64
    private let insertOne: Statement
    private let insertMany: Statement
    /// Rows held back for one multi-row `INSERT`, their values one after another: a statement per
    /// row cost as much again as the rows themselves (the table's and indexes' cursors opened, the
    /// foreign keys' parents found, for every row).
    private var pending: [SQLValue] = []
    private var pendingRows: [(series: String, location: SourceLocation)] = []
    private let rowsPerStatement: Int
    /// The series this load writes, by key; `last` answers a run of rows of one series.
    private var seriesIDs: [String: Int64] = [:]
    private var last: (key: String, id: Int64?)?
    private var lines: [UInt32] = []
    private var touched: Set<Touched> = []
    /// The last few combinations noted: rows cycle through a handful of them, so most rows need
    /// only a comparison, not a set insertion.
    private var recent: [Touched] = []
    private(set) var duplicates: [Diagnostic] = []
    private let consumer: (any DirectRowConsumer)?
    /// The series being read, and whether all its rows are in `held` for `consumer`.
    private var run: (id: Int64, key: String, holding: Bool)?
    /// One buffer for every series' rows, reused.
    private var held: [RollupObservation] = []
    private var runsEnded: Set<Int64> = []

    /// Rows of one series held for the consumer, about 80 bytes each.
    static let rowsHeld = 500_000
    /// Rows written between two calls of the consumer's `idle`.
    static let rowsBetweenIdle = 4096

    private static let columns = ["series_id", "geo", "period", "grain", "period_start", "period_end", "months",
                                  "dims", "dim_keys", "value", "n", "provisional", "suppressed", "batch_id"]

    /// The rows written: the batch's new keys beside those its staged rows add.
    var added: Int { lines.count }

    /// Nil when `gates` need every row staged.
    init?(database: Database, batch: Int, gates: [ImportGate], consumer: (any DirectRowConsumer)?) throws {
        guard gates.isEmpty else { return nil }
        self.database = database
        self.consumer = consumer
        self.batch = Int64(batch)
        heldSeries = Set(try database.query("""
            SELECT key FROM series AS s WHERE EXISTS (SELECT 1 FROM observation AS o WHERE o.series_id = s.id)
            """) { $0.string(0)! })
        firstID = Int64(try database.scalarInt("SELECT coalesce(max(id), 0) + 1 FROM observation") ?? 1)
        rowsPerStatement = database.rowsPerInsert(columns: Self.columns.count, preferred: RowAppender.fileBatchRows)
        insertOne = try database.statement(RowAppender.insertSQL(into: "observation", columns: Self.columns, rows: 1))
        insertMany = try database.statement(RowAppender.insertSQL(into: "observation", columns: Self.columns,
                                                                  rows: rowsPerStatement))
    }

    /// The series id when a row of `key` (in an area the store held before this delivery) goes
    /// straight in; nil when the store holds the series and the row must be staged.
    func seriesID(takingRowsOf key: String) throws -> Int64? {
        if let last, last.key == key { return last.id }
        let id = heldSeries.contains(key) ? nil : try seriesIDs[key] ?? newSeries(key)
        last = (key, id)
        return id
    }

    /// Writes one row of a series `seriesID(takingRowsOf:)` gave an id, with the period's and
    /// dimensions' values `ObservationImport.StagingText` formatted; a repeated key becomes a
    /// diagnostic instead.
    func insert(_ record: ObservationRecord, seriesID: Int64, texts: (period: [SQLValue], dims: [SQLValue])) throws {
        pending.append(.integer(seriesID))
        pending.append(.text(record.geo))
        pending.append(contentsOf: texts.period)
        pending.append(contentsOf: texts.dims)
        pending.append(record.value.sqlValue)
        pending.append(record.n.sqlValue)
        pending.append(record.provisional.sqlValue)
        pending.append(record.suppressed.sqlValue)
        pending.append(.integer(batch))
        pendingRows.append((record.series, record.location))
        note(Touched(seriesID: seriesID, dims: texts.dims[0], dimKeys: texts.dims[1], year: Self.year(texts.period[2])))
        if consumer != nil { try hold(record, dims: texts.dims[0], seriesID: seriesID) }
        if pendingRows.count == rowsPerStatement { try flush() }
    }

    private func hold(_ record: ObservationRecord, dims: SQLValue, seriesID: Int64) throws {
        if run?.id != seriesID {
            try endRun()
            run = (seriesID, record.series, !runsEnded.contains(seriesID))
        }
        guard run?.holding == true else { return }
        guard held.count < Self.rowsHeld else {
            run?.holding = false
            held = []
            return
        }
        held.append(RollupObservation(dims: Self.text(dims), unit: record.geo, period: record.period,
                                      value: record.value, n: record.n, provisional: record.provisional,
                                      suppressed: record.suppressed))
    }

    private func endRun() throws {
        guard let run else { return }
        self.run = nil
        runsEnded.insert(run.id)
        try consumer?.seriesWritten(id: run.id, key: run.key, rows: run.holding ? held : nil)
        held.removeAll(keepingCapacity: true)
    }

    /// Writes what is held back and lists what was written for the rollups (`direct_touched`, read
    /// with the staged rows' changes).
    func finish() throws {
        try flush()
        try endRun()
        held = []
        try database.appendRows(into: "direct_touched",
                                columns: ["series_id", "series_key", "dims", "dim_keys", "year"]) { add in
            let keys = Dictionary(uniqueKeysWithValues: seriesIDs.map { ($1, $0) })
            for item in touched {
                try add([.integer(item.seriesID), .text(keys[item.seriesID] ?? ""), item.dims, item.dimKeys,
                         .text(String(format: "%04d", item.year))])
            }
        }
    }

    /// A full batch in one statement; a batch with a repeated key, and the last one, row by row, so
    /// each repeat is found and named.
    private func flush() throws {
        guard !pendingRows.isEmpty else { return }
        defer {
            pending.removeAll(keepingCapacity: true)
            pendingRows.removeAll(keepingCapacity: true)
        }
        if pendingRows.count == rowsPerStatement {
            do {
                try insertMany.execute(pending)
                for row in pendingRows { lines.append(UInt32(clamping: row.location.line)) }
                if lines.count % Self.rowsBetweenIdle < rowsPerStatement { try consumer?.idle() }
                return
            } catch let error as StoreError where error.primaryCode == ResultCode.constraint {}
        }
        for (offset, row) in pendingRows.enumerated() {
            let values = Array(pending[(offset * Self.columns.count)..<((offset + 1) * Self.columns.count)])
            try insertAlone(values, series: row.series, at: row.location)
        }
    }

    private func insertAlone(_ values: [SQLValue], series: String, at location: SourceLocation) throws {
        do {
            try insertOne.execute(values)
            lines.append(UInt32(clamping: location.line))
        } catch let error as StoreError where error.primaryCode == ResultCode.constraint {
            guard let repeated = try repeated(values, series: series, at: location) else { throw error }
            if duplicates.count < ObservationImport.repeatsReported { duplicates.append(repeated) }
        }
    }

    private func newSeries(_ key: String) throws -> Int64 {
        try database.execute("INSERT OR IGNORE INTO series (key) VALUES (?)", [.text(key)])
        let id = Int64(try database.scalarInt("SELECT id FROM series WHERE key = ?", [.text(key)]) ?? 0)
        seriesIDs[key] = id
        return id
    }

    /// The diagnostic for a row (laid out as the `INSERT` takes it) whose key an earlier row of this
    /// delivery already wrote; nil when no such row exists (the constraint that failed was another).
    private func repeated(_ values: [SQLValue], series: String, at location: SourceLocation) throws -> Diagnostic? {
        let first = try database.query("""
            SELECT id, value, n, provisional, suppressed FROM observation
            WHERE series_id = ? AND geo = ? AND period = ? AND dims = ? AND superseded_by IS NULL
            """, [values[0], values[1], values[2], values[7]]) { row in
            (id: Int64(row.int(0)!), value: row.value(1), n: row.value(2), provisional: row.value(3),
             suppressed: row.value(4))
        }.first
        guard let first, first.id >= firstID, Int(first.id - firstID) < lines.count else { return nil }
        let identical = first.value == values[9] && first.n == values[10] && first.provisional == values[11]
            && first.suppressed == values[12]
        return ObservationImport.repeatDiagnostic(
            key: (series, Self.text(values[1]), Self.text(values[2]), Self.text(values[7])), identical: identical,
            first: (Int(lines[Int(first.id - firstID)]), Self.number(first.value)), later: Self.number(values[9]),
            at: location)
    }

    private func note(_ item: Touched) {
        guard !recent.contains(item) else { return }
        touched.insert(item)
        if recent.count == 16 { recent.removeFirst() }
        recent.append(item)
    }

    private static func text(_ value: SQLValue) -> String {
        if case .text(let text) = value { return text }
        return ""
    }

    /// The year of an ISO date, read from its first four digits.
    private static func year(_ start: SQLValue) -> Int {
        guard case .text(let text) = start else { return 0 }
        return text.utf8.prefix(4).reduce(0) { $0 * 10 + Int($1) - 48 }
    }

    private static func number(_ value: SQLValue) -> Double? {
        if case .real(let number) = value { return number }
        if case .integer(let number) = value { return Double(number) }
        return nil
    }

    /// A series, dimension combination and calendar year the batch wrote.
    private struct Touched: Hashable {
        let seriesID: Int64
        let dims: SQLValue
        let dimKeys: SQLValue
        let year: Int

        func hash(into hasher: inout Hasher) {
            hasher.combine(seriesID)
            hasher.combine(DirectLoad.text(dims))
            hasher.combine(year)
        }
    }
}
