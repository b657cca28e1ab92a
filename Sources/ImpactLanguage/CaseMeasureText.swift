/// Writes a case measure back as definition text (`ExpressionPrinter`, `impact explain`).
enum CaseMeasureText {
    static func text(_ measure: CaseMeasure) -> String {
        let cases = ExpressionPrinter.text(SeriesReference(key: measure.cases, filters: measure.filters))
        let rest: [String]
        switch measure.kind {
        case .distinctPersons(let events), .distinctCases(let events): rest = events.map(\.value)
        case .recurrenceBack(let event, let months, let key):
            rest = [event.value, "back \(months) months by \(key.rawValue)"]
        case .recurrenceForward(let event, let months, let after, let key):
            rest = [event.value, "forward \(months) months after \(after.value) by \(key.rawValue)"]
        case .duration(let span, let statistic): rest = [text(span), statistic.text]
        case .exceeding(let term): rest = [term.value]
        }
        return measure.function + "(" + ([cases] + rest).joined(separator: ", ") + ")"
    }

    static func text(_ span: CaseSpan) -> String {
        switch span {
        case .events(let start, let end): return "\(start.value) to \(end.value)"
        case .term(let term): return term.value
        }
    }
}
