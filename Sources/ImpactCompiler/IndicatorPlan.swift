import ImpactCore
import ImpactLanguage

/// Everything needed to evaluate one indicator with one SQL statement: the lowered expression over
/// numbered inputs, each input with its filters, aggregation rules, period shift and — once
/// `ReadPlanner` has placed it — where it reads. `SQLGenerator` renders it; `impact explain`
/// prints `description`.
public struct IndicatorPlan: Sendable {
    public let indicator: String
    public let expression: PlanExpression
    public internal(set) var inputs: [SeriesInput]
    /// Distinct shifts used by the inputs; index 0 is always "no shift".
    public let shifts: [PeriodShift]
    public let minimumN: Double?
    /// Set for a case measure: the statement reads case events instead of series inputs.
    public var cases: CasePlan?

    /// Top-level numerator and denominator of a ratio, percentage or rate.
    public var fraction: (numerator: PlanExpression, denominator: PlanExpression)? {
        switch expression {
        case .binary(.divide, let numerator, let denominator), .percent(let numerator, let denominator),
             .per(let numerator, _, let denominator):
            return (numerator, denominator)
        default: return nil
        }
    }

    public func shiftIndex(_ shift: PeriodShift) -> Int { shifts.firstIndex(of: shift) ?? 0 }

    /// Readable description for `impact explain`.
    public var description: String {
        var lines = ["indicator \(indicator)"] + (cases.map { [$0.description] } ?? ["  value: \(render(expression))"])
        for (index, input) in inputs.enumerated() {
            lines.append(describe(input, index: index))
        }
        if let minimumN { lines.append("  minimum n: \(NumberText.exact(minimumN))") }
        return lines.joined(separator: "\n")
    }

    private func describe(_ input: SeriesInput, index: Int) -> String {
        var parts = ["  input \(index): \(input.key)"]
        if !input.filters.isEmpty {
            parts.append("[" + input.filters.map(describe).joined(separator: ", ") + "]")
        }
        parts.append("time \(input.time.rawValue), geo \(input.aggregate?.rawValue ?? input.geo.rawValue)")
        parts.append(input.prefersMembers ? "from member areas" : "own figure first, else member areas")
        parts.append(input.source.description)
        if input.shift != .none {
            parts.append("shifted \(input.shift.periods) period(s), \(input.shift.years) year(s) back")
        }
        return parts.joined(separator: " · ")
    }

    private func describe(_ filter: PlanFilter) -> String {
        let values = filter.values.map { "\"\($0)\"" }.joined(separator: ", ")
        return "\(filter.dimension) \(filter.negated ? "not in" : "in") (\(values))"
    }

    private func render(_ expression: PlanExpression) -> String {
        switch expression {
        case .number(let value): return NumberText.exact(value)
        case .input(let index): return "input\(index)"
        case .binary(let op, let left, let right): return "(\(render(left)) \(op.rawValue) \(render(right)))"
        case .negate(let operand): return "-\(render(operand))"
        case .percent(let left, let right): return "100 × \(render(left)) / \(render(right))"
        case .per(let left, let factor, let right):
            return "\(NumberText.exact(factor)) × \(render(left)) / \(render(right))"
        case .coalesce(let operands): return "coalesce(" + operands.map(render).joined(separator: ", ") + ")"
        }
    }
}
