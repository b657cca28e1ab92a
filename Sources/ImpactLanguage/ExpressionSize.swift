/// The size of an expression as it is evaluated: its terms (numbers and series) and how deep the SQL
/// the compiler writes for it nests (`ExpressionLimits`), as SQLite's parser counts it. It mirrors
/// `SQLGenerator`: a division, `pct` or `per` nests its operands two levels (the cast and the zero
/// guard), `coalesce` two (a call with arguments), a minus sign one, a chain of `+`/`-` or of `*`
/// one level per operator up to `ExpressionLimits.nestedChain` and one level when longer.
public struct ExpressionSize: Sendable, Equatable {
    public var terms: Int
    public var levels: Int

    public static let leaf = ExpressionSize(terms: 1, levels: 0)

    /// The size of `expression`, with `referenced` giving the size of an indicator it uses (nil: an
    /// unknown indicator, counted as one term).
    public static func of(_ expression: Expression, referenced: (String) -> ExpressionSize?) -> ExpressionSize {
        func size(_ node: Expression) -> ExpressionSize { of(node, referenced: referenced) }
        switch expression.kind {
        case .number, .series, .aggregate, .caseMeasure: return .leaf
        case .indicator(let name): return referenced(name) ?? .leaf
        case .shift(_, let operand): return size(operand)
        case .negate(let operand): return size(operand).nested(by: 1)
        case .coalesce(let operands): return combined(operands.map(size)).nested(by: 2)
        case .percent(let left, let right), .per(let left, _, let right):
            return combined([size(left), size(right)]).nested(by: 2)
        case .binary(.divide, let left, let right): return combined([size(left), size(right)]).nested(by: 2)
        case .binary(let op, _, _):
            let operands = chain(expression, continuing: op)
            let depth = operands.count - 1 > ExpressionLimits.nestedChain ? 1 : operands.count - 1
            return combined(operands.map(size)).nested(by: depth)
        }
    }

    /// The operands of a left-leaning chain of `op` (`+` and `-` continue each other), read without
    /// recursion so a long chain costs no stack.
    static func chain(_ expression: Expression, continuing op: BinaryOperator) -> [Expression] {
        func continues(_ other: BinaryOperator) -> Bool {
            op == .multiply ? other == .multiply : other == .add || other == .subtract
        }
        var operands: [Expression] = []
        var node = expression
        while case .binary(let other, let left, let right) = node.kind, continues(other) {
            operands.append(right)
            node = left
        }
        operands.append(node)
        return operands.reversed()
    }

    /// Indicators that use each other many times grow exponentially when written out; counting
    /// stops here so the sum cannot overflow.
    static let countingLimit = 1 << 40

    private static func combined(_ sizes: [ExpressionSize]) -> ExpressionSize {
        ExpressionSize(terms: sizes.reduce(0) { min($0 + $1.terms, countingLimit) },
                       levels: sizes.map(\.levels).max() ?? 0)
    }

    private func nested(by depth: Int) -> ExpressionSize { ExpressionSize(terms: terms, levels: levels + depth) }
}
