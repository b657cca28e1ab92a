/// A judgement of a change that respects the indicator's polarity.
public enum Verdict: String, Sendable, CaseIterable {
    case improved, worsened, unchanged
    /// The value moved, but the indicator has no better direction (`better none`).
    case changed
    case notComparable = "not_comparable"

    /// The symbol human formats put before the verdict's word (words come from the renderer's table).
    public var arrow: String {
        switch self {
        case .improved: return "▲"
        case .worsened: return "▼"
        case .unchanged: return "="
        case .changed: return "↕"
        case .notComparable: return "≠"
        }
    }
}
