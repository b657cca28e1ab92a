import ImpactCore
import ImpactLanguage

/// Parses rule test files with the definition language's lexer and token reader, so strings,
/// numbers, periods and braces read exactly as in definitions.
struct RuleTestParser {
    private var reader: TokenReader
    var diagnostics: [Diagnostic] { reader.diagnostics }
    /// Every file a test names, with its field and where it is written, to report a missing one there.
    private(set) var files: [(field: String, path: String, range: SourceRange)] = []

    init(file: SourceFile) { reader = TokenReader(file: file) }

    static let fields = ["definitions", "geography", "input", "events", "step"]

    /// A name or a string: ids and area codes may be written either way.
    private mutating func word(_ what: String) throws -> String {
        if case .string(let text) = reader.current.kind {
            _ = reader.advance()
            return text
        }
        return try reader.name(what).value
    }

    mutating func parseFile() -> [RuleTestFile.Case] {
        var cases: [RuleTestFile.Case] = []
        reader.skipNewlines()
        while reader.current.kind != .end {
            do {
                guard reader.isName("test") else { throw reader.fail(.expectedTest(found: reader.current.description)) }
                let line = reader.advance().range.start.line
                var testCase = RuleTestFile.Case(name: try word("a test name"), line: line)
                let opening = try reader.expect("{", "to open the test")
                reader.skipNewlines()
                while !reader.isSymbol("}") {
                    guard reader.current.kind != .end && !reader.isName("test") else {
                        throw reader.fail(.unclosedBlock("test", name: testCase.name), at: opening)
                    }
                    try parseField(into: &testCase)
                    reader.skipNewlines()
                }
                _ = reader.advance()
                cases.append(testCase)
            } catch {
                while reader.current.kind != .end && !reader.isName("test") { _ = reader.advance() }
            }
            reader.skipNewlines()
        }
        return cases
    }

    private mutating func parseField(into testCase: inout RuleTestFile.Case) throws {
        let field = try reader.name("a field (definitions, geography, input, events, step)")
        switch field.value {
        case "definitions": testCase.definitions += paths(of: field.value)
        case "geography": testCase.geography += paths(of: field.value)
        case "input": testCase.inputs += paths(of: field.value)
        case "events": testCase.events.append(try eventInput())
        case "step": testCase.steps.append(try parseStep())
        default: throw reader.fail(.unknownTestField(field.value, known: Self.fields), at: field.range)
        }
    }

    /// `events SOURCE "file"…`: an event source and at least one file.
    private mutating func eventInput() throws -> RuleTestFile.EventInput {
        let range = reader.current.range
        let source = try word("an event source name")
        let files = paths(of: "events")
        guard !files.isEmpty else { throw reader.fail(.eventsWithoutFiles(source: source), at: range) }
        return RuleTestFile.EventInput(source: source, paths: files)
    }

    /// The quoted paths after a field, remembered with their place.
    private mutating func paths(of field: String) -> [String] {
        var paths: [String] = []
        while case .string(let path) = reader.current.kind {
            files.append((field, path, reader.advance().range))
            paths.append(path)
        }
        return paths
    }

    private mutating func period() throws -> Period {
        guard let (text, range) = reader.periodText() else {
            throw reader.fail(.expectedStepPeriod(found: reader.current.description))
        }
        do {
            return try Period.parse(text).period
        } catch {
            throw reader.fail(.invalidPeriod(error), at: range)
        }
    }

    /// A number, or nil for `missing`.
    private mutating func number() throws -> Double? {
        if reader.isName("missing") {
            _ = reader.advance()
            return nil
        }
        return try reader.number("a number or 'missing'")
    }

    private mutating func parseStep() throws -> RuleTestFile.Step {
        let line = reader.current.range.start.line
        var step = RuleTestFile.Step(period: try period(), line: line)
        _ = try reader.expect("{", "to open the step")
        reader.skipNewlines()
        while !reader.isSymbol("}") {
            guard reader.current.kind != .end && !reader.isName("test") else { return step }
            let expectation = try reader.name("'value' or 'alert'")
            switch expectation.value {
            case "value":
                let indicator = try word("an indicator id"), geo = try word("an area code")
                let value = try number()
                var tolerance = 0.005
                if reader.isName("within") {
                    _ = reader.advance()
                    tolerance = try number() ?? tolerance
                }
                step.values.append(.init(indicator: indicator, geo: geo, value: value, tolerance: tolerance,
                                         line: expectation.range.start.line))
            case "alert":
                let indicator = try word("an indicator id"), rule = try word("a rule name")
                let geo = try word("an area code")
                let stateRange = reader.current.range
                let stateText = try word("a state")
                guard let state = AlertState(rawValue: stateText) else {
                    let states = AlertState.allCases.map(\.rawValue)
                    throw reader.fail(.unknownAlertState(stateText, known: states), at: stateRange)
                }
                step.alerts.append(.init(indicator: indicator, rule: rule, geo: geo, state: state,
                                         line: expectation.range.start.line))
            default:
                throw reader.fail(.unknownExpectation(expectation.value), at: expectation.range)
            }
            reader.skipNewlines()
        }
        _ = reader.advance()
        return step
    }
}
