import Foundation
import ImpactCore
import ImpactLanguage

/// A rule test, in the spirit of `promtool test rules`:
///
///     test "politieaandeel boven 80 % gedurende 2 perioden" {
///       definitions "../series.ind" "../west-brabant.ind"
///       geography "../../fixtures/geography"
///       input "politie.csv"
///       step 2017 {
///         value wb_politie_aandeel VTWB 85.81
///         alert wb_politie_aandeel politie_dominant VTWB pending
///       }
///       step 2018 {
///       }
///     }
///
/// Paths are relative to the test file. A step without `alert` lines asserts that nothing is
/// pending or firing. Values match within 0.005 unless `within X` follows.
public struct RuleTestFile: Sendable {
    public struct ValueExpectation: Sendable {
        public let indicator: String
        public let geo: String
        public let value: Double?
        public let tolerance: Double
        public let line: Int
    }

    public struct AlertExpectation: Sendable, Hashable {
        public let indicator: String
        public let rule: String
        public let geo: String
        public let state: AlertState
    }

    public struct Step: Sendable {
        public let period: Period
        public var values: [ValueExpectation] = []
        public var alerts: [AlertExpectation] = []
        public let line: Int
    }

    public struct Case: Sendable {
        public let name: String
        public var definitions: [String] = []
        public var geography: [String] = []
        public var inputs: [String] = []
        public var steps: [Step] = []
        public let line: Int
    }

    public let path: String
    public let cases: [Case]

    public static func parse(path: String) -> (RuleTestFile?, [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            return (nil, [Diagnostic(file: path, line: 0, column: 0, message: "cannot read test file '\(path)'")])
        }
        var parser = RuleTestParser(file: SourceFile(path: path, text: text))
        let cases = parser.parseFile()
        let directory = (path as NSString).deletingLastPathComponent
        let resolved = cases.map { testCase -> Case in
            var copy = testCase
            func absolute(_ relative: String) -> String { relative.hasPrefix("/") ? relative : (directory as NSString).appendingPathComponent(relative) }
            copy.definitions = testCase.definitions.map(absolute)
            copy.geography = testCase.geography.map(absolute)
            copy.inputs = testCase.inputs.map(absolute)
            return copy
        }
        return (parser.diagnostics.isEmpty ? RuleTestFile(path: path, cases: resolved) : nil, parser.diagnostics)
    }
}

/// Parses rule test files with the definition language's lexer.
struct RuleTestParser {
    private let tokens: [Token]
    private var position = 0
    private(set) var diagnostics: [Diagnostic]

    init(file: SourceFile) {
        let (tokens, lexical) = Lexer.tokenize(file)
        self.tokens = tokens
        self.diagnostics = lexical
    }

    private struct Failure: Error {}
    private var current: Token { tokens[min(position, tokens.count - 1)] }
    private mutating func advance() -> Token { defer { if position < tokens.count - 1 { position += 1 } }; return current }
    private mutating func skipNewlines() { while current.kind == .newline { _ = advance() } }

    private mutating func fail(_ message: String, hint: String? = nil) -> Failure {
        diagnostics.append(current.range.diagnostic(message, hint: hint))
        return Failure()
    }

    private mutating func word(_ what: String) throws -> String {
        switch current.kind {
        case .name(let text): _ = advance(); return text
        case .string(let text): _ = advance(); return text
        default: throw fail("expected \(what), found \(current.description)")
        }
    }

    private mutating func symbol(_ symbol: String) throws {
        guard current.kind == .symbol(symbol) else { throw fail("expected '\(symbol)', found \(current.description)") }
        _ = advance()
    }

    private mutating func strings() -> [String] {
        var values: [String] = []
        while case .string(let text) = current.kind { values.append(text); _ = advance() }
        return values
    }

    mutating func parseFile() -> [RuleTestFile.Case] {
        var cases: [RuleTestFile.Case] = []
        skipNewlines()
        while current.kind != .end {
            do {
                guard current.kind == .name("test") else { throw fail("expected 'test \"name\" {'") }
                let line = advance().range.start.line
                var testCase = RuleTestFile.Case(name: try word("a test name"), line: line)
                try symbol("{")
                skipNewlines()
                while current.kind != .symbol("}") {
                    guard current.kind != .end else { throw fail("the test is not closed", hint: "add '}'") }
                    try parseField(into: &testCase)
                    skipNewlines()
                }
                _ = advance()
                cases.append(testCase)
            } catch {
                while current.kind != .end && current.kind != .name("test") { _ = advance() }
            }
            skipNewlines()
        }
        return cases
    }

    private mutating func parseField(into testCase: inout RuleTestFile.Case) throws {
        let field = try word("a field (definitions, geography, input, step)")
        switch field {
        case "definitions": testCase.definitions += strings()
        case "geography": testCase.geography += strings()
        case "input": testCase.inputs += strings()
        case "step": testCase.steps.append(try parseStep())
        default: throw fail("unknown field '\(field)' in a test", hint: Suggestions.hint(for: field, among: ["definitions", "geography", "input", "step"]))
        }
    }

    private mutating func periodLiteral() throws -> Period {
        let text: String
        switch current.kind {
        case .periodLiteral(let literal): text = literal
        case .number(let number): text = NumberText.exact(number)
        default: throw fail("expected a period after 'step', found \(current.description)")
        }
        do { let period = try Period.parse(text).period; _ = advance(); return period } catch { throw fail(error.description) }
    }

    private mutating func number() throws -> Double? {
        var sign = 1.0
        if current.kind == .symbol("-") { _ = advance(); sign = -1 }
        if case .number(let value) = current.kind { _ = advance(); return sign * value }
        if case .name("missing") = current.kind { _ = advance(); return nil }
        throw fail("expected a number or 'missing', found \(current.description)")
    }

    private mutating func parseStep() throws -> RuleTestFile.Step {
        let line = current.range.start.line
        var step = RuleTestFile.Step(period: try periodLiteral(), line: line)
        try symbol("{")
        skipNewlines()
        while current.kind != .symbol("}") {
            guard current.kind != .end else { throw fail("the step is not closed", hint: "add '}'") }
            let expectationLine = current.range.start.line
            switch try word("'value' or 'alert'") {
            case "value":
                let indicator = try word("an indicator id"), geo = try word("an area code")
                let value = try number()
                var tolerance = 0.005
                if current.kind == .name("within") { _ = advance(); tolerance = try number() ?? tolerance }
                step.values.append(.init(indicator: indicator, geo: geo, value: value, tolerance: tolerance, line: expectationLine))
            case "alert":
                let indicator = try word("an indicator id"), rule = try word("a rule name"), geo = try word("an area code")
                let stateText = try word("a state")
                guard let state = AlertState(rawValue: stateText) else {
                    throw fail("unknown alert state '\(stateText)'", hint: "states are " + AlertState.allCases.map(\.rawValue).joined(separator: ", "))
                }
                step.alerts.append(.init(indicator: indicator, rule: rule, geo: geo, state: state))
            case let other:
                throw fail("unknown expectation '\(other)'", hint: "write 'value INDICATOR GEO NUMBER' or 'alert INDICATOR RULE GEO STATE'")
            }
            skipNewlines()
        }
        _ = advance()
        return step
    }
}
