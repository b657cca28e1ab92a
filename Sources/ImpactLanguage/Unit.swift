
public enum Unit: String, CaseIterable, Sendable {
    case count, persons, percent, ratio, score, days, euro
    case ratePer100 = "rate_per_100", ratePer1000 = "rate_per_1000", ratePer10000 = "rate_per_10000"
    case ratePer100000 = "rate_per_100000"

    static func rate(per factor: Double) -> Unit? {
        switch factor {
        case 100: return .ratePer100
        case 1000: return .ratePer1000
        case 10000: return .ratePer10000
        case 100_000: return .ratePer100000
        default: return nil
        }
    }

    /// Units that count things, so dividing two of them gives a ratio.
    var isCountable: Bool { self == .count || self == .persons }
}
