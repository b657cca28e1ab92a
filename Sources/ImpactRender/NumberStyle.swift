import ImpactCore
import ImpactLanguage

/// How a workbook shows a number; the cell always keeps the exact value. The format codes are
/// locale-neutral (`#,##0.0`): Excel and LibreOffice show them as `1.234,5` in a Dutch locale.
public enum NumberStyle: Int, CaseIterable, Sendable {
    case whole, oneDecimal, twoDecimals, threeDecimals
    /// p-values: four decimals, and below 0.0001 an exponent, so a tiny p never reads as 0.
    case fourDecimals
    /// A fraction shown as a percentage (0.079 as 7.9%), as relative changes are stored.
    case percentage

    var formatCode: String {
        switch self {
        case .whole: return "#,##0"
        case .oneDecimal: return "#,##0.0"
        case .twoDecimals: return "#,##0.00"
        case .threeDecimals: return "#,##0.000"
        case .fourDecimals: return "[<0.0001]0.0E+00;0.0000"
        case .percentage: return "0.0%"
        }
    }

    /// Decimals that fit the indicator's unit, the same as the report prints them.
    public static func forUnit(_ unit: Unit?) -> NumberStyle {
        switch unit {
        case .percent?, .score?: return .oneDecimal
        case .ratio?: return .threeDecimals
        case .count?, .persons?: return .whole
        default: return .twoDecimals
        }
    }

    /// Columns holding a relative change (a fraction), shown as a percentage.
    static let fractionColumns: Set<String> = ["relative_change", "share_of_change"]
    /// Columns of counts or bases that are not in the indicator's unit.
    static let countColumns: Set<String> = ["numerator", "denominator", "n"]

    /// The style of a number in `column` of a row whose indicator has `unit`; nil where the column's
    /// own values decide (counts, or no unit known).
    public static func forColumn(_ column: String, unit: Unit?) -> NumberStyle? {
        if fractionColumns.contains(column) { return .percentage }
        if column == "p_value" || column == "p" { return .fourDecimals }
        if countColumns.contains(column) { return nil }
        return unit.map(forUnit)
    }

    /// Whole numbers when every value is whole (counts, numerators), two decimals otherwise.
    public static func fitting(_ values: [Double]) -> NumberStyle {
        values.allSatisfy { $0 == $0.rounded() } ? .whole : .twoDecimals
    }

    /// The characters a value takes when shown, for the column width.
    func shownLength(_ value: Double) -> Int {
        switch self {
        case .percentage: return NumberLocale.nl.format(value * 100, decimals: 1).count + 2
        default: return NumberLocale.nl.format(value, decimals: rawValue).count + 1
        }
    }
}
