import ImpactCore
import ImpactLanguage
import ImpactStore

/// A dimension filter with aliases expanded to the raw values stored in observations.
public struct PlanFilter: Hashable, Sendable {
    public let dimension: String
    public let values: [String]
    public let negated: Bool
}

/// One series read by an indicator: which rows, how to combine them over time and geography,
/// and from which period (shift).
public struct SeriesInput: Hashable, Sendable {
    public let key: String
    public let filters: [PlanFilter]
    /// An explicit aggregate from the expression; nil uses the series' own rules.
    public let aggregate: AggregateFunction?
    public let time: TimeAggregation
    public let geo: GeoAggregation
    public let shift: PeriodShift

    /// Sorted names of the filtered dimensions: rows must have exactly these dimensions.
    public var dimensionKeys: String { filters.map(\.dimension).sorted().joined(separator: ",") }

    /// The aggregation rule a rollup of this input was computed with.
    public var rule: String { Self.rule(time: time, geo: geo) }

    /// The rule text stored beside rollups; equal text means the rollups answer this input.
    public static func rule(time: TimeAggregation, geo: GeoAggregation) -> String { "\(time.rawValue)/\(geo.rawValue)" }

    /// The exact dimensions JSON of the rows this input reads, when rollups can answer it: every
    /// filter a single value (sums read the cell's rollup; comparisons across members read the
    /// members' rollups).
    public var rollupDimensions: String? {
        guard filters.allSatisfy({ !$0.negated && $0.values.count == 1 }) else { return nil }
        return "{" + filters.sorted { $0.dimension < $1.dimension }.map { JSONText.quote($0.dimension) + ":" + JSONText.quote($0.values[0]) }.joined(separator: ",") + "}"
    }

    /// Explicit avg/median/min/max/count compare member areas, so they read members even when a
    /// region has its own total; sums prefer the region's own figure.
    public var prefersMembers: Bool { [.avg, .median, .min, .max, .count].contains(aggregate) }
}

/// The typed, resolved form of a value expression: references to other indicators are inlined
/// and shifts pushed down to the series they apply to.
public indirect enum PlanExpression: Hashable, Sendable {
    case number(Double)
    case input(Int)
    case binary(BinaryOperator, PlanExpression, PlanExpression)
    case negate(PlanExpression)
    case percent(PlanExpression, PlanExpression)
    case per(PlanExpression, Double, PlanExpression)
    case coalesce([PlanExpression])

    /// Every denominator, so the engine can tell division by zero from missing data.
    var denominators: [PlanExpression] {
        switch self {
        case .number, .input: return []
        case .negate(let operand): return operand.denominators
        case .coalesce(let operands): return operands.flatMap(\.denominators)
        case .binary(let op, let left, let right):
            return left.denominators + right.denominators + (op == .divide ? [right] : [])
        case .percent(let left, let right), .per(let left, _, let right):
            return left.denominators + right.denominators + [right]
        }
    }
}

/// Everything needed to evaluate one indicator with one SQL statement.
public struct IndicatorPlan: Sendable {
    public let indicator: String
    public let expression: PlanExpression
    public let inputs: [SeriesInput]
    /// Distinct shifts used by the inputs; index 0 is always "no shift".
    public let shifts: [PeriodShift]
    public let minimumN: Double?

    /// Top-level numerator and denominator of a ratio, percentage or rate.
    public var fraction: (numerator: PlanExpression, denominator: PlanExpression)? {
        switch expression {
        case .binary(.divide, let numerator, let denominator), .percent(let numerator, let denominator), .per(let numerator, _, let denominator):
            return (numerator, denominator)
        default: return nil
        }
    }

    public func shiftIndex(_ shift: PeriodShift) -> Int { shifts.firstIndex(of: shift) ?? 0 }

    /// Readable description for `impact explain`.
    public var description: String {
        var lines = ["indicator \(indicator)", "  value: \(render(expression))"]
        for (index, input) in inputs.enumerated() {
            var parts = ["  input \(index): \(input.key)"]
            if !input.filters.isEmpty {
                parts.append("[" + input.filters.map { "\($0.dimension) \($0.negated ? "not in" : "in") (\($0.values.map { "\"\($0)\"" }.joined(separator: ", ")))" }.joined(separator: ", ") + "]")
            }
            parts.append("time \(input.time.rawValue), geo \(input.aggregate?.rawValue ?? input.geo.rawValue)")
            parts.append(input.prefersMembers ? "from member areas" : "own figure first, else member areas")
            if input.shift != .none { parts.append("shifted \(input.shift.periods) period(s), \(input.shift.years) year(s) back") }
            lines.append(parts.joined(separator: " · "))
        }
        if let minimumN { lines.append("  minimum n: \(NumberText.exact(minimumN))") }
        return lines.joined(separator: "\n")
    }

    private func render(_ expression: PlanExpression) -> String {
        switch expression {
        case .number(let value): return NumberText.exact(value)
        case .input(let index): return "input\(index)"
        case .binary(let op, let left, let right): return "(\(render(left)) \(op.rawValue) \(render(right)))"
        case .negate(let operand): return "-\(render(operand))"
        case .percent(let left, let right): return "100 × \(render(left)) / \(render(right))"
        case .per(let left, let factor, let right): return "\(NumberText.exact(factor)) × \(render(left)) / \(render(right))"
        case .coalesce(let operands): return "coalesce(" + operands.map(render).joined(separator: ", ") + ")"
        }
    }
}
