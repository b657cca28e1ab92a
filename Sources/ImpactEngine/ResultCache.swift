import ImpactCore
import ImpactStore

/// Evaluated rows kept per question (indicator, compiled SQL, bound request) and data vintage
/// (the latest batch). Any import makes every entry stale, so a hit is always current.
struct ResultCache {
    let database: Database

    static func key(id: String, sql: String, arguments: [SQLValue], minimumN: Double?, planning: String) -> String {
        let fields = [id, sql, planning, minimumN.map { String($0) } ?? ""] + arguments.map(\.description)
        let text = fields.joined(separator: "\u{1}")
        return SHA256.hex(Array(text.utf8))
    }

    func lookup(_ key: String) throws -> [IndicatorResult]? {
        try OutputCache(database: database).withPayload(key, Self.decode)
    }

    func store(_ key: String, _ results: [IndicatorResult]) {
        OutputCache(database: database).store(key, Self.encode(results))
    }

    /// One line per result, tab-separated; numbers as the 16 hex digits of their bits, so they come
    /// back exact and are read without a decimal parser.
    static func encode(_ results: [IndicatorResult]) -> String {
        results.map { result in
            [result.indicator, result.geo, result.period, hex(result.value), hex(result.numerator),
             hex(result.denominator), hex(result.n), result.status.rawValue, result.flags.joined(separator: "|")]
                .joined(separator: "\t")
        }.joined(separator: "\n")
    }

    /// One pass over the bytes: a warm evaluation spends its time here. Nil for anything it did not write.
    static func decode(_ payload: UnsafeRawBufferPointer) -> [IndicatorResult]? {
        guard !payload.isEmpty else { return [] }
        var results: [IndicatorResult] = []
        var fields: [Range<Int>] = []
        fields.reserveCapacity(9)
        var start = 0
        for offset in 0...payload.count {
            let byte = offset < payload.count ? payload[offset] : UInt8(ascii: "\n")
            guard byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") else { continue }
            fields.append(start..<offset)
            start = offset + 1
            guard byte == UInt8(ascii: "\n") else { continue }
            guard let result = result(fields, in: payload) else { return nil }
            results.append(result)
            fields.removeAll(keepingCapacity: true)
        }
        return results
    }

    private static func result(_ fields: [Range<Int>], in payload: UnsafeRawBufferPointer) -> IndicatorResult? {
        func text(_ index: Int) -> String { String(decoding: payload[fields[index]], as: UTF8.self) }
        func number(_ index: Int) -> Double?? { double(payload[fields[index]]) }
        guard fields.count == 9, let status = ResultStatus(rawValue: text(7)), let value = number(3),
              let numerator = number(4), let denominator = number(5), let n = number(6) else { return nil }
        let flags = text(8)
        return IndicatorResult(indicator: text(0), geo: text(1), period: text(2), value: value, numerator: numerator,
                               denominator: denominator, n: n, status: status,
                               flags: flags.isEmpty ? [] : flags.split(separator: "|").map(String.init))
    }

    private static func hex(_ value: Double?) -> String {
        guard let value else { return "" }
        let digits = String(value.bitPattern, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// `.some(nil)` for an empty field (missing), nil for a malformed one.
    private static func double(_ bytes: Slice<UnsafeRawBufferPointer>) -> Double?? {
        if bytes.isEmpty { return .some(nil) }
        guard bytes.count == 16 else { return nil }
        var bits: UInt64 = 0
        for byte in bytes {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            default: return nil
            }
            bits = bits << 4 | UInt64(digit)
        }
        return .some(Double(bitPattern: bits))
    }
}
