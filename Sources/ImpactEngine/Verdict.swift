/// A judgement of a change that respects the indicator's polarity.
public enum Verdict: String, Sendable, CaseIterable {
    case improved, worsened, unchanged
    /// The value moved, but the indicator has no better direction (`better none`).
    case changed
    case notComparable = "not_comparable"

    /// An arrow for human formats.
    public var arrow: String {
        switch self {
        case .improved: return "▲ beter"
        case .worsened: return "▼ slechter"
        case .unchanged: return "= gelijk"
        case .changed: return "↕ anders"
        case .notComparable: return "≠ niet vergelijkbaar"
        }
    }
}
