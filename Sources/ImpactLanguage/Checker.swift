import ImpactCore

/// Semantic checks over all definitions at once: names resolve, units agree, aggregations are
/// allowed by the series metadata, indicators do not refer to themselves in a cycle and are small
/// enough to evaluate. Its time grows linearly with the definitions: names are looked up in
/// dictionaries, and references are followed once per indicator, without recursion.
public struct Checker {
    let definitions: DefinitionSet
    /// The first declaration of each id, as `DefinitionSet.indicator` and `.series` find it.
    private let indicators: [String: IndicatorDeclaration]
    private let series: [String: SeriesDeclaration]
    private var diagnostics: [Diagnostic] = []

    public static func check(_ definitions: DefinitionSet) -> [Diagnostic] {
        var checker = Checker(definitions: definitions)
        checker.checkDuplicates()
        definitions.series.forEach { checker.checkSeries($0) }
        definitions.programmes.forEach { checker.checkProgramme($0) }
        definitions.cases.forEach { checker.checkCases($0) }
        definitions.indicators.forEach { checker.checkIndicator($0) }
        checker.checkReferences()
        return checker.diagnostics
    }

    private init(definitions: DefinitionSet) {
        self.definitions = definitions
        indicators = Dictionary(definitions.indicators.map { ($0.id.value, $0) }) { first, _ in first }
        series = Dictionary(definitions.series.map { ($0.key.value, $0) }) { first, _ in first }
    }

    mutating func report(_ range: SourceRange, _ message: DiagnosticMessage) {
        diagnostics.append(range.diagnostic(message))
    }

    private mutating func checkDuplicates() {
        func duplicates(_ names: [Located<String>], _ kind: String) -> [Diagnostic] {
            var first: [String: SourceRange] = [:]
            var found: [Diagnostic] = []
            for name in names {
                if let earlier = first[name.value] {
                    found.append(name.range.diagnostic(.duplicateDefinition(kind, name.value, first: earlier)))
                } else {
                    first[name.value] = name.range
                }
            }
            return found
        }
        diagnostics += duplicates(definitions.series.map(\.key), "series")
        diagnostics += duplicates(definitions.indicators.map(\.id), "indicator")
        diagnostics += duplicates(definitions.programmes.map(\.id), "programme")
        diagnostics += duplicates(definitions.cases.map(\.name), "cases")
    }

    private mutating func checkSeries(_ series: SeriesDeclaration) {
        if !SeriesKey.isValid(series.key.value) {
            report(series.key.range, .invalidSeriesKey(series.key.value))
        }
        if series.unit == nil && !series.writtenFields.contains("unit") {
            report(series.key.range, .seriesWithoutUnit(series.key.value))
        }
        if series.title == nil && !series.writtenFields.contains("title") {
            report(series.key.range, .seriesWithoutTitle(series.key.value))
        }
        if let unit = series.unit, [.percent, .score].contains(unit.value), series.time == .sum || series.geo == .sum {
            report(unit.range, .unsummableSeries(unit: unit.value.rawValue))
        }
    }

    private mutating func checkProgramme(_ programme: ProgrammeDeclaration) {
        if programme.title == nil { report(programme.id.range, .programmeWithoutTitle(programme.id.value)) }
        if programme.lines.isEmpty { report(programme.id.range, .programmeWithoutLines(programme.id.value)) }
    }

    private mutating func checkIndicator(_ indicator: IndicatorDeclaration) {
        let id = indicator.id
        let fields = [(indicator.title != nil, "title", "title \"…\""),
                      (indicator.criterion != nil, "criterion", "criterion output"),
                      (indicator.unit != nil, "unit", "unit ratio"),
                      (indicator.polarity != nil, "better", "better higher")]
        for (present, field, example) in fields where !present && !indicator.writtenFields.contains(field) {
            report(id.range, .indicatorMissingField(id.value, field: field, example: example))
        }
        checkPlacement(indicator)
        guard let value = indicator.value else {
            if indicator.status == .available && !indicator.writtenFields.contains("value") {
                report(id.range, .indicatorWithoutValue(id.value))
            }
            return
        }
        var inferred: Inferred?
        if case .caseMeasure(let measure) = value.kind {
            inferred = checkCaseMeasure(measure).map { .unit($0) }
        } else {
            inferred = unit(of: value)
        }
        if let declared = indicator.unit, let inferred, case .unit(let actual) = inferred, actual != declared.value {
            report(value.range, .unitMismatch(actual: actual.rawValue, declared: declared.value.rawValue))
        }
        for alert in indicator.alerts { checkAlert(alert, of: indicator) }
    }

    private mutating func checkPlacement(_ indicator: IndicatorDeclaration) {
        if let programmeName = indicator.programme {
            if let programme = definitions.programme(programmeName.value) {
                if let line = indicator.line, !programme.lines.contains(where: { $0.id.value == line.value }) {
                    report(line.range, .unknownActionLine(line.value, programme: programmeName.value,
                                                          known: programme.lines.map(\.id.value)))
                }
            } else {
                report(programmeName.range,
                       .unknownProgramme(programmeName.value, known: definitions.programmes.map(\.id.value)))
            }
        } else if let line = indicator.line {
            report(line.range, .actionLineWithoutProgramme)
        }
        if let outcome = indicator.outcome {
            if let parent = indicators[outcome.value] {
                if parent.criterion != .outcome { report(outcome.range, .notAnOutcome(outcome.value)) }
            } else {
                report(outcome.range, .unknownOutcome(outcome.value, known: definitions.indicators.map(\.id.value)))
            }
        }
    }

    static let placeholders = ["region", "region_name", "period", "value", "indicator", "title", "severity"]

    private mutating func checkAlert(_ alert: AlertRule, of indicator: IndicatorDeclaration) {
        guard let condition = alert.condition else {
            report(alert.name.range, .alertWithoutCondition(alert.name.value))
            return
        }
        if condition == .targetMissed && indicator.targets.isEmpty {
            report(alert.name.range, .targetAlertWithoutTarget(alert.name.value))
        }
        if case .outsideExpectedRange(let deviations, let periods) = condition, deviations <= 0 || periods < 2 {
            report(alert.name.range, .invalidExpectedRange)
        }
        if let summary = alert.summary {
            for placeholder in Self.placeholderNames(in: summary) where !Self.placeholders.contains(placeholder) {
                report(alert.name.range,
                       .unknownPlaceholder(placeholder, alert: alert.name.value, known: Self.placeholders))
            }
        }
    }

    static func placeholderNames(in text: String) -> [String] {
        var names: [String] = []
        var current: String?
        for character in text {
            if character == "{" {
                current = ""
            } else if character == "}", let name = current {
                names.append(name)
                current = nil
            } else {
                current?.append(character)
            }
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
            guard let other = indicators[name] else {
                let known = definitions.indicators.map(\.id.value) + definitions.series.map(\.key.value)
                report(expression.range, .unknownReference(name, known: known))
                return nil
            }
            if other.value == nil {
                report(expression.range, .referenceWithoutValue(name, status: other.status.rawValue))
            }
            return other.unit.map { .unit($0.value) }
        case .negate(let operand): return unit(of: operand)
        case .shift(_, let operand): return unit(of: operand)
        case .caseMeasure(let measure):
            report(expression.range, .caseMeasureNotWhole(measure.function))
            return nil
        case .coalesce(let operands):
            let units = operands.map { unit(of: $0) }
            guard !units.contains(nil) else { return nil }
            let concrete = Set(units.compactMap { $0 }.filter { $0 != .scalar })
            if concrete.count > 1 {
                report(expression.range, .coalesceMixesUnits)
                return nil
            }
            return concrete.first ?? .scalar
        case .percent(let numerator, let denominator):
            return ratio(numerator, denominator, at: expression.range).map { _ in .unit(.percent) }
        case .per(let numerator, let factor, let denominator):
            guard let rate = Unit.rate(per: factor) else {
                report(expression.range, .unsupportedRate(factor))
                return nil
            }
            return ratio(numerator, denominator, at: expression.range).map { _ in .unit(rate) }
        case .binary(let op, let left, let right):
            return binaryUnit(op, left, right, at: expression.range)
        }
    }

    private mutating func ratio(_ numerator: Expression, _ denominator: Expression,
                                at range: SourceRange) -> Inferred? {
        binaryUnit(.divide, numerator, denominator, at: range)
    }

    private mutating func binaryUnit(_ op: BinaryOperator, _ left: Expression, _ right: Expression,
                                     at range: SourceRange) -> Inferred? {
        guard let a = unit(of: left), let b = unit(of: right) else { return nil }
        switch (op, a, b) {
        case (_, .scalar, .scalar): return .scalar
        case (.add, .unit(let x), .unit(let y)), (.subtract, .unit(let x), .unit(let y)):
            if x == y { return a }
            report(range, .incompatibleTerms(adding: op == .add, x.rawValue, y.rawValue))
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
            report(range, .incompatibleDivision(x.rawValue, by: y.rawValue))
            return nil
        default:
            let verb = op == .multiply ? "multiply" : "divide"
            report(range, .incompatibleFactors(verb, describe(a), op.rawValue, describe(b)))
            return nil
        }
    }

    private func describe(_ inferred: Inferred) -> String {
        if case .unit(let unit) = inferred { return unit.rawValue }
        return "number"
    }

    private mutating func seriesUnit(_ reference: SeriesReference, aggregate: AggregateFunction?) -> Inferred? {
        guard let series = self.series[reference.key.value] else {
            report(reference.key.range, .unknownSeries(reference.key.value, known: definitions.series.map(\.key.value)))
            return nil
        }
        checkFilters(reference, of: series)
        if let aggregate, aggregate == .sum {
            if series.time == .none || series.geo == .none {
                report(reference.key.range, .nonAdditiveSum(series.key.value, persons: series.unit?.value == .persons))
            } else if let unit = series.unit?.value, [.percent, .score].contains(unit) {
                report(reference.key.range, .meaninglessSum(unit: unit.rawValue))
            }
        }
        return series.unit.map { .unit($0.value) }
    }

    private mutating func checkFilters(_ reference: SeriesReference, of series: SeriesDeclaration) {
        var seen = Set<String>()
        for filter in reference.filters {
            if !seen.insert(filter.dimension.value).inserted {
                report(filter.dimension.range, .dimensionFilteredTwice(filter.dimension.value))
            }
            guard let dimension = series.dimension(filter.dimension.value) else {
                report(filter.dimension.range, .unknownDimension(filter.dimension.value, series: series.key.value,
                                                                 known: series.dimensions.map(\.name.value)))
                continue
            }
            guard !dimension.isOpen else { continue }
            for value in filter.values where dimension.values[value.value] == nil {
                let canonical = dimension.values.first { $0.value.contains(value.value) }?.key
                report(value.range, .unknownDimensionValue(value.value, dimension: dimension.name.value,
                                                           canonical: canonical, known: Array(dimension.values.keys)))
            }
        }
    }

    // MARK: Cycles and sizes

    private enum Visit { case open, done }

    /// An indicator on the path being followed: its references and how many are followed already.
    private struct PathStep {
        let id: String
        let references: [String]
        var next = 0
    }

    /// Follows every indicator's references depth first with an explicit stack (a chain of
    /// thousands of indicators costs no call stack): reports each cycle once, and, leaving an
    /// indicator, its size with the indicators it uses written out.
    private mutating func checkReferences() {
        var visits: [String: Visit] = [:]
        var sizes = SizeCheck()
        var reportedCycles = Set<String>()
        for root in definitions.indicators where visits[root.id.value] == nil {
            var path = [enter(root.id.value, &visits)]
            while let step = path.last {
                guard step.next < step.references.count else {
                    path.removeLast()
                    visits[step.id] = .done
                    checkSize(step, &sizes)
                    continue
                }
                path[path.count - 1].next += 1
                let reference = step.references[step.next]
                switch visits[reference] {
                case nil: path.append(enter(reference, &visits))
                case .open: reportCycle(path.map(\.id), closingAt: reference, &reportedCycles)
                case .done: break
                }
            }
        }
    }

    private func enter(_ id: String, _ visits: inout [String: Visit]) -> PathStep {
        visits[id] = .open
        let references = indicators[id]?.value.map(Self.indicatorReferences) ?? []
        return PathStep(id: id, references: references.filter { indicators[$0] != nil })
    }

    private mutating func reportCycle(_ path: [String], closingAt id: String, _ reported: inout Set<String>) {
        let cycle = Array(path.drop { $0 != id }) + [id]
        if reported.insert(Set(cycle).sorted().joined(separator: ",")).inserted, let indicator = indicators[id] {
            report(indicator.id.range, .referenceCycle(cycle))
        }
    }

    /// Sizes of the indicators left so far; an indicator using one already too large is not
    /// reported again.
    private struct SizeCheck {
        var sizes: [String: ExpressionSize] = [:]
        var tooLarge = Set<String>()
    }

    private mutating func checkSize(_ step: PathStep, _ check: inout SizeCheck) {
        guard let indicator = indicators[step.id], let value = indicator.value else { return }
        let known = check.sizes
        let size = ExpressionSize.of(value) { known[$0] }
        check.sizes[step.id] = size
        guard size.terms > ExpressionLimits.terms || size.levels > ExpressionLimits.levels else { return }
        check.tooLarge.insert(step.id)
        guard !step.references.contains(where: check.tooLarge.contains) else { return }
        if size.terms > ExpressionLimits.terms {
            report(indicator.id.range, .expandedExpressionTooLong(step.id, terms: size.terms,
                                                                   limit: ExpressionLimits.terms))
        } else {
            report(indicator.id.range, .expandedExpressionTooDeep(step.id, levels: size.levels,
                                                                   limit: ExpressionLimits.levels))
        }
    }

    static func indicatorReferences(_ expression: Expression) -> [String] {
        switch expression.kind {
        case .indicator(let name): return [name]
        case .number, .series, .aggregate, .caseMeasure: return []
        case .negate(let operand), .shift(_, let operand): return indicatorReferences(operand)
        case .binary(_, let left, let right), .percent(let left, let right), .per(let left, _, let right):
            return indicatorReferences(left) + indicatorReferences(right)
        case .coalesce(let operands): return operands.flatMap(indicatorReferences)
        }
    }
}
