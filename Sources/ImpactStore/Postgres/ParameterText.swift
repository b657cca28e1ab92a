
/// How a bound value travels to PostgreSQL: as text with the type the store means, so a number
/// arrives as the exact double and text is typed by the statement around it (`jsonb`, `date`, …).
enum ParameterText {
    static let bool: UInt32 = 16
    static let int8: UInt32 = 20
    static let int2: UInt32 = 21
    static let int4: UInt32 = 23
    static let float4: UInt32 = 700
    static let float8: UInt32 = 701
    static let text: UInt32 = 25
    static let numeric: UInt32 = 1700

    /// The type OID to declare. Text is `text` (the dialect casts where it means JSON: `$1::jsonb`,
    /// `$5::jsonpath`); a NULL takes the type of the column or expression it meets (0: inferred).
    static func type(_ value: SQLValue) -> UInt32 {
        switch value {
        case .integer: return int8
        case .real: return float8
        case .text: return text
        case .null: return 0
        }
    }

    /// The shortest text that reads back as the same value; nil for NULL.
    static func text(_ value: SQLValue) -> String? {
        switch value {
        case .null: return nil
        case .integer(let int): return String(int)
        case .real(let double):
            if double.isNaN { return "NaN" }
            if double.isInfinite { return double < 0 ? "-Infinity" : "Infinity" }
            return String(double)
        case .text(let text): return text
        }
    }
}
