/// The definition language's messages (IMP-L…): lexer, parser, checker and loader. Rule test
/// files are read with the same lexer and token reader, so their syntax errors use these too.
/// Arguments are plain text (a token is passed as its description) because the language's own
/// types live in a layer above this one.
extension DiagnosticMessage {
    // MARK: Lexer

    public static let unknownEscape = DiagnosticMessage(
        .unknownEscape, "unknown escape in string",
        hint: "use \\\" for a quote, \\\\ for a backslash, \\n for a new line")

    public static let unclosedString = DiagnosticMessage(
        .unclosedString, "string is not closed before the end of the line", hint: "add the closing \"")

    public static func unexpectedCharacter(_ character: Character) -> DiagnosticMessage {
        DiagnosticMessage(.unexpectedCharacter, "unexpected character '\(character)'")
    }

    // MARK: Token reader and parser

    /// `context` finishes the sentence: "to open the indicator", "after the list of values".
    public static func expectedSymbol(_ symbol: String, _ context: String, found: String) -> DiagnosticMessage {
        DiagnosticMessage(.expectedSymbol, "expected '\(symbol)' \(context), found \(found)")
    }

    public static func expectedName(_ what: String, found: String) -> DiagnosticMessage {
        DiagnosticMessage(.expectedName, "expected \(what), found \(found)")
    }

    public static func expectedString(_ what: String, found: String) -> DiagnosticMessage {
        DiagnosticMessage(.expectedString, "expected \(what) in double quotes, found \(found)")
    }

    public static func expectedNumber(_ what: String, found: String) -> DiagnosticMessage {
        DiagnosticMessage(.expectedNumber, "expected \(what), found \(found)")
    }

    /// A fixed word of a phrase is missing; `example` shows the whole phrase.
    public static func expectedKeyword(_ word: String, _ context: String, example: String? = nil) -> DiagnosticMessage {
        DiagnosticMessage(.expectedKeyword, "expected '\(word)' \(context)", hint: example.map { "write: \($0)" })
    }

    /// A word that must be one of a fixed set (a unit, a criterion, a severity …).
    public static func unknownChoice(_ what: String, _ word: String, options: [String]) -> DiagnosticMessage {
        let suggestion = Suggestions.hint(for: word, among: options).map { $0 + " " } ?? ""
        return DiagnosticMessage(.unknownChoice, "unknown \(what) '\(word)'",
                                 hint: suggestion + "(\(options.joined(separator: ", ")))")
    }

    public static func fieldNotEnded(found: String) -> DiagnosticMessage {
        DiagnosticMessage(.fieldNotEnded, "unexpected \(found) at the end of the field", hint: "one field per line")
    }

    public static func unknownDeclaration(_ keyword: String, known: [String]) -> DiagnosticMessage {
        DiagnosticMessage(.unknownDeclaration, "unknown declaration '\(keyword)'",
                          hint: Suggestions.hint(for: keyword, among: known)
                              ?? "a file holds " + known.joined(separator: ", ") + " blocks")
    }

    /// `kind` names what the braces hold: "indicator", "test", "list of dimension values"; `name`
    /// is the block's id when it has one. Reported at the `{` that is not closed, because the end of
    /// the file, where the parser notices, says nothing about which block it is.
    public static func unclosedBlock(_ kind: String, name: String? = nil) -> DiagnosticMessage {
        let named = name.map { " '\($0)'" } ?? ""
        return DiagnosticMessage(.unclosedBlock, "the \(kind)\(named) opened here is not closed",
                                 hint: "add '}' after its last line")
    }

    /// `kind` with its article: "an indicator", "a series".
    public static func unknownField(_ field: String, in kind: String, known: [String]) -> DiagnosticMessage {
        DiagnosticMessage(.unknownField, "unknown field '\(field)' in \(kind)",
                          hint: Suggestions.hint(for: field, among: known)
                              ?? "fields are " + known.joined(separator: ", "))
    }

    public static func expectedBreakDate(found: String) -> DiagnosticMessage {
        DiagnosticMessage(.expectedBreakDate, "expected the date of the break as YYYY-MM-DD, found \(found)")
    }

    public static func expectedComparison(found: String) -> DiagnosticMessage {
        DiagnosticMessage(.expectedComparison, "expected a comparison (>=, <=, >, <, ==), found \(found)")
    }

    public static func expectedDeadline(found: String) -> DiagnosticMessage {
        DiagnosticMessage(.expectedDeadline, "expected a deadline as YYYY-MM-DD after 'by', found \(found)")
    }

    public static func expectedTargetPeriod(found: String) -> DiagnosticMessage {
        DiagnosticMessage(.expectedTargetPeriod,
                          "expected a period (2021, 2021-H1) or 'by DATE' after 'target', found \(found)")
    }

    public static func invalidPeriod(_ error: PeriodError) -> DiagnosticMessage {
        DiagnosticMessage(.invalidPeriod, error.description)
    }

    public static let invalidPeriodCount = DiagnosticMessage(
        .invalidPeriodCount, "the number of periods must be a whole number ≥ 0")

    public static func unknownAlertCondition(_ subject: String) -> DiagnosticMessage {
        DiagnosticMessage(.unknownAlertCondition, "unknown alert condition '\(subject)'",
                          hint: "write: value > X · change > X% vs previous · target missed"
                              + " · outside K sd of N periods")
    }

    public static let expectedAreaCodes = DiagnosticMessage(
        .expectedAreaCodes, "expected area codes in quotes after 'regions'",
        hint: "write: expect regions \"VTWB\" \"VTZL\"")

    public static let expectedPeriods = DiagnosticMessage(
        .expectedPeriods, "expected periods after 'periods'", hint: "write: expect periods 2017 2018")

    public static func expectedDurationUnit(found: String) -> DiagnosticMessage {
        DiagnosticMessage(.expectedDurationUnit, "expected 'months' or 'years', found \(found)")
    }

    public static func unknownGate(_ kind: String, known: [String]) -> DiagnosticMessage {
        DiagnosticMessage(.unknownGate, "unknown gate '\(kind)'",
                          hint: Suggestions.hint(for: kind, among: known)
                              ?? "gates are " + known.joined(separator: ", "))
    }

    public static func expectedOperand(found: String) -> DiagnosticMessage {
        DiagnosticMessage(.expectedOperand, "expected a number, a series, an indicator or a function, found \(found)")
    }

    public static func expectedFilterOperator(found: String) -> DiagnosticMessage {
        DiagnosticMessage(.expectedFilterOperator,
                          "expected '=', '!=', 'in' or 'not in' after the dimension name, found \(found)")
    }

    public static func wrongArgumentCount(_ function: String, expected: Int, actual: Int) -> DiagnosticMessage {
        DiagnosticMessage(.wrongArgumentCount,
                          "\(function)() takes \(expected) argument\(expected == 1 ? "" : "s"), not \(actual)")
    }

    public static func aggregateNeedsSeries(_ function: String) -> DiagnosticMessage {
        DiagnosticMessage(.aggregateNeedsSeries,
                          "\(function)() aggregates a series, such as \(function)(vt.meldingen)")
    }

    public static let coalesceNeedsTwoArguments = DiagnosticMessage(
        .coalesceNeedsTwoArguments,
        "coalesce() needs at least two arguments: the value and what to use when it is missing")

    public static let invalidLagSteps = DiagnosticMessage(
        .invalidLagSteps, "the second argument of lag() is a whole number of periods ≥ 1")

    public static func unknownFunction(_ name: String, known: [String]) -> DiagnosticMessage {
        DiagnosticMessage(.unknownFunction, "unknown function '\(name)'",
                          hint: Suggestions.hint(for: name, among: known)
                              ?? "functions are " + known.joined(separator: ", "))
    }

    // MARK: Checker

    public static func duplicateDefinition(_ kind: String, _ name: String, first: SourceRange) -> DiagnosticMessage {
        DiagnosticMessage(.duplicateDefinition, "\(kind) '\(name)' is defined twice",
                          hint: "the first definition is at \(first.position)")
    }

    public static func invalidSeriesKey(_ key: String) -> DiagnosticMessage {
        DiagnosticMessage(.invalidSeriesKey, "series key '\(key)' must be dotted lowercase, such as vt.meldingen",
                          hint: "the dot tells series apart from indicators in expressions")
    }

    public static func seriesWithoutUnit(_ key: String) -> DiagnosticMessage {
        DiagnosticMessage(.seriesWithoutUnit, "series '\(key)' has no unit", hint: "add a line: unit count")
    }

    public static func seriesWithoutTitle(_ key: String) -> DiagnosticMessage {
        DiagnosticMessage(.seriesWithoutTitle, "series '\(key)' has no title", hint: "add a line: title \"…\"")
    }

    public static func unsummableSeries(unit: String) -> DiagnosticMessage {
        DiagnosticMessage(.unsummableSeries, "a \(unit) series cannot be summed over time or geography",
                          hint: "declare 'time weighted' and 'geo weighted' (n-weighted means) or 'none'")
    }

    public static func programmeWithoutTitle(_ id: String) -> DiagnosticMessage {
        DiagnosticMessage(.programmeWithoutTitle, "programme '\(id)' has no title", hint: "add a line: title \"…\"")
    }

    public static func programmeWithoutLines(_ id: String) -> DiagnosticMessage {
        DiagnosticMessage(.programmeWithoutLines, "programme '\(id)' has no action lines",
                          hint: "add: line eerder_in_beeld \"Eerder en beter in beeld\"")
    }

    /// `example` is the line to add, such as `unit ratio`.
    public static func indicatorMissingField(_ id: String, field: String, example: String) -> DiagnosticMessage {
        DiagnosticMessage(.indicatorMissingField, "indicator '\(id)' has no \(field)", hint: "add a line: \(example)")
    }

    public static func indicatorWithoutValue(_ id: String) -> DiagnosticMessage {
        DiagnosticMessage(.indicatorWithoutValue, "indicator '\(id)' has no value expression",
                          hint: "add 'value …', or declare its planning status:"
                              + " status planned \"expected September 2019\"")
    }

    public static func unitMismatch(actual: String, declared: String) -> DiagnosticMessage {
        let hint: String
        if actual == "ratio" && declared == "percent" {
            hint = "use pct(a, b) for a percentage"
        } else if actual == "ratio" && declared.hasPrefix("rate_per_") {
            hint = "use 'a per \(declared.dropFirst("rate_per_".count)) b' for a rate"
        } else {
            hint = "declare 'unit \(actual)' or change the expression"
        }
        return DiagnosticMessage(.unitMismatch, "the value is a \(actual) but the indicator's unit is \(declared)",
                                 hint: hint)
    }

    public static func unknownActionLine(_ line: String, programme: String, known: [String]) -> DiagnosticMessage {
        DiagnosticMessage(.unknownActionLine, "programme '\(programme)' has no action line '\(line)'",
                          hint: Suggestions.hint(for: line, among: known)
                              ?? "its lines are " + known.joined(separator: ", "))
    }

    public static func unknownProgramme(_ name: String, known: [String]) -> DiagnosticMessage {
        DiagnosticMessage(.unknownProgramme, "unknown programme '\(name)'",
                          hint: Suggestions.hint(for: name, among: known) ?? "declare it in a 'programme' block")
    }

    public static let actionLineWithoutProgramme = DiagnosticMessage(
        .actionLineWithoutProgramme, "an action line needs a programme", hint: "add: programme ID")

    public static func notAnOutcome(_ name: String) -> DiagnosticMessage {
        DiagnosticMessage(.notAnOutcome, "'\(name)' is not an outcome criterion",
                          hint: "an output indicator serves an indicator with 'criterion outcome'")
    }

    public static func unknownOutcome(_ name: String, known: [String]) -> DiagnosticMessage {
        DiagnosticMessage(.unknownOutcome, "unknown outcome criterion '\(name)'",
                          hint: Suggestions.hint(for: name, among: known))
    }

    public static func alertWithoutCondition(_ name: String) -> DiagnosticMessage {
        DiagnosticMessage(.alertWithoutCondition, "alert '\(name)' has no condition", hint: "add: when value > 80")
    }

    public static func targetAlertWithoutTarget(_ name: String) -> DiagnosticMessage {
        DiagnosticMessage(.targetAlertWithoutTarget,
                          "alert '\(name)' fires on a missed target, but the indicator has no target",
                          hint: "add a line such as: target 2021 >= 0.6")
    }

    public static let invalidExpectedRange = DiagnosticMessage(
        .invalidExpectedRange,
        "an expected range needs a positive number of standard deviations and at least 2 periods of history",
        hint: "write: when outside 2 sd of 5 periods")

    public static func unknownPlaceholder(_ placeholder: String, alert: String, known: [String]) -> DiagnosticMessage {
        DiagnosticMessage(.unknownPlaceholder,
                          "unknown placeholder {\(placeholder)} in the summary of alert '\(alert)'",
                          hint: Suggestions.hint(for: placeholder, among: known)
                              ?? "placeholders are " + known.map { "{\($0)}" }.joined(separator: " "))
    }

    public static func unknownReference(_ name: String, known: [String]) -> DiagnosticMessage {
        DiagnosticMessage(.unknownReference, "unknown indicator or series '\(name)'",
                          hint: Suggestions.hint(for: name, among: known)
                              ?? "series keys contain a dot, such as vt.meldingen")
    }

    public static func referenceWithoutValue(_ name: String, status: String) -> DiagnosticMessage {
        DiagnosticMessage(.referenceWithoutValue, "indicator '\(name)' has no value to refer to (status \(status))")
    }

    public static let coalesceMixesUnits = DiagnosticMessage(
        .coalesceMixesUnits, "coalesce() mixes units", hint: "every argument needs the same unit")

    public static func unsupportedRate(_ factor: Double) -> DiagnosticMessage {
        DiagnosticMessage(.unsupportedRate, "'per \(NumberText.readable(factor))' is not a supported rate",
                          hint: "use per 100, 1000, 10000 or 100000")
    }

    /// `left + right` or `left - right` with different units.
    public static func incompatibleTerms(adding: Bool, _ left: String, _ right: String) -> DiagnosticMessage {
        let text = adding ? "cannot add a \(right) to a \(left)" : "cannot subtract a \(right) from a \(left)"
        return DiagnosticMessage(.incompatibleTerms, text, hint: "both sides of + and - need the same unit")
    }

    public static func incompatibleDivision(_ numerator: String, by denominator: String) -> DiagnosticMessage {
        DiagnosticMessage(.incompatibleDivision, "cannot divide a \(numerator) by a \(denominator)",
                          hint: "a ratio divides like by like, such as count / count")
    }

    /// `verb` is "multiply" or "divide"; the operands are units or "number".
    public static func incompatibleFactors(_ verb: String, _ left: String, _ symbol: String,
                                           _ right: String) -> DiagnosticMessage {
        DiagnosticMessage(.incompatibleFactors, "cannot \(verb) these units (\(left) \(symbol) \(right))",
                          hint: "only a ratio or a plain number scales another unit")
    }

    public static func unknownSeries(_ key: String, known: [String]) -> DiagnosticMessage {
        DiagnosticMessage(.unknownSeries, "unknown series '\(key)'",
                          hint: Suggestions.hint(for: key, among: known) ?? "declare it in a 'series' block")
    }

    /// sum() over a series of distinct persons or items, which summing would double-count.
    public static func nonAdditiveSum(_ key: String, persons: Bool) -> DiagnosticMessage {
        DiagnosticMessage(.nonAdditiveSum,
                          "sum() over '\(key)' is not allowed: it counts distinct \(persons ? "persons" : "items")"
                              + " and is not additive",
                          hint: "summing over municipalities or months would double-count; use '\(key)' without sum()"
                              + " to read the figure delivered for the area and period")
    }

    public static func meaninglessSum(unit: String) -> DiagnosticMessage {
        DiagnosticMessage(.meaninglessSum, "sum() of a \(unit) series is meaningless",
                          hint: "use avg(), median(), or the series itself (n-weighted)")
    }

    public static func dimensionFilteredTwice(_ dimension: String) -> DiagnosticMessage {
        DiagnosticMessage(.dimensionFilteredTwice, "dimension '\(dimension)' is filtered twice",
                          hint: "combine the values in one filter: \(dimension) in (\"A\", \"B\")")
    }

    public static func unknownDimension(_ dimension: String, series: String, known: [String]) -> DiagnosticMessage {
        DiagnosticMessage(.unknownDimension, "series '\(series)' has no dimension '\(dimension)'",
                          hint: Suggestions.hint(for: dimension, among: known)
                              ?? (known.isEmpty ? "it has no dimensions"
                                                : "its dimensions are " + known.joined(separator: ", ")))
    }

    /// `canonical` is set when `value` is one of the raw values mapped onto a declared value.
    public static func unknownDimensionValue(_ value: String, dimension: String, canonical: String?,
                                             known: [String]) -> DiagnosticMessage {
        DiagnosticMessage(.unknownDimensionValue, "'\(value)' is not a value of dimension '\(dimension)'",
                          hint: canonical.map { "'\(value)' is a raw value of '\($0)'; filter on '\($0)'" }
                              ?? Suggestions.hint(for: value, among: known))
    }

    public static func referenceCycle(_ cycle: [String]) -> DiagnosticMessage {
        DiagnosticMessage(.referenceCycle,
                          "indicators refer to each other in a cycle: " + cycle.joined(separator: " → "),
                          hint: "one of them must be computed from series only")
    }

    // MARK: Loader

    public static func missingDefinitionsDirectory(_ directory: String) -> DiagnosticMessage {
        DiagnosticMessage(.missingDefinitionsDirectory, "definitions directory '\(directory)' does not exist",
                          hint: "pass --indicators DIR")
    }

    public static func unreadableDefinitionFile(_ path: String) -> DiagnosticMessage {
        DiagnosticMessage(.unreadableDefinitionFile, "cannot read '\(path)' as UTF-8 text",
                          hint: "save the file as UTF-8")
    }

    // MARK: Size limits (the parser's stack and SQLite's: one statement per indicator)

    public static func expressionTooDeep(limit: Int) -> DiagnosticMessage {
        DiagnosticMessage(.expressionTooDeep,
                          "the expression nests more than \(limit) levels deep (parentheses, calls, minus signs)",
                          hint: "remove redundant parentheses or minus signs, or simplify the expression")
    }

    public static func expressionTooLong(limit: Int) -> DiagnosticMessage {
        DiagnosticMessage(.expressionTooLong, "the expression has more than \(limit) terms",
                          hint: "sum a series over its dimension instead of listing its parts, "
                              + "or split the calculation over fewer terms")
    }

    /// `id`'s value with every indicator it uses written out, as it is evaluated.
    public static func expandedExpressionTooLong(_ id: String, terms: Int, limit: Int) -> DiagnosticMessage {
        DiagnosticMessage(.expandedExpressionTooLong,
                          "indicator '\(id)' has \(terms) terms once the indicators it uses are written out "
                              + "(at most \(limit) can be evaluated)",
                          hint: "refer to fewer indicators, or to smaller ones")
    }

    public static func expandedExpressionTooDeep(_ id: String, levels: Int, limit: Int) -> DiagnosticMessage {
        DiagnosticMessage(.expandedExpressionTooDeep,
                          "indicator '\(id)' nests \(levels) levels deep once the indicators it uses are written "
                              + "out (at most \(limit) can be evaluated)",
                          hint: "write the calculation with fewer nested references, calls and parentheses")
    }
}
