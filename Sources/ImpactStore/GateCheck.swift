import ImpactCore

/// Checks a staged delivery against its source's import gates, before anything is committed.
public struct GateCheck {
    let database: Database
    let origin: String
    /// "Today" for freshness, passed in so the check is testable.
    let today: CivilDate

    public init(database: Database, origin: String, today: CivilDate) {
        self.database = database
        self.origin = origin
        self.today = today
    }

    /// At most 20 findings per gate: enough to see the pattern without drowning the rest.
    public func check(_ gates: [ImportGate]) throws -> [Diagnostic] {
        try gates.flatMap { gate in
            try findings(gate).prefix(20).map { Diagnostic($0, file: origin) }
        }
    }

    private func findings(_ gate: ImportGate) throws -> [DiagnosticMessage] {
        switch gate.kind {
        case .regions(let codes):
            let delivered = Set(try database.query("SELECT DISTINCT geo FROM staging") { $0.string(0)! })
            return codes.filter { !delivered.contains($0) }.map { .gateMissingArea($0, gate: gate) }
        case .periods(let periods):
            let delivered = Set(try database.query("SELECT DISTINCT period FROM staging") { $0.string(0)! })
            return periods.filter { !delivered.contains($0.code) }.map { .gateMissingPeriod($0.code, gate: gate) }
        case .noNegative:
            return try database.query("""
                SELECT file, line, series_key, geo, period, value FROM staging WHERE value < 0 ORDER BY rowid LIMIT 20
                """) { row in
                .gateNegativeValue(ObservationImport.show(row.double(5)), row: "\(row.string(0)!):\(row.int(1)!)",
                                   key: "\(row.string(2)!) \(row.string(3)!) \(row.string(4)!)", gate: gate)
            }
        case .partsSum(let tolerance, let relative):
            // Parts are summed per region in one pass over the batch (indexed by member), then compared.
            return try database.query("""
                WITH parts AS (
                    SELECT m.region, p.series_key, p.period, p.dims, sum(p.value) AS total, count(*) AS delivered
                    FROM staging AS p
                    JOIN membership AS m ON m.member = p.geo AND m.valid_from < p.period_end
                                        AND (m.valid_until IS NULL OR m.valid_until > p.period_start)
                    WHERE p.value IS NOT NULL
                    GROUP BY m.region, p.series_key, p.period, p.dims)
                SELECT t.series_key, t.geo, t.period, t.dims, t.value, parts.total, parts.delivered,
                       (SELECT count(DISTINCT m2.member)
                        FROM membership AS m2 JOIN geo_unit AS g ON g.code = m2.member AND g.kind = 'area'
                        WHERE m2.region = t.geo AND m2.valid_from < t.period_end
                          AND (m2.valid_until IS NULL OR m2.valid_until > t.period_start))
                FROM parts
                JOIN staging AS t ON t.geo = parts.region AND t.series_key = parts.series_key
                                 AND t.period = parts.period AND t.dims = parts.dims
                WHERE t.value IS NOT NULL
                  AND abs(parts.total - t.value) > CASE WHEN ? = 1 THEN ? / 100.0 * abs(t.value) ELSE ? END
                ORDER BY t.rowid
                """, [.integer(relative ? 1 : 0), .real(tolerance), .real(tolerance)]) { row in
                let dims = row.string(3)! == "{}" ? "" : " \(row.string(3)!)"
                return .gatePartsSum("\(row.string(0)!) \(row.string(1)!) \(row.string(2)!)\(dims)",
                                     parts: ObservationImport.show(row.double(5)),
                                     total: ObservationImport.show(row.double(4)),
                                     delivered: row.int(6)!, members: row.int(7)!, gate: gate)
            }
        case .freshness(let months):
            guard let newest = try database.scalar("SELECT max(period_end) FROM staging"), case .text(let end) = newest,
                  let date = CivilDate(iso: end) else { return [.gateNoPeriods(gate: gate)] }
            let limit = Period(year: today.year, grain: .month, index: today.month)!.shifted(by: -months).start
            return date < limit ? [.gateStale(newestEnd: date, months: months, today: today, gate: gate)] : []
        }
    }
}
