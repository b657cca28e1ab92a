import ImpactCore

/// Writes an expression back as definition text, for readable appendices and messages.
public enum ExpressionPrinter {
    public static func text(_ expression: Expression) -> String { text(expression.kind, parentPrecedence: 0) }

    private static func precedence(_ kind: ExpressionKind) -> Int {
        switch kind {
        case .binary(.add, _, _), .binary(.subtract, _, _): return 1
        case .binary(.multiply, _, _), .binary(.divide, _, _), .per: return 2
        case .negate: return 3
        default: return 4
        }
    }

    private static func text(_ kind: ExpressionKind, parentPrecedence: Int) -> String {
        let own = precedence(kind)
        let body: String
        switch kind {
        case .number(let value): body = NumberText.exact(value)
        case .series(let reference): body = text(reference)
        case .indicator(let name): body = name
        case .aggregate(let function, let reference): body = "\(function.rawValue)(\(text(reference)))"
        case .binary(let op, let left, let right):
            body = text(left.kind, parentPrecedence: own) + " \(op.rawValue) "
                + text(right.kind, parentPrecedence: own + 1)
        case .negate(let operand): body = "-" + text(operand.kind, parentPrecedence: own)
        case .percent(let left, let right): body = "pct(\(text(left)), \(text(right)))"
        case .per(let left, let factor, let right):
            body = text(left.kind, parentPrecedence: own) + " per \(NumberText.exact(factor)) "
                + text(right.kind, parentPrecedence: own + 1)
        case .coalesce(let operands): body = "coalesce(" + operands.map(text).joined(separator: ", ") + ")"
        case .caseMeasure(let measure): body = CaseMeasureText.text(measure)
        case .shift(let shift, let operand):
            let inner = text(operand)
            if shift == PeriodShift(periods: 1, years: 0) { body = "previous(\(inner))" }
            else if shift == PeriodShift(periods: 0, years: 1) { body = "last_year(\(inner))" }
            else { body = "lag(\(inner), \(shift.periods))" }
        }
        return own < parentPrecedence ? "(\(body))" : body
    }

    static func text(_ reference: SeriesReference) -> String {
        guard !reference.filters.isEmpty else { return reference.key.value }
        let filters = reference.filters.map { filter -> String in
            let values = filter.values.map { "\"\($0.value)\"" }
            switch filter.op {
            case .equal: return "\(filter.dimension.value) = \(values[0])"
            case .notEqual: return "\(filter.dimension.value) != \(values[0])"
            case .within: return "\(filter.dimension.value) in (\(values.joined(separator: ", ")))"
            case .notWithin: return "\(filter.dimension.value) not in (\(values.joined(separator: ", ")))"
            }
        }
        return reference.key.value + "[" + filters.joined(separator: ", ") + "]"
    }
}
