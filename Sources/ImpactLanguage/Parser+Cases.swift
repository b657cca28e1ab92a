import ImpactCore

/// The grammar of case-level data: `cases` blocks and the case measures (`docs/indicator-language.md`).
extension Parser {
    static let casesFields = ["title", "source", "events", "dimension", "term", "min_cell", "synthetic"]
    static let caseFunctions = ["distinct_persons", "distinct_cases", "recurrence", "duration", "exceeding"]

    mutating func parseCases() throws {
        var cases = CasesDeclaration(name: try name("a name for the case data, such as vt_casus"))
        try block("cases", name: cases.name.value) { parser, field in
            cases.writtenFields.insert(field.value)
            switch field.value {
            case "title": cases.title = try parser.string("a title")
            case "source": cases.source = try parser.string("the event source (impact import events --event-source)")
            case "events":
                cases.events.append(try parser.name("an event type"))
                while true {
                    if parser.isSymbol(",") { _ = parser.advance() }
                    guard case .name = parser.current.kind else { break }
                    cases.events.append(try parser.name("an event type"))
                }
            case "dimension": cases.dimensions.append(try parser.parseDimension())
            case "term": cases.terms.append(try parser.parseTerm())
            case "min_cell": cases.minimumCell = Int(try parser.number("a minimum cell size"))
            case "synthetic": cases.synthetic = try parser.string("a note on how the data were generated")
            default: throw parser.unknownField(field, in: "a cases block", known: Self.casesFields)
            }
        }
        definitions.cases.append(cases)
    }

    /// `term onderzoek start_onderzoek to einde_onderzoek 10 weeks`.
    private mutating func parseTerm() throws -> CaseTerm {
        let termName = try name("a term name")
        let (start, end) = try parseSpanEvents(from: try name("the event that starts the term"))
        return CaseTerm(name: termName, start: start, end: end, days: try parseDays())
    }

    private mutating func parseSpanEvents(from start: Located<String>) throws -> (Located<String>, Located<String>) {
        guard isName("to") else { throw fail(.expectedKeyword("to", "between the two events")) }
        _ = advance()
        return (start, try name("the event that ends the span"))
    }

    /// `N days`, `N weeks` or `N months` (a month counted as 30 days) as a number of days.
    private mutating func parseDays() throws -> Int {
        let amount = try number("a length")
        let unit = try name("days, weeks or months")
        let factors = ["day": 1, "days": 1, "week": 7, "weeks": 7, "month": 30, "months": 30]
        guard let factor = factors[unit.value], amount >= 0, amount == amount.rounded() else {
            throw fail(.expectedTimeUnit(found: "'\(unit.value)'"), at: unit.range)
        }
        return Int(amount) * factor
    }

    mutating func parseCaseMeasure(_ function: Located<String>) throws -> CaseMeasure {
        _ = try expect("(", "to start the arguments")
        let casesName = try name("the name of a cases block")
        let filters = try parseSeriesReference(casesName).filters
        let kind: CaseMeasure.Kind
        switch function.value {
        case "distinct_persons": kind = .distinctPersons(try eventList())
        case "distinct_cases": kind = .distinctCases(try eventList())
        case "recurrence": kind = try parseRecurrence()
        case "duration":
            _ = try expect(",", "before the span (EVENT to EVENT, or a term)")
            let first = try name("an event or a term")
            var span = CaseSpan.term(first)
            if isName("to") {
                let (start, end) = try parseSpanEvents(from: first)
                span = .events(start, end)
            }
            _ = try expect(",", "before the statistic (median, mean, p75 …)")
            kind = .duration(span, try parseStatistic())
        default:
            _ = try expect(",", "before the term")
            kind = .exceeding(term: try name("a term declared in the cases block"))
        }
        _ = try expect(")", "to close the arguments")
        return CaseMeasure(cases: casesName, filters: filters, kind: kind)
    }

    private mutating func eventList() throws -> [Located<String>] {
        var events: [Located<String>] = []
        while isSymbol(",") {
            _ = advance()
            events.append(try name("an event type"))
        }
        return events
    }

    /// `, EVENT, back N months [by person|case]` or `, EVENT, forward N months after EVENT [by …]`.
    private mutating func parseRecurrence() throws -> CaseMeasure.Kind {
        _ = try expect(",", "before the event")
        let event = try name("the event that recurs")
        _ = try expect(",", "before the window (back N months, or forward N months after EVENT)")
        guard isName("back") || isName("forward") else { throw fail(.expectedCaseWindow(found: current.description)) }
        let forward = advance().kind == .name("forward")
        let amount = try number("a number of months")
        guard amount >= 1, amount == amount.rounded(), isName("months") || isName("month") else {
            throw fail(.expectedCaseWindow(found: current.description))
        }
        _ = advance()
        var after: Located<String>?
        if forward {
            guard isName("after") else { throw fail(.expectedKeyword("after", "in 'forward N months after EVENT'")) }
            _ = advance()
            after = try name("the event that closes a case")
        }
        var key = RecurrenceKey.person
        if isName("by") {
            _ = advance()
            key = try choice(RecurrenceKey.self, "recurrence key").value
        }
        if let after { return .recurrenceForward(event: event, months: Int(amount), after: after, by: key) }
        return .recurrenceBack(event: event, months: Int(amount), by: key)
    }

    private mutating func parseStatistic() throws -> DurationStatistic {
        let word = try name("median, mean or a percentile such as p75")
        switch word.value {
        case "median": return .median
        case "mean": return .mean
        default:
            guard word.value.hasPrefix("p"), let p = Int(word.value.dropFirst()), (1...99).contains(p) else {
                throw fail(.invalidDurationStatistic("'\(word.value)'"), at: word.range)
            }
            return .percentile(p)
        }
    }
}
