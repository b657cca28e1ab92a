/// Evaluated rows kept per question (indicator, compiled SQL, bound request) and data vintage
/// (the latest batch). Any import makes every entry stale, so a hit is always current.
struct ResultCache {
    let database: Database

    static func key(id: String, sql: String, arguments: [SQLValue], minimumN: Double?, planning: String) -> String {
        let text = ([id, sql, planning, minimumN.map { String($0) } ?? ""] + arguments.map(\.description)).joined(separator: "\u{1}")
        return SHA256.hex(Array(text.utf8))
    }

    func lookup(_ key: String) throws -> [IndicatorResult]? {
        guard let payload = try database.query(
            "SELECT payload FROM result_cache WHERE key = ? AND vintage = (SELECT coalesce(max(id), 0) FROM import_batch)", [.text(key)], { $0.string(0)! }).first
        else { return nil }
        return Self.decode(payload)
    }

    /// Best effort: a cache that cannot be written (another process holds the write lock) is skipped.
    func store(_ key: String, _ results: [IndicatorResult]) {
        try? database.execute("""
            INSERT OR REPLACE INTO result_cache (key, vintage, payload) VALUES (?, (SELECT coalesce(max(id), 0) FROM import_batch), ?)
            """, [.text(key), .text(Self.encode(results))])
        try? database.execute("DELETE FROM result_cache WHERE vintage < (SELECT coalesce(max(id), 0) FROM import_batch)")
    }

    /// One line per result, tab-separated; doubles in their shortest exact form.
    static func encode(_ results: [IndicatorResult]) -> String {
        results.map { result in
            [result.indicator, result.geo, result.period, number(result.value), number(result.numerator), number(result.denominator), number(result.n),
             result.status.rawValue, result.flags.joined(separator: "|")].joined(separator: "\t")
        }.joined(separator: "\n")
    }

    /// Splits on bytes, not Characters: a warm evaluation spends its time here.
    static func decode(_ payload: String) -> [IndicatorResult]? {
        guard !payload.isEmpty else { return [] }
        var results: [IndicatorResult] = []
        for line in payload.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            guard fields.count == 9, let status = ResultStatus(rawValue: fields[7]) else { return nil }
            results.append(IndicatorResult(indicator: fields[0], geo: fields[1], period: fields[2], value: Double(fields[3]), numerator: Double(fields[4]),
                                           denominator: Double(fields[5]), n: Double(fields[6]), status: status,
                                           flags: fields[8].isEmpty ? [] : fields[8].split(separator: "|").map(String.init)))
        }
        return results
    }

    private static func number(_ value: Double?) -> String { value.map { String($0) } ?? "" }
}
