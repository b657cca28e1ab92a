import ImpactCore

/// Semantic checks over all definitions at once: names resolve, units agree, aggregations are
/// allowed by the series metadata, indicators do not refer to themselves in a cycle.
public struct Checker {
    private let definitions: DefinitionSet
    private var diagnostics: [Diagnostic] = []

    public static func check(_ definitions: DefinitionSet) -> [Diagnostic] {
        var checker = Checker(definitions: definitions)
        checker.checkDuplicates()
        definitions.series.forEach { checker.checkSeries($0) }
        definitions.programmes.forEach { checker.checkProgramme($0) }
        definitions.indicators.forEach { checker.checkIndicator($0) }
        checker.checkCycles()
        return checker.diagnostics
    }

    private init(definitions: DefinitionSet) { self.definitions = definitions }

    private mutating func report(_ range: SourceRange, _ message: String, hint: String? = nil) {
        diagnostics.append(range.diagnostic(message, hint: hint))
    }

    private mutating func checkDuplicates() {
        func duplicates(_ names: [Located<String>], _ kind: String) -> [Diagnostic] {
            var first: [String: SourceRange] = [:]
            var found: [Diagnostic] = []
            for name in names {
                if let earlier = first[name.value] {
                    found.append(name.range.diagnostic("\(kind) '\(name.value)' is defined twice", hint: "the first definition is at \(earlier.file):\(earlier.start.line):\(earlier.start.column)"))
                } else {
                    first[name.value] = name.range
                }
            }
            return found
        }
        diagnostics += duplicates(definitions.series.map(\.key), "series")
        diagnostics += duplicates(definitions.indicators.map(\.id), "indicator")
        diagnostics += duplicates(definitions.programmes.map(\.id), "programme")
    }

    private mutating func checkSeries(_ series: SeriesDeclaration) {
        if !SeriesKey.isValid(series.key.value) {
            report(series.key.range, "series key '\(series.key.value)' must be dotted lowercase, such as vt.meldingen", hint: "the dot tells series apart from indicators in expressions")
        }
        if series.unit == nil { report(series.key.range, "series '\(series.key.value)' has no unit", hint: "add a line: unit count") }
        if series.title == nil { report(series.key.range, "series '\(series.key.value)' has no title", hint: "add a line: title \"…\"") }
        if let unit = series.unit?.value, [.percent, .score].contains(unit), series.time == .sum || series.geo == .sum {
            report(series.unit!.range, "a \(unit.rawValue) series cannot be summed over time or geography", hint: "declare 'time weighted' and 'geo weighted' (n-weighted means) or 'none'")
        }
    }

    private mutating func checkProgramme(_ programme: ProgrammeDeclaration) {
        if programme.title == nil { report(programme.id.range, "programme '\(programme.id.value)' has no title") }
        if programme.lines.isEmpty { report(programme.id.range, "programme '\(programme.id.value)' has no action lines", hint: "add: line eerder_in_beeld \"Eerder en beter in beeld\"") }
    }

    private mutating func checkIndicator(_ indicator: IndicatorDeclaration) {
        let id = indicator.id
        for (present, field, example) in [(indicator.title != nil, "title", "title \"…\""), (indicator.criterion != nil, "criterion", "criterion output"),
                                          (indicator.unit != nil, "unit", "unit ratio"), (indicator.polarity != nil, "better", "better higher")] where !present {
            report(id.range, "indicator '\(id.value)' has no \(field)", hint: "add a line: \(example)")
        }
        checkPlacement(indicator)
        guard let value = indicator.value else {
            if indicator.status == .available {
                report(id.range, "indicator '\(id.value)' has no value expression", hint: "add 'value …', or declare its planning status: status planned \"expected September 2019\"")
            }
            return
        }
        let inferred = unit(of: value)
        if let declared = indicator.unit, let inferred, case .unit(let actual) = inferred, actual != declared.value {
            report(value.range, "the value is a \(actual.rawValue) but the indicator's unit is \(declared.value.rawValue)", hint: unitHint(actual, declared.value))
        }
        for alert in indicator.alerts { checkAlert(alert, of: indicator) }
    }

    private func unitHint(_ actual: Unit, _ declared: Unit) -> String {
        switch (actual, declared) {
        case (.ratio, .percent): return "use pct(a, b) for a percentage"
        case (.ratio, let rate) where rate.rawValue.hasPrefix("rate_per_"): return "use 'a per \(rate.rawValue.dropFirst(9)) b' for a rate"
        default: return "declare 'unit \(actual.rawValue)' or change the expression"
        }
    }

    private mutating func checkPlacement(_ indicator: IndicatorDeclaration) {
        if let programmeName = indicator.programme {
            if let programme = definitions.programme(programmeName.value) {
                if let line = indicator.line, !programme.lines.contains(where: { $0.id.value == line.value }) {
                    report(line.range, "programme '\(programmeName.value)' has no action line '\(line.value)'",
                           hint: Suggestions.hint(for: line.value, among: programme.lines.map(\.id.value)) ?? "its lines are " + programme.lines.map(\.id.value).joined(separator: ", "))
                }
            } else {
                report(programmeName.range, "unknown programme '\(programmeName.value)'", hint: Suggestions.hint(for: programmeName.value, among: definitions.programmes.map(\.id.value)))
            }
        } else if let line = indicator.line {
            report(line.range, "an action line needs a programme", hint: "add: programme ID")
        }
        if let outcome = indicator.outcome {
            if let parent = definitions.indicator(outcome.value) {
                if parent.criterion != .outcome { report(outcome.range, "'\(outcome.value)' is not an outcome criterion", hint: "an output indicator serves an indicator with 'criterion outcome'") }
            } else {
                report(outcome.range, "unknown outcome criterion '\(outcome.value)'", hint: Suggestions.hint(for: outcome.value, among: definitions.indicators.map(\.id.value)))
            }
        }
    }

    static let placeholders = ["region", "region_name", "period", "value", "indicator", "title", "severity"]

    private mutating func checkAlert(_ alert: AlertRule, of indicator: IndicatorDeclaration) {
        guard let condition = alert.condition else {
            report(alert.name.range, "alert '\(alert.name.value)' has no condition", hint: "add: when value > 80")
            return
        }
        if condition == .targetMissed && indicator.targets.isEmpty {
            report(alert.name.range, "alert '\(alert.name.value)' fires on a missed target, but the indicator has no target")
        }
        if case .outsideExpectedRange(let deviations, let periods) = condition, deviations <= 0 || periods < 2 {
            report(alert.name.range, "an expected range needs a positive number of standard deviations and at least 2 periods of history")
        }
        if let summary = alert.summary {
            for placeholder in Self.placeholderNames(in: summary) where !Self.placeholders.contains(placeholder) {
                report(alert.name.range, "unknown placeholder {\(placeholder)} in the summary of alert '\(alert.name.value)'",
                       hint: Suggestions.hint(for: placeholder, among: Self.placeholders) ?? "placeholders are " + Self.placeholders.map { "{\($0)}" }.joined(separator: " "))
            }
        }
    }

    static func placeholderNames(in text: String) -> [String] {
        var names: [String] = []
        var current: String?
        for character in text {
            if character == "{" { current = "" } else if character == "}", let name = current { names.append(name); current = nil } else { current?.append(character) }
        }
        return names
    }

    // MARK: Units and references

    /// The unit of an expression, or `.scalar` for plain numbers; nil after an error.
    enum Inferred: Hashable { case scalar, unit(Unit) }

    private mutating func unit(of expression: Expression) -> Inferred? {
        switch expression.kind {
        case .number: return .scalar
        case .series(let reference): return seriesUnit(reference, aggregate: nil)
        case .aggregate(let function, let reference):
            guard let inferred = seriesUnit(reference, aggregate: function) else { return nil }
            return function == .count ? .unit(.count) : inferred
        case .indicator(let name):
            guard let other = definitions.indicator(name) else {
                report(expression.range, "unknown indicator or series '\(name)'",
                       hint: Suggestions.hint(for: name, among: definitions.indicators.map(\.id.value) + definitions.series.map(\.key.value)) ?? "series keys contain a dot, such as vt.meldingen")
                return nil
            }
            if other.value == nil { report(expression.range, "indicator '\(name)' has no value to refer to (status \(other.status.rawValue))") }
            return other.unit.map { .unit($0.value) }
        case .negate(let operand): return unit(of: operand)
        case .shift(_, let operand): return unit(of: operand)
        case .coalesce(let operands):
            let units = operands.map { unit(of: $0) }
            guard !units.contains(nil) else { return nil }
            let concrete = Set(units.compactMap { $0 }.filter { $0 != .scalar })
            if concrete.count > 1 { report(expression.range, "coalesce() mixes units", hint: "every argument needs the same unit"); return nil }
            return concrete.first ?? .scalar
        case .percent(let numerator, let denominator):
            return ratio(numerator, denominator, at: expression.range).map { _ in .unit(.percent) }
        case .per(let numerator, let factor, let denominator):
            guard let rate = Unit.rate(per: factor) else {
                report(expression.range, "'per \(NumberText.readable(factor))' is not a supported rate", hint: "use per 100, 1000, 10000 or 100000")
                return nil
            }
            return ratio(numerator, denominator, at: expression.range).map { _ in .unit(rate) }
        case .binary(let op, let left, let right):
            return binaryUnit(op, left, right, at: expression.range)
        }
    }

    private mutating func ratio(_ numerator: Expression, _ denominator: Expression, at range: SourceRange) -> Inferred? {
        binaryUnit(.divide, numerator, denominator, at: range)
    }

    private mutating func binaryUnit(_ op: BinaryOperator, _ left: Expression, _ right: Expression, at range: SourceRange) -> Inferred? {
        guard let a = unit(of: left), let b = unit(of: right) else { return nil }
        switch (op, a, b) {
        case (_, .scalar, .scalar): return .scalar
        case (.add, .unit(let x), .unit(let y)), (.subtract, .unit(let x), .unit(let y)):
            if x == y { return a }
            report(range, "cannot \(op == .add ? "add" : "subtract") a \(y.rawValue) \(op == .add ? "to" : "from") a \(x.rawValue)", hint: "both sides of + and - need the same unit")
            return nil
        case (.add, _, _), (.subtract, _, _): return a == .scalar ? b : a
        case (.multiply, .scalar, _): return b
        case (.multiply, _, .scalar): return a
        case (.multiply, .unit(.ratio), .unit(let y)): return .unit(y)
        case (.multiply, .unit(let x), .unit(.ratio)): return .unit(x)
        case (.divide, _, .scalar): return a
        case (.divide, .unit(let x), .unit(let y)):
            if x == y || (x.isCountable && y.isCountable) { return .unit(.ratio) }
            if [.euro, .days, .score].contains(x) && y.isCountable { return .unit(x) }
            report(range, "cannot divide a \(x.rawValue) by a \(y.rawValue)", hint: "a ratio divides like by like, such as count / count")
            return nil
        default:
            report(range, "cannot \(op == .multiply ? "multiply" : "divide") these units (\(describe(a)) \(op.rawValue) \(describe(b)))")
            return nil
        }
    }

    private func describe(_ inferred: Inferred) -> String {
        if case .unit(let unit) = inferred { return unit.rawValue }
        return "number"
    }

    private mutating func seriesUnit(_ reference: SeriesReference, aggregate: AggregateFunction?) -> Inferred? {
        guard let series = definitions.series(reference.key.value) else {
            report(reference.key.range, "unknown series '\(reference.key.value)'",
                   hint: Suggestions.hint(for: reference.key.value, among: definitions.series.map(\.key.value)) ?? "declare it in a 'series' block")
            return nil
        }
        checkFilters(reference, of: series)
        if let aggregate, aggregate == .sum {
            if series.time == .none || series.geo == .none {
                report(reference.key.range, "sum() over '\(series.key.value)' is not allowed: it counts distinct \(series.unit?.value == .persons ? "persons" : "items") and is not additive",
                       hint: "summing over municipalities or months would double-count; use '\(series.key.value)' without sum() to read the figure delivered for the area and period")
            } else if let unit = series.unit?.value, [.percent, .score].contains(unit) {
                report(reference.key.range, "sum() of a \(unit.rawValue) series is meaningless", hint: "use avg(), median(), or the series itself (n-weighted)")
            }
        }
        return series.unit.map { .unit($0.value) }
    }

    private mutating func checkFilters(_ reference: SeriesReference, of series: SeriesDeclaration) {
        var seen = Set<String>()
        for filter in reference.filters {
            if !seen.insert(filter.dimension.value).inserted {
                report(filter.dimension.range, "dimension '\(filter.dimension.value)' is filtered twice")
            }
            guard let dimension = series.dimension(filter.dimension.value) else {
                report(filter.dimension.range, "series '\(series.key.value)' has no dimension '\(filter.dimension.value)'",
                       hint: Suggestions.hint(for: filter.dimension.value, among: series.dimensions.map(\.name.value))
                           ?? (series.dimensions.isEmpty ? "it has no dimensions" : "its dimensions are " + series.dimensions.map(\.name.value).joined(separator: ", ")))
                continue
            }
            guard !dimension.isOpen else { continue }
            for value in filter.values where dimension.values[value.value] == nil {
                let known = Array(dimension.values.keys)
                let alias = dimension.values.first { $0.value.contains(value.value) }?.key
                report(value.range, "'\(value.value)' is not a value of dimension '\(dimension.name.value)'",
                       hint: alias.map { "'\(value.value)' is a raw value of '\($0)'; filter on '\($0)'" } ?? Suggestions.hint(for: value.value, among: known))
            }
        }
    }

    // MARK: Cycles

    private mutating func checkCycles() {
        var state: [String: Int] = [:]
        var reported = Set<String>()
        func visit(_ id: String, path: [String]) {
            if state[id] == 2 { return }
            if state[id] == 1 {
                let cycle = Array(path.drop { $0 != id }) + [id]
                if reported.insert(Set(cycle).sorted().joined(separator: ",")).inserted, let indicator = definitions.indicator(id) {
                    report(indicator.id.range, "indicators refer to each other in a cycle: " + cycle.joined(separator: " → "), hint: "one of them must be computed from series only")
                }
                return
            }
            state[id] = 1
            if let expression = definitions.indicator(id)?.value {
                for reference in Self.indicatorReferences(expression) where definitions.indicator(reference) != nil {
                    visit(reference, path: path + [id])
                }
            }
            state[id] = 2
        }
        for indicator in definitions.indicators { visit(indicator.id.value, path: []) }
    }

    static func indicatorReferences(_ expression: Expression) -> [String] {
        switch expression.kind {
        case .indicator(let name): return [name]
        case .number, .series, .aggregate: return []
        case .negate(let operand), .shift(_, let operand): return indicatorReferences(operand)
        case .binary(_, let left, let right), .percent(let left, let right), .per(let left, _, let right):
            return indicatorReferences(left) + indicatorReferences(right)
        case .coalesce(let operands): return operands.flatMap(indicatorReferences)
        }
    }
}
