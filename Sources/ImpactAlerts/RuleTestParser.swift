import ImpactCore
import ImpactLanguage

/// Parses rule test files with the definition language's lexer and token reader, so strings,
/// numbers, periods and braces read exactly as in definitions.
struct RuleTestParser {
    private var reader: TokenReader
    var diagnostics: [Diagnostic] { reader.diagnostics }

    init(file: SourceFile) { reader = TokenReader(file: file) }

    static let fields = ["definitions", "geography", "input", "step"]

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
                _ = try reader.expect("{", "to open the test")
                reader.skipNewlines()
                while !reader.isSymbol("}") {
                    guard reader.current.kind != .end else { throw reader.fail(.unclosedBlock("test")) }
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
        let field = try reader.name("a field (definitions, geography, input, step)")
        switch field.value {
        case "definitions": testCase.definitions += reader.strings()
        case "geography": testCase.geography += reader.strings()
        case "input": testCase.inputs += reader.strings()
        case "step": testCase.steps.append(try parseStep())
        default: throw reader.fail(.unknownTestField(field.value, known: Self.fields), at: field.range)
        }
    }

    private mutating func period() throws -> Period {
        let text: String
        switch reader.current.kind {
        case .periodLiteral(let literal): text = literal
        case .number(let number): text = NumberText.exact(number)
        default: throw reader.fail(.expectedStepPeriod(found: reader.current.description))
        }
        do {
            let period = try Period.parse(text).period
            _ = reader.advance()
            return period
        } catch {
            throw reader.fail(.invalidPeriod(error))
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
            guard reader.current.kind != .end else { throw reader.fail(.unclosedBlock("step")) }
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
                step.alerts.append(.init(indicator: indicator, rule: rule, geo: geo, state: state))
            default:
                throw reader.fail(.unknownExpectation(expectation.value), at: expectation.range)
            }
            reader.skipNewlines()
        }
        _ = reader.advance()
        return step
    }
}
