import ImpactCore

/// A recursive-descent parser for definition files. It recovers at the end of each line, so one
/// run reports every syntax error in a file.
public struct Parser {
    private var reader: TokenReader
    public internal(set) var definitions = DefinitionSet()
    /// Blocks open around the current token; a block left open is reported by the outermost only.
    private var openBlocks = 0
    /// Parentheses, calls and minus signs open around the current token, and the operators of the
    /// value read so far: bounded (`ExpressionLimits`) so no input can exhaust the parser's stack.
    private var nesting = 0
    private var operators = 0

    public static func parse(_ file: SourceFile) -> (definitions: DefinitionSet, diagnostics: [Diagnostic]) {
        var parser = Parser(reader: TokenReader(file: file))
        parser.parseFile()
        return (parser.definitions, parser.reader.diagnostics)
    }

    private init(reader: TokenReader) { self.reader = reader }

    // MARK: Token helpers (the shared reader's, under short names for the grammar below)

    var current: Token { reader.current }
    var previousRange: SourceRange { reader.previousRange }
    mutating func advance() -> Token { reader.advance() }
    func isSymbol(_ symbol: String) -> Bool { reader.isSymbol(symbol) }
    func isName(_ name: String) -> Bool { reader.isName(name) }
    mutating func skipNewlines() { reader.skipNewlines() }

    mutating func fail(_ message: DiagnosticMessage, at range: SourceRange? = nil) -> TokenReader.SyntaxError {
        reader.fail(message, at: range)
    }

    mutating func expect(_ symbol: String, _ context: String) throws -> SourceRange {
        try reader.expect(symbol, context)
    }

    mutating func name(_ what: String) throws -> Located<String> { try reader.name(what) }
    mutating func string(_ what: String) throws -> String { try reader.string(what) }
    mutating func number(_ what: String) throws -> Double { try reader.number(what) }

    mutating func choice<T: RawRepresentable & CaseIterable>(
        _ type: T.Type, _ what: String
    ) throws -> Located<T> where T.RawValue == String {
        let word = try name(what)
        guard let value = T(rawValue: word.value) else {
            throw fail(.unknownChoice(what, word.value, options: T.allCases.map(\.rawValue)), at: word.range)
        }
        return Located(value: value, range: word.range)
    }

    /// Ends a field: the rest of the line must be empty.
    mutating func endOfField() throws {
        guard current.kind == .newline || isSymbol("}") || current.kind == .end else {
            throw fail(.fieldNotEnded(found: current.description))
        }
    }

    /// After an error, skip to the next line so the following fields are still checked.
    private mutating func recover() {
        while current.kind != .newline && current.kind != .end && !isSymbol("}") { _ = advance() }
    }

    // MARK: File and blocks

    static let declarations = ["series", "indicator", "programme", "source", "cases"]

    private mutating func parseFile() {
        skipNewlines()
        while current.kind != .end {
            do {
                let keyword = try name("'series', 'indicator' or 'programme'")
                switch keyword.value {
                case "series": try parseSeries()
                case "indicator": try parseIndicator()
                case "programme", "program": try parseProgramme()
                case "source": try parseSource()
                case "cases": try parseCases()
                default:
                    throw fail(.unknownDeclaration(keyword.value, known: Self.declarations), at: keyword.range)
                }
            } catch {
                skipBlock()
            }
            skipNewlines()
        }
    }

    /// Skips to after the closing brace of the current block (or the next line when there is none).
    private mutating func skipBlock() {
        var depth = 0
        while current.kind != .end {
            if isSymbol("{") { depth += 1 }
            if isSymbol("}") {
                depth -= 1
                if depth <= 0 { _ = advance(); return }
            }
            if depth == 0 && current.kind == .newline { return }
            _ = advance()
        }
    }

    /// `series ID {`, `indicator ID {` …: a declaration starts here, so an open block was not closed.
    private var atDeclaration: Bool {
        guard case .name(let word) = current.kind, Self.declarations.contains(word) || word == "program",
              case .name = reader.peek(1).kind else { return false }
        return reader.peek(2).kind == .symbol("{")
    }

    /// Parses `{ field… }`, calling `field` for each field name; errors skip to the next line. A block
    /// that runs into the end of the file or the next declaration is reported at its `{`, named, and
    /// the declaration keeps the fields read so far.
    mutating func block(_ kind: String, name blockName: String,
                                _ field: (inout Parser, Located<String>) throws -> Void) throws {
        let opening = try expect("{", "to open the \(kind)")
        openBlocks += 1
        defer { openBlocks -= 1 }
        skipNewlines()
        while !isSymbol("}") {
            guard current.kind != .end && !atDeclaration else {
                if openBlocks == 1 { _ = fail(.unclosedBlock(kind, name: blockName), at: opening) }
                return
            }
            do {
                let fieldName = try name("a field name")
                try field(&self, fieldName)
                if !atDeclaration { try endOfField() }
            } catch {
                recover()
            }
            skipNewlines()
        }
        _ = advance()
    }

    mutating func unknownField(_ field: Located<String>, in kind: String,
                                       known: [String]) -> TokenReader.SyntaxError {
        fail(.unknownField(field.value, in: kind, known: known), at: field.range)
    }

    // MARK: Series

    static let seriesFields = ["title", "unit", "time", "geo", "dimension", "min_cell", "break", "source",
                               "description"]

    private mutating func parseSeries() throws {
        let key = try name("a series key such as vt.meldingen")
        var series = SeriesDeclaration(key: key)
        try block("series", name: key.value) { parser, field in
            series.writtenFields.insert(field.value)
            switch field.value {
            case "title": series.title = try parser.string("a title")
            case "unit": series.unit = try parser.choice(Unit.self, "unit")
            case "time": series.time = try parser.choice(TimeAggregation.self, "time aggregation").value
            case "geo": series.geo = try parser.choice(GeoAggregation.self, "geographic aggregation").value
            case "dimension": series.dimensions.append(try parser.parseDimension())
            case "min_cell": series.minimumCell = Int(try parser.number("a minimum cell size"))
            case "break": series.breaks.append(try parser.parseBreak())
            case "source": series.source = try parser.string("a source")
            case "description": series.description = try parser.string("a description")
            default: throw parser.unknownField(field, in: "a series", known: Self.seriesFields)
            }
        }
        definitions.series.append(series)
    }

    /// `dimension melder { "Politie"  "Onderwijs" = ["Basisonderwijs", "Anders onderwijs"] }`, or
    /// `dimension melder` (open).
    mutating func parseDimension() throws -> DimensionDeclaration {
        let dimensionName = try name("a dimension name")
        var values: [String: [String]] = [:]
        var ranges: [String: SourceRange] = [:]
        guard isSymbol("{") else { return DimensionDeclaration(name: dimensionName, values: [:], valueRanges: [:]) }
        _ = advance()
        skipNewlines()
        while !isSymbol("}") && current.kind != .end && !atDeclaration {
            let range = current.range
            let canonical = try string("a dimension value")
            var aliases = [canonical]
            if isSymbol("=") {
                _ = advance()
                _ = try expect("[", "before the list of raw values")
                repeat {
                    if isSymbol(",") { _ = advance() }
                    aliases.append(try string("a raw value"))
                } while isSymbol(",")
                _ = try expect("]", "after the list of raw values")
            }
            values[canonical] = aliases
            ranges[canonical] = range
            if isSymbol(",") { _ = advance() }
            skipNewlines()
        }
        if isSymbol("}") { _ = advance() }
        return DimensionDeclaration(name: dimensionName, values: values, valueRanges: ranges)
    }

    private mutating func parseBreak() throws -> SeriesBreak {
        let range = current.range
        guard case .periodLiteral(let text) = current.kind, let date = CivilDate(iso: text) else {
            throw fail(.expectedBreakDate(found: current.description))
        }
        _ = advance()
        return SeriesBreak(date: date, note: try string("a note on the break"), range: range)
    }

    // MARK: Indicator

    static let indicatorFields = ["title", "title_en", "description", "criterion", "programme", "line", "outcome",
                                  "unit", "better", "value", "source", "status", "owner", "min_n", "min_cell", "target",
                                  "alert", "cites"]

    private mutating func parseIndicator() throws {
        let id = try name("an indicator id")
        var indicator = IndicatorDeclaration(id: id)
        try block("indicator", name: id.value) { parser, field in
            indicator.writtenFields.insert(field.value)
            switch field.value {
            case "title": indicator.title = try parser.string("a title")
            case "title_en": indicator.titleEnglish = try parser.string("an English title")
            case "description": indicator.description = try parser.string("a description")
            case "criterion": indicator.criterion = try parser.choice(Criterion.self, "criterion").value
            case "programme": indicator.programme = try parser.name("a programme id")
            case "line": indicator.line = try parser.name("an action line id")
            case "outcome": indicator.outcome = try parser.name("the id of an outcome criterion")
            case "unit": indicator.unit = try parser.choice(Unit.self, "unit")
            case "better": indicator.polarity = try parser.choice(Polarity.self, "polarity").value
            case "value": indicator.value = try parser.parseValue()
            case "source": indicator.source = try parser.string("a source")
            case "status":
                indicator.status = try parser.choice(PlanningStatus.self, "planning status").value
                if case .string = parser.current.kind { indicator.statusNote = try parser.string("a note") }
            case "owner": indicator.owner = try parser.string("an owner")
            case "min_n": indicator.minimumN = try parser.number("a minimum n")
            case "min_cell": indicator.minimumCell = Int(try parser.number("a minimum cell size"))
            case "target": indicator.targets.append(try parser.parseTarget())
            case "alert": indicator.alerts.append(try parser.parseAlert())
            case "cites": indicator.cites.append(try parser.string("a citation (file and section)"))
            default: throw parser.unknownField(field, in: "an indicator", known: Self.indicatorFields)
            }
        }
        definitions.indicators.append(indicator)
    }

    private mutating func comparison() throws -> Comparison {
        guard case .symbol(let symbol) = current.kind, let comparison = Comparison(rawValue: symbol) else {
            throw fail(.expectedComparison(found: current.description))
        }
        _ = advance()
        return comparison
    }

    /// `target 2021 >= 0.6` or `target by 2020-12-31 >= 100`.
    private mutating func parseTarget() throws -> Target {
        let range = current.range
        let when: Target.When
        if isName("by") {
            _ = advance()
            guard case .periodLiteral(let text) = current.kind, let date = CivilDate(iso: text) else {
                throw fail(.expectedDeadline(found: current.description))
            }
            _ = advance()
            when = .deadline(date)
        } else {
            guard let (text, periodRange) = reader.periodText() else {
                throw fail(.expectedTargetPeriod(found: current.description))
            }
            do { when = .period(try Period.parse(text).period) } catch {
                throw fail(.invalidPeriod(error), at: periodRange)
            }
        }
        let comparison = try comparison()
        let value = try number("a target value")
        return Target(when: when, comparison: comparison, value: value, range: range.through(previousRange))
    }

    static let alertFields = ["when", "for", "keep_firing", "severity", "min_n", "levels", "summary", "no_data"]

    private mutating func parseAlert() throws -> AlertRule {
        var rule = AlertRule(name: try name("an alert name"))
        try block("alert", name: rule.name.value) { parser, field in
            switch field.value {
            case "when": rule.condition = try parser.parseCondition()
            case "for": rule.forPeriods = try parser.periodCount()
            case "keep_firing": rule.keepFiringPeriods = try parser.periodCount()
            case "severity": rule.severity = try parser.choice(AlertRule.Severity.self, "severity").value
            case "min_n": rule.minimumN = try parser.number("a minimum n")
            case "levels":
                repeat {
                    if parser.isSymbol(",") { _ = parser.advance() }
                    rule.levels.append(try parser.choice(GeoLevel.self, "geography level").value)
                } while parser.isSymbol(",")
            case "summary": rule.summary = try parser.string("a summary text")
            case "no_data": rule.noData = try parser.choice(AlertRule.NoDataPolicy.self, "no-data policy").value
            default: throw parser.unknownField(field, in: "an alert", known: Self.alertFields)
            }
        }
        return rule
    }

    private mutating func periodCount() throws -> Int {
        let count = try number("a number of periods")
        guard count >= 0, count == count.rounded() else { throw fail(.invalidPeriodCount, at: previousRange) }
        if isName("periods") || isName("period") { _ = advance() }
        return Int(count)
    }

    /// `value > 80` · `change < -10% vs previous` · `target missed` · `outside 2 sd of 5 periods`.
    private mutating func parseCondition() throws -> AlertRule.Condition {
        let subject = try name("'value', 'change', 'target' or 'outside'")
        switch subject.value {
        case "value":
            let comparison = try comparison()
            return .threshold(comparison, try number("a threshold"))
        case "change":
            let comparison = try comparison()
            let amount = try number("an amount of change")
            let relative = isSymbol("%")
            if relative { _ = advance() }
            var reference = AlertRule.ChangeReference.previous
            if isName("vs") {
                _ = advance()
                reference = try choice(AlertRule.ChangeReference.self, "reference period").value
            }
            return .change(comparison, amount, relative: relative, against: reference)
        case "target":
            guard isName("missed") else { throw fail(.expectedKeyword("missed", "after 'target'")) }
            _ = advance()
            return .targetMissed
        case "outside":
            let deviations = try number("a number of standard deviations")
            guard isName("sd") else { throw fail(.expectedKeyword("sd", "in 'outside K sd of N periods'")) }
            _ = advance()
            guard isName("of") else { throw fail(.expectedKeyword("of", "in 'outside K sd of N periods'")) }
            _ = advance()
            return .outsideExpectedRange(deviations: deviations, periods: try periodCount())
        default:
            throw fail(.unknownAlertCondition(subject.value), at: subject.range)
        }
    }

    // MARK: Programme

    private mutating func parseProgramme() throws {
        var programme = ProgrammeDeclaration(id: try name("a programme id"))
        try block("programme", name: programme.id.value) { parser, field in
            switch field.value {
            case "title": programme.title = try parser.string("a title")
            case "region":
                let region = try parser.string("a region code")
                if !programme.regions.contains(region) { programme.regions.append(region) }
            case "line":
                let id = try parser.name("an action line id")
                programme.lines.append(ActionLine(id: id, title: try parser.string("the action line's title")))
            case "cites": programme.cites.append(try parser.string("a citation"))
            default: throw parser.unknownField(field, in: "a programme", known: ["title", "region", "line", "cites"])
            }
        }
        definitions.programmes.append(programme)
    }

    // MARK: Sources and their import gates

    private mutating func parseSource() throws {
        var source = SourceDeclaration(id: try name("a source id (csv, statline, …)"))
        try block("source", name: source.id.value) { parser, field in
            guard field.value == "expect" else { throw parser.unknownField(field, in: "a source", known: ["expect"]) }
            source.gates.append(try parser.parseGate(at: field.range))
        }
        definitions.sources.append(source)
    }

    static let gates = ["regions", "periods", "no_negative", "parts_sum", "fresh"]

    /// `expect regions "VTWB" "VTZL" fail` · `expect periods 2017 2018` · `expect no_negative`
    /// · `expect parts_sum within 0` (or `within 1%`) · `expect fresh within 24 months` — then an optional
    /// `warn`/`fail`.
    private mutating func parseGate(at start: SourceRange) throws -> ImportGate {
        let kindName = try name("a gate: regions, periods, no_negative, parts_sum or fresh")
        let kind: ImportGate.Kind
        switch kindName.value {
        case "regions":
            let codes = reader.strings()
            guard !codes.isEmpty else { throw fail(.expectedAreaCodes) }
            kind = .regions(codes)
        case "periods":
            var periods: [Period] = []
            while let (text, range) = reader.periodText() {
                do { periods.append(try Period.parse(text).period) } catch {
                    throw fail(.invalidPeriod(error), at: range)
                }
            }
            guard !periods.isEmpty else { throw fail(.expectedPeriods) }
            kind = .periods(periods)
        case "no_negative": kind = .noNegative
        case "parts_sum":
            var tolerance = 0.0, relative = false
            if isName("within") {
                _ = advance()
                tolerance = try number("a tolerance")
                if isSymbol("%") { _ = advance(); relative = true }
            }
            kind = .partsSum(tolerance: tolerance, relative: relative)
        case "fresh":
            guard isName("within") else {
                throw fail(.expectedKeyword("within", "after 'fresh'", example: "expect fresh within 24 months"))
            }
            _ = advance()
            let amount = Int(try number("a number of months or years"))
            let unit = try name("'months' or 'years'")
            guard ["months", "years", "month", "year"].contains(unit.value) else {
                throw fail(.expectedDurationUnit(found: "'\(unit.value)'"), at: unit.range)
            }
            kind = .freshness(months: unit.value.hasPrefix("year") ? amount * 12 : amount)
        default:
            throw fail(.unknownGate(kindName.value, known: Self.gates), at: kindName.range)
        }
        var level = ImportGate.Level.fail
        if case .name(let word) = current.kind, let parsed = ImportGate.Level(rawValue: word) {
            level = parsed
            _ = advance()
        }
        return ImportGate(kind: kind, level: level, range: start.through(previousRange))
    }

    // MARK: Expressions

    /// An indicator's value: one expression within `ExpressionLimits`.
    mutating func parseValue() throws -> Expression {
        nesting = 0
        operators = 0
        return try parseExpression()
    }

    /// Parses what `parse` reads one level deeper, refusing to go deeper than the limit.
    private mutating func nested(_ parse: (inout Parser) throws -> Expression) throws -> Expression {
        guard nesting < ExpressionLimits.nesting else {
            throw fail(.expressionTooDeep(limit: ExpressionLimits.nesting))
        }
        nesting += 1
        defer { nesting -= 1 }
        return try parse(&self)
    }

    /// Moves past a binary operator, counting it against the limit on terms.
    private mutating func operatorToken() throws {
        operators += 1
        guard operators < ExpressionLimits.terms else { throw fail(.expressionTooLong(limit: ExpressionLimits.terms)) }
        _ = advance()
    }

    mutating func parseExpression() throws -> Expression {
        var left = try parseTerm()
        while case .symbol(let symbol) = current.kind, symbol == "+" || symbol == "-" {
            try operatorToken()
            let right = try parseTerm()
            left = Expression(kind: .binary(symbol == "+" ? .add : .subtract, left, right),
                              range: left.range.through(right.range))
        }
        return left
    }

    private mutating func parseTerm() throws -> Expression {
        var left = try parseUnary()
        while true {
            if case .symbol(let symbol) = current.kind, symbol == "*" || symbol == "/" {
                try operatorToken()
                let right = try parseUnary()
                left = Expression(kind: .binary(symbol == "*" ? .multiply : .divide, left, right),
                                  range: left.range.through(right.range))
            } else if isName("per") {
                try operatorToken()
                let factor = try number("a factor after 'per' (100, 1000, …)")
                let right = try parseUnary()
                left = Expression(kind: .per(left, factor, right), range: left.range.through(right.range))
            } else {
                return left
            }
        }
    }

    private mutating func parseUnary() throws -> Expression {
        if isSymbol("-") {
            let range = advance().range
            let operand = try nested { try $0.parseUnary() }
            return Expression(kind: .negate(operand), range: range.through(operand.range))
        }
        return try parsePrimary()
    }

    static let functions = ["sum", "count", "min", "max", "avg", "last", "median", "pct", "coalesce", "previous",
                            "last_year", "lag"] + caseFunctions

    private mutating func parsePrimary() throws -> Expression {
        let start = current.range
        switch current.kind {
        case .number(let value):
            _ = advance()
            return Expression(kind: .number(value), range: start)
        case .symbol("("):
            _ = advance()
            let inner = try nested { try $0.parseExpression() }
            _ = try expect(")", "to close the parenthesis")
            return Expression(kind: inner.kind, range: start.through(previousRange))
        case .name(let text):
            _ = advance()
            if isSymbol("("), Self.caseFunctions.contains(text) {
                let measure = try parseCaseMeasure(Located(value: text, range: start))
                return Expression(kind: .caseMeasure(measure), range: start.through(previousRange))
            }
            if isSymbol("(") { return try parseCall(Located(value: text, range: start)) }
            if text.contains(".") {
                let reference = try parseSeriesReference(Located(value: text, range: start))
                return Expression(kind: .series(reference), range: start.through(previousRange))
            }
            return Expression(kind: .indicator(text), range: start)
        default:
            throw fail(.expectedOperand(found: current.description))
        }
    }

    mutating func parseSeriesReference(_ key: Located<String>) throws -> SeriesReference {
        var filters: [DimensionFilter] = []
        guard isSymbol("[") else { return SeriesReference(key: key, filters: []) }
        _ = advance()
        repeat {
            if isSymbol(",") { _ = advance() }
            let dimension = try name("a dimension name")
            let op: DimensionFilter.Operator
            var values: [Located<String>] = []
            if isSymbol("=") || isSymbol("==") || isSymbol("!=") {
                op = advance().kind == .symbol("!=") ? .notEqual : .equal
                let range = current.range
                values = [Located(value: try string("a dimension value"), range: range)]
            } else if isName("in") || isName("not") {
                op = advance().kind == .name("not") ? .notWithin : .within
                if op == .notWithin {
                    guard isName("in") else { throw fail(.expectedKeyword("in", "after 'not'")) }
                    _ = advance()
                }
                _ = try expect("(", "before the list of values")
                repeat {
                    if isSymbol(",") { _ = advance() }
                    let range = current.range
                    values.append(Located(value: try string("a dimension value"), range: range))
                } while isSymbol(",")
                _ = try expect(")", "after the list of values")
            } else {
                throw fail(.expectedFilterOperator(found: current.description))
            }
            filters.append(DimensionFilter(dimension: dimension, op: op, values: values))
        } while isSymbol(",")
        _ = try expect("]", "to close the filter")
        return SeriesReference(key: key, filters: filters)
    }

    private mutating func arguments() throws -> [Expression] {
        _ = try expect("(", "to start the arguments")
        var arguments: [Expression] = []
        if !isSymbol(")") {
            repeat {
                if isSymbol(",") { _ = advance() }
                arguments.append(try nested { try $0.parseExpression() })
            } while isSymbol(",")
        }
        _ = try expect(")", "to close the arguments")
        return arguments
    }

    private mutating func parseCall(_ function: Located<String>) throws -> Expression {
        let arguments = try arguments()
        let range = function.range.through(previousRange)
        func count(_ expected: Int) throws {
            guard arguments.count == expected else {
                throw fail(.wrongArgumentCount(function.value, expected: expected, actual: arguments.count), at: range)
            }
        }
        if let aggregate = AggregateFunction(rawValue: function.value) {
            try count(1)
            guard case .series(let reference) = arguments[0].kind else {
                throw fail(.aggregateNeedsSeries(function.value), at: arguments[0].range)
            }
            return Expression(kind: .aggregate(aggregate, reference), range: range)
        }
        switch function.value {
        case "pct":
            try count(2)
            return Expression(kind: .percent(arguments[0], arguments[1]), range: range)
        case "coalesce":
            guard arguments.count >= 2 else { throw fail(.coalesceNeedsTwoArguments, at: range) }
            return Expression(kind: .coalesce(arguments), range: range)
        case "previous":
            try count(1)
            return Expression(kind: .shift(PeriodShift(periods: 1, years: 0), arguments[0]), range: range)
        case "last_year":
            try count(1)
            return Expression(kind: .shift(PeriodShift(periods: 0, years: 1), arguments[0]), range: range)
        case "lag":
            try count(2)
            guard case .number(let steps) = arguments[1].kind, steps >= 1, steps == steps.rounded() else {
                throw fail(.invalidLagSteps, at: arguments[1].range)
            }
            return Expression(kind: .shift(PeriodShift(periods: Int(steps), years: 0), arguments[0]), range: range)
        default:
            throw fail(.unknownFunction(function.value, known: Self.functions), at: function.range)
        }
    }
}
