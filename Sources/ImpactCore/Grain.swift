/// The length class of a period. Raw values are the one-letter codes stored in the database.
public enum Grain: String, CaseIterable, Sendable, Codable {
    case year = "Y"
    case half = "H"
    case quarter = "Q"
    case month = "M"
    case week = "W"

    /// Calendar months in one period of this grain; 0 for weeks, which do not nest in months.
    public var months: Int {
        switch self {
        case .year: return 12
        case .half: return 6
        case .quarter: return 3
        case .month: return 1
        case .week: return 0
        }
    }

    /// Periods of this grain in one year (weeks vary; 52 is the common case).
    var perYear: Int {
        switch self {
        case .year: return 1
        case .half: return 2
        case .quarter: return 4
        case .month: return 12
        case .week: return 52
        }
    }

    public var name: String {
        switch self {
        case .year: return "year"
        case .half: return "half-year"
        case .quarter: return "quarter"
        case .month: return "month"
        case .week: return "week"
        }
    }

    /// True when every period of `finer` lies inside exactly one period of `self`.
    public func nests(_ finer: Grain) -> Bool {
        guard self != .week, finer != .week else { return self == finer }
        return months >= finer.months && months % finer.months == 0
    }
}
