
public enum Comparison: String, CaseIterable, Sendable {
    case atLeast = ">=", atMost = "<=", above = ">", below = "<", equal = "=="

    public func holds(_ left: Double, _ right: Double) -> Bool {
        switch self {
        case .atLeast: return left >= right
        case .atMost: return left <= right
        case .above: return left > right
        case .below: return left < right
        case .equal: return left == right
        }
    }
}
