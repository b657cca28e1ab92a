import ImpactCore
import ImpactLanguage

/// Turns a checked indicator definition into an `IndicatorPlan`.
public struct Planner {
    public let definitions: DefinitionSet

    public init(definitions: DefinitionSet) { self.definitions = definitions }

    public struct PlanError: Error, CustomStringConvertible, Sendable {
        public let description: String

        public init(description: String) { self.description = description }
    }

    public func plan(_ id: String) throws -> IndicatorPlan {
        guard let indicator = definitions.indicator(id) else {
            let hint = Suggestions.hint(for: id, among: definitions.indicators.map(\.id.value)).map { "; \($0)" } ?? ""
            throw PlanError(description: "unknown indicator '\(id)'" + hint)
        }
        guard let value = indicator.value else {
            let note = indicator.statusNote.map { ", \($0)" } ?? ""
            throw PlanError(description: "indicator '\(id)' has no value expression yet "
                                + "(planning status: \(indicator.status.rawValue)\(note))")
        }
        if case .caseMeasure(let measure) = value.kind {
            return try CasePlanner(definitions: definitions).plan(id, measure, minimumN: indicator.minimumN)
        }
        var inputs: [SeriesInput] = []
        let expression = try lower(value, shift: .none, inputs: &inputs, visiting: [id])
        var shifts: [PeriodShift] = [.none]
        for input in inputs where !shifts.contains(input.shift) { shifts.append(input.shift) }
        return IndicatorPlan(indicator: id, expression: expression, inputs: inputs, shifts: shifts,
                             minimumN: indicator.minimumN)
    }

    private func lower(_ expression: Expression, shift: PeriodShift, inputs: inout [SeriesInput],
                       visiting: Set<String>) throws -> PlanExpression {
        func lowered(_ operand: Expression) throws -> PlanExpression {
            try lower(operand, shift: shift, inputs: &inputs, visiting: visiting)
        }
        switch expression.kind {
        case .number(let value): return .number(value)
        case .series(let reference):
            return .input(try input(reference, aggregate: nil, shift: shift, inputs: &inputs))
        case .aggregate(let function, let reference):
            return .input(try input(reference, aggregate: function, shift: shift, inputs: &inputs))
        case .indicator(let name):
            guard !visiting.contains(name), let other = definitions.indicator(name), let value = other.value else {
                throw PlanError(description: "indicator reference '\(name)' cannot be resolved "
                                    + "(unknown, without value, or in a cycle)")
            }
            return try lower(value, shift: shift, inputs: &inputs, visiting: visiting.union([name]))
        case .binary(let op, let left, let right): return .binary(op, try lowered(left), try lowered(right))
        case .negate(let operand): return .negate(try lowered(operand))
        case .percent(let left, let right): return .percent(try lowered(left), try lowered(right))
        case .per(let left, let factor, let right): return .per(try lowered(left), factor, try lowered(right))
        case .coalesce(let operands): return .coalesce(try operands.map { try lowered($0) })
        case .caseMeasure(let measure):
            throw PlanError(description: "\(measure.function)() must be the whole value of an indicator")
        case .shift(let extra, let operand):
            return try lower(operand, shift: shift.combined(with: extra), inputs: &inputs, visiting: visiting)
        }
    }

    private func input(_ reference: SeriesReference, aggregate: AggregateFunction?, shift: PeriodShift,
                       inputs: inout [SeriesInput]) throws -> Int {
        guard let series = definitions.series(reference.key.value) else {
            throw PlanError(description: "unknown series '\(reference.key.value)'")
        }
        let filters = reference.filters.map { filter -> PlanFilter in
            let dimension = series.dimension(filter.dimension.value)
            let raw = filter.values.flatMap { dimension?.values[$0.value] ?? [$0.value] }
            return PlanFilter(dimension: filter.dimension.value, values: Array(Set(raw)).sorted(),
                              negated: filter.op == .notEqual || filter.op == .notWithin)
        }.sorted { $0.dimension < $1.dimension }
        let isLast = aggregate == .last
        let input = SeriesInput(key: series.key.value, filters: filters, aggregate: isLast ? nil : aggregate,
                                time: isLast ? .last : series.time, geo: series.geo, shift: shift)
        if let existing = inputs.firstIndex(of: input) { return existing }
        inputs.append(input)
        return inputs.count - 1
    }
}
