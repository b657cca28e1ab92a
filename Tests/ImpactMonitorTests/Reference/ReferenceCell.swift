import ImpactCore

/// One cell as the reference computes it: the expression over its inputs with SQL's NULL rules
/// written out, then status and flags by the documented precedence.
struct ReferenceCell: Equatable, CustomStringConvertible {
    var value: Double?
    var numerator: Double?
    var denominator: Double?
    var n: Double?
    var status = "ok"
    var flags: [String] = []

    var description: String {
        func text(_ number: Double?) -> String { number.map { "\($0)" } ?? "-" }
        return "value \(text(value)) num \(text(numerator)) den \(text(denominator)) n \(text(n)) "
            + "\(status) [\(flags.joined(separator: "|"))]"
    }

    /// A leaf read in one shifted period.
    private struct Read: Hashable {
        let leaf: ReferenceLeaf
        let periods: Int
        let years: Int
    }

    private struct Context {
        let evaluator: ReferenceEvaluator
        let geo: String
        let period: Period
        var inputs: [Read: ReferenceEvaluator.Figure?] = [:]

        mutating func figure(_ read: Read) -> ReferenceEvaluator.Figure? {
            if let known = inputs[read] { return known }
            var window = period.shifted(by: -read.periods)
            for _ in 0..<read.years { window = window.sameLastYear }
            let figure = evaluator.input(read.leaf, geo, window)
            inputs[read] = figure
            return figure
        }
    }

    init(evaluator: ReferenceEvaluator, expression: ReferenceExpression, geo: String, period: Period) {
        var context = Context(evaluator: evaluator, geo: geo, period: period)
        // Every input of the indicator counts for status and flags, used or not.
        for read in Self.reads(expression, shift: (0, 0)) { _ = context.figure(read) }
        let computed = Self.value(expression, shift: (0, 0), &context)
        let zero = Self.denominators(expression, shift: (0, 0)).contains {
            Self.value($0.0, shift: $0.1, &context) == 0
        }
        switch expression {
        case .divide(let top, let bottom), .percent(let top, let bottom), .per(let top, _, let bottom):
            numerator = Self.value(top, shift: (0, 0), &context)
            denominator = Self.value(bottom, shift: (0, 0), &context)
            n = denominator
        default: break
        }
        let figures = context.inputs.values.compactMap { $0 }
        if figures.contains(where: \.provisional) { flags.append("provisional") }
        if figures.contains(where: \.partial) { flags.append("partial_members") }
        if figures.contains(where: { !$0.complete }) { flags.append("incomplete_period") }
        if figures.contains(where: \.suppressed) { flags.append("suppressed_at_source") }
        if computed != nil {
            value = computed
            status = figures.contains(where: \.provisional) ? "provisional" : "ok"
        } else if zero {
            status = "division_by_zero"
        } else if figures.contains(where: \.suppressed) {
            status = "suppressed"
        } else if figures.contains(where: { !$0.complete || $0.partial }) {
            status = "incomplete"
        } else {
            status = "missing"
        }
    }

    private typealias Shift = (periods: Int, years: Int)

    private static func value(_ expression: ReferenceExpression, shift: Shift, _ context: inout Context) -> Double? {
        func both(_ left: ReferenceExpression, _ right: ReferenceExpression) -> (Double, Double)? {
            let a = value(left, shift: shift, &context), b = value(right, shift: shift, &context)
            guard let a, let b else { return nil }
            return (a, b)
        }
        func ratio(_ left: ReferenceExpression, _ right: ReferenceExpression) -> Double? {
            both(left, right).flatMap { $0.1 == 0 ? nil : $0.0 / $0.1 }
        }
        switch expression {
        case .number(let number): return number
        case .leaf(let leaf): return context.figure(Read(leaf: leaf, periods: shift.periods, years: shift.years))?.value
        case .add(let left, let right): return both(left, right).map { $0.0 + $0.1 }
        case .subtract(let left, let right): return both(left, right).map { $0.0 - $0.1 }
        case .divide(let left, let right): return ratio(left, right)
        case .percent(let left, let right): return ratio(left, right).map { 100 * $0 }
        case .per(let left, let factor, let right): return ratio(left, right).map { factor * $0 }
        case .previous(let operand): return value(operand, shift: (shift.periods + 1, shift.years), &context)
        case .lastYear(let operand): return value(operand, shift: (shift.periods, shift.years + 1), &context)
        case .coalesce(let operands):
            for operand in operands {
                if let found = value(operand, shift: shift, &context) { return found }
                if blocked(operand, shift: shift, &context) { return nil }
            }
            return nil
        }
    }

    /// An argument that is incomplete or suppressed stops `coalesce`: only missing falls through.
    private static func blocked(_ expression: ReferenceExpression, shift: Shift, _ context: inout Context) -> Bool {
        reads(expression, shift: shift).contains { read in
            context.figure(read).map { !$0.complete || $0.partial || $0.suppressed } ?? false
        }
    }

    private static func reads(_ expression: ReferenceExpression, shift: Shift) -> [Read] {
        switch expression {
        case .number: return []
        case .leaf(let leaf): return [Read(leaf: leaf, periods: shift.periods, years: shift.years)]
        case .add(let left, let right), .subtract(let left, let right), .divide(let left, let right),
             .percent(let left, let right), .per(let left, _, let right):
            return reads(left, shift: shift) + reads(right, shift: shift)
        case .coalesce(let operands): return operands.flatMap { reads($0, shift: shift) }
        case .previous(let operand): return reads(operand, shift: (shift.periods + 1, shift.years))
        case .lastYear(let operand): return reads(operand, shift: (shift.periods, shift.years + 1))
        }
    }

    /// Every denominator at any depth, evaluated whether or not its branch is used.
    private static func denominators(_ expression: ReferenceExpression,
                                     shift: Shift) -> [(ReferenceExpression, Shift)] {
        switch expression {
        case .number, .leaf: return []
        case .add(let left, let right), .subtract(let left, let right):
            return denominators(left, shift: shift) + denominators(right, shift: shift)
        case .divide(let left, let right), .percent(let left, let right), .per(let left, _, let right):
            return denominators(left, shift: shift) + denominators(right, shift: shift) + [(right, shift)]
        case .coalesce(let operands): return operands.flatMap { denominators($0, shift: shift) }
        case .previous(let operand): return denominators(operand, shift: (shift.periods + 1, shift.years))
        case .lastYear(let operand): return denominators(operand, shift: (shift.periods, shift.years + 1))
        }
    }
}
