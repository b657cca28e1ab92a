import ImpactCore

/// A random indicator as the reference sees it: an expression tree that also prints itself in
/// the definition language, so the engine reads the very same definition.
struct ReferenceIndicator {
    let id: String
    let unit: String
    let expression: ReferenceExpression

    var definition: String {
        """
        indicator \(id) {
          title "\(id)"
          criterion output
          better none
          unit \(unit)
          value \(expression.text)
        }

        """
    }
}

/// A series read: its key, the dimension values (nil: the total) and an optional statistic.
struct ReferenceLeaf: Hashable {
    let key: String
    let values: [String]?
    let statistic: String?

    var text: String {
        let filter = values.map { values in
            values.count == 1 ? "[melder = \"\(values[0])\"]"
                : "[melder in (" + values.map { "\"\($0)\"" }.joined(separator: ", ") + ")]"
        } ?? ""
        return statistic.map { "\($0)(\(key)\(filter))" } ?? key + filter
    }
}

indirect enum ReferenceExpression {
    case number(Double)
    case leaf(ReferenceLeaf)
    case add(ReferenceExpression, ReferenceExpression)
    case subtract(ReferenceExpression, ReferenceExpression)
    case divide(ReferenceExpression, ReferenceExpression)
    case percent(ReferenceExpression, ReferenceExpression)
    case per(ReferenceExpression, Double, ReferenceExpression)
    case coalesce([ReferenceExpression])
    case previous(ReferenceExpression)
    case lastYear(ReferenceExpression)

    var text: String {
        switch self {
        case .number(let value): return String(Int(value))
        case .leaf(let leaf): return leaf.text
        case .add(let left, let right): return "(\(left.text) + \(right.text))"
        case .subtract(let left, let right): return "(\(left.text) - \(right.text))"
        case .divide(let left, let right): return "(\(left.text) / \(right.text))"
        case .percent(let left, let right): return "pct(\(left.text), \(right.text))"
        case .per(let left, let factor, let right): return "(\(left.text) per \(Int(factor)) \(right.text))"
        case .coalesce(let operands): return "coalesce(" + operands.map(\.text).joined(separator: ", ") + ")"
        case .previous(let operand): return "previous(\(operand.text))"
        case .lastYear(let operand): return "last_year(\(operand.text))"
        }
    }
}
