import ImpactCore
import ImpactLanguage

/// Resolves a checked case measure into a `CasePlan` wrapped in an `IndicatorPlan`: shares are
/// planned as the fraction of input 0 over input 1, so diffs, contributions and boundary mapping
/// treat their numerator and denominator as for any share.
struct CasePlanner {
    let definitions: DefinitionSet

    func plan(_ id: String, _ measure: CaseMeasure, minimumN: Double?) throws -> IndicatorPlan {
        guard let cases = definitions.cases(measure.cases.value) else {
            throw Planner.PlanError(description: "unknown case data '\(measure.cases.value)'")
        }
        let plan = CasePlan(source: cases.eventSource, measure: try resolve(measure.kind, in: cases),
                            filters: filters(measure.filters, in: cases), synthetic: cases.synthetic,
                            minimumCell: cases.minimumCell)
        let expression: PlanExpression = plan.isShare ? .percent(.input(0), .input(1)) : .input(0)
        return IndicatorPlan(indicator: id, expression: expression, inputs: [], shifts: [.none], minimumN: minimumN,
                             cases: plan)
    }

    private func resolve(_ kind: CaseMeasure.Kind, in cases: CasesDeclaration) throws -> CasePlan.Measure {
        switch kind {
        case .distinctPersons(let events): return .distinct(persons: true, events: types(events, in: cases))
        case .distinctCases(let events): return .distinct(persons: false, events: types(events, in: cases))
        case .recurrenceBack(let event, let months, let key):
            return .recurrenceBack(event: event.value, months: months, byPerson: key == .person)
        case .recurrenceForward(let event, let months, let after, let key):
            return .recurrenceForward(event: event.value, months: months, after: after.value, byPerson: key == .person)
        case .duration(.events(let start, let end), let statistic):
            return .duration(start: start.value, end: end.value, statistic: statistic)
        case .duration(.term(let name), let statistic):
            let term = try self.term(name, in: cases)
            return .duration(start: term.start.value, end: term.end.value, statistic: statistic)
        case .exceeding(let name):
            let term = try self.term(name, in: cases)
            return .exceeding(start: term.start.value, end: term.end.value, days: term.days)
        }
    }

    /// The listed event types, or every type the cases block declares: the statement always names
    /// the types, so it reads events through the index by area, type and date.
    private func types(_ events: [Located<String>], in cases: CasesDeclaration) -> [String] {
        (events.isEmpty ? cases.events : events).map(\.value)
    }

    private func term(_ name: Located<String>, in cases: CasesDeclaration) throws -> CaseTerm {
        guard let term = cases.term(name.value) else {
            throw Planner.PlanError(description: "'\(cases.name.value)' declares no term '\(name.value)'")
        }
        return term
    }

    /// `role` filters the role column; any other name a dimension, with its aliases.
    private func filters(_ filters: [DimensionFilter], in cases: CasesDeclaration) -> [PlanFilter] {
        filters.map { filter -> PlanFilter in
            let dimension = cases.dimension(filter.dimension.value)
            let raw = filter.values.flatMap { dimension?.values[$0.value] ?? [$0.value] }
            return PlanFilter(dimension: filter.dimension.value, values: Array(Set(raw)).sorted(),
                              negated: filter.op == .notEqual || filter.op == .notWithin)
        }.sorted { $0.dimension < $1.dimension }
    }
}
