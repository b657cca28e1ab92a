import ImpactLanguage

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

    /// The inputs the expression reads.
    public var inputs: Set<Int> {
        switch self {
        case .number: return []
        case .input(let index): return [index]
        case .negate(let operand): return operand.inputs
        case .coalesce(let operands): return operands.reduce(into: []) { $0.formUnion($1.inputs) }
        case .binary(_, let left, let right), .percent(let left, let right), .per(let left, _, let right):
            return left.inputs.union(right.inputs)
        }
    }

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
