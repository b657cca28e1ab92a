import ImpactCore

/// Checks a staged delivery against its source's import gates, before anything is committed.
struct GateCheck {
    let database: Database
    let origin: String
    /// "Today" for freshness, passed in so the check is testable.
    let today: CivilDate

    func check(_ gates: [ImportGate]) throws -> [Diagnostic] {
        try gates.flatMap { gate in
            try findings(gate).prefix(20).map { message in
                Diagnostic(gate.level == .fail ? .error : .warning, file: origin, line: 0, column: 0,
                           message: "gate \(name(gate)) (\(gate.range.file):\(gate.range.start.line)): \(message)",
                           hint: gate.level == .fail ? "fix the delivery, or declare the gate 'warn' if this is expected" : nil)
            }
        }
    }

    private func name(_ gate: ImportGate) -> String {
        switch gate.kind {
        case .regions: return "regions"
        case .periods: return "periods"
        case .noNegative: return "no_negative"
        case .partsSum: return "parts_sum"
        case .freshness: return "fresh"
        }
    }

    private func findings(_ gate: ImportGate) throws -> [String] {
        switch gate.kind {
        case .regions(let codes):
            let delivered = Set(try database.query("SELECT DISTINCT geo FROM staging") { $0.string(0)! })
            return codes.filter { !delivered.contains($0) }.map { "no figures for expected area \($0)" }
        case .periods(let periods):
            let delivered = Set(try database.query("SELECT DISTINCT period FROM staging") { $0.string(0)! })
            return periods.filter { !delivered.contains($0.code) }.map { "no figures for expected period \($0.code)" }
        case .noNegative:
            return try database.query("SELECT file, line, series_key, geo, period, value FROM staging WHERE value < 0 ORDER BY rowid LIMIT 20") {
                "\($0.string(0)!):\($0.int(1)!): negative value \(ObservationImport.show($0.double(5))) for \($0.string(2)!) \($0.string(3)!) \($0.string(4)!)"
            }
        case .partsSum(let tolerance, let relative):
            // Parts are summed per region in one pass over the batch (indexed by member), then compared.
            return try database.query("""
                WITH parts AS (
                    SELECT m.region, p.series_key, p.period, p.dims, sum(p.value) AS total, count(*) AS delivered
                    FROM staging AS p
                    JOIN membership AS m ON m.member = p.geo AND m.valid_from < p.period_end AND (m.valid_until IS NULL OR m.valid_until > p.period_start)
                    WHERE p.value IS NOT NULL
                    GROUP BY m.region, p.series_key, p.period, p.dims)
                SELECT t.series_key, t.geo, t.period, t.dims, t.value, parts.total, parts.delivered,
                       (SELECT count(DISTINCT m2.member) FROM membership AS m2 JOIN geo_unit AS g ON g.code = m2.member AND g.kind = 'area'
                        WHERE m2.region = t.geo AND m2.valid_from < t.period_end AND (m2.valid_until IS NULL OR m2.valid_until > t.period_start))
                FROM parts
                JOIN staging AS t ON t.geo = parts.region AND t.series_key = parts.series_key AND t.period = parts.period AND t.dims = parts.dims
                WHERE t.value IS NOT NULL
                  AND abs(parts.total - t.value) > CASE WHEN ? THEN ? / 100.0 * abs(t.value) ELSE ? END
                ORDER BY t.rowid
                """, [.integer(relative ? 1 : 0), .real(tolerance), .real(tolerance)]) { row in
                let dims = row.string(3)! == "{}" ? "" : " \(row.string(3)!)"
                return "\(row.string(0)!) \(row.string(1)!) \(row.string(2)!)\(dims): parts sum to \(ObservationImport.show(row.double(5))), the total says \(ObservationImport.show(row.double(4))) (\(row.int(6)!) parts delivered; \(row.int(7)!) member areas)"
            }
        case .freshness(let months):
            guard let newest = try database.scalar("SELECT max(period_end) FROM staging"), case .text(let end) = newest,
                  let date = CivilDate(iso: end) else { return ["the delivery holds no periods"] }
            let limit = Period(year: today.year, grain: .month, index: today.month)!.shifted(by: -months).start
            return date < limit ? ["the newest period ends \(date.iso), more than \(months) months before \(today.iso)"] : []
        }
    }
}
