import ImpactCore

/// Checks of `cases` blocks and case measures: names resolve to declared case data, events,
/// terms and dimensions.
extension Checker {
    mutating func checkCases(_ cases: CasesDeclaration) {
        let name = cases.name
        if cases.events.isEmpty && !cases.writtenFields.contains("events") {
            report(name.range, .casesMissingField(name.value, field: "events",
                                                  example: "events melding start_onderzoek einde_onderzoek"))
        }
        if cases.title == nil && !cases.writtenFields.contains("title") {
            report(name.range, .casesMissingField(name.value, field: "title", example: "title \"…\""))
        }
        let known = cases.events.map(\.value)
        for term in cases.terms {
            for event in [term.start, term.end] where !known.contains(event.value) {
                report(event.range, .unknownEvent(event.value, cases: name.value, known: known))
            }
        }
    }

    /// The unit of a case measure, or nil after an error.
    mutating func checkCaseMeasure(_ measure: CaseMeasure) -> Unit? {
        guard let cases = definitions.cases(measure.cases.value) else {
            report(measure.cases.range, .unknownCases(measure.cases.value, known: definitions.cases.map(\.name.value)))
            return nil
        }
        var valid = true
        let known = cases.events.map(\.value)
        for event in measure.events where !known.contains(event.value) {
            report(event.range, .unknownEvent(event.value, cases: cases.name.value, known: known))
            valid = false
        }
        for term in measure.terms where cases.term(term.value) == nil {
            report(term.range, .unknownTerm(term.value, cases: cases.name.value, known: cases.terms.map(\.name.value)))
            valid = false
        }
        for filter in measure.filters where filter.dimension.value != "role"
            && cases.dimension(filter.dimension.value) == nil {
            report(filter.dimension.range, .unknownCaseFilter(filter.dimension.value, cases: cases.name.value,
                                                              known: ["role"] + cases.dimensions.map(\.name.value)))
            valid = false
        }
        return valid ? measure.unit : nil
    }
}

extension CaseMeasure {
    /// What the measure yields: persons, cases (count), a share (percent) or days.
    public var unit: Unit {
        switch kind {
        case .distinctPersons: return .persons
        case .distinctCases: return .count
        case .recurrenceBack, .recurrenceForward, .exceeding: return .percent
        case .duration: return .days
        }
    }

    /// The declared terms the measure names.
    var terms: [Located<String>] {
        switch kind {
        case .duration(.term(let term), _), .exceeding(let term): return [term]
        default: return []
        }
    }
}
