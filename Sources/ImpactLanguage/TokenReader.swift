import ImpactCore

/// Reads a file's tokens one at a time, for every reader of the language's syntax: definition
/// files and rule test files. Sharing it means both tokenise alike and report a missing brace or
/// string with the same code, located at the token where it went wrong.
package struct TokenReader {
    /// Thrown after a syntax error has been recorded, to unwind to where the parser recovers.
    package struct SyntaxError: Error {}

    private let tokens: [Token]
    private var position = 0
    /// The lexer's problems, then every `fail`.
    package private(set) var diagnostics: [Diagnostic]

    package init(file: SourceFile) {
        let (tokens, lexical) = Lexer.tokenize(file)
        self.tokens = tokens
        diagnostics = lexical
    }

    package var current: Token { tokens[min(position, tokens.count - 1)] }
    package var previousRange: SourceRange { tokens[max(0, min(position - 1, tokens.count - 1))].range }

    /// The current token, moving past it (but never past the end).
    package mutating func advance() -> Token {
        let token = current
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    /// The token `offset` places ahead (the end when past it), to tell a declaration from a field.
    package func peek(_ offset: Int) -> Token { tokens[min(position + offset, tokens.count - 1)] }

    package func isSymbol(_ symbol: String) -> Bool { current.kind == .symbol(symbol) }
    package func isName(_ name: String) -> Bool { current.kind == .name(name) }

    package mutating func skipNewlines() { while current.kind == .newline { _ = advance() } }

    /// Records the message at `range` (the current token when nil); throw what it returns.
    package mutating func fail(_ message: DiagnosticMessage, at range: SourceRange? = nil) -> SyntaxError {
        diagnostics.append((range ?? current.range).diagnostic(message))
        return SyntaxError()
    }

    /// `context` finishes "expected '{' …": "to open the indicator".
    package mutating func expect(_ symbol: String, _ context: String) throws -> SourceRange {
        guard isSymbol(symbol) else { throw fail(.expectedSymbol(symbol, context, found: current.description)) }
        return advance().range
    }

    package mutating func name(_ what: String) throws -> Located<String> {
        guard case .name(let text) = current.kind else { throw fail(.expectedName(what, found: current.description)) }
        return Located(value: text, range: advance().range)
    }

    package mutating func string(_ what: String) throws -> String {
        guard case .string(let text) = current.kind else {
            throw fail(.expectedString(what, found: current.description))
        }
        _ = advance()
        return text
    }

    /// A number with an optional minus sign; a bare year such as `2018` counts as a number.
    package mutating func number(_ what: String) throws -> Double {
        var sign = 1.0
        if isSymbol("-") { _ = advance(); sign = -1 }
        if case .periodLiteral(let text) = current.kind, let year = Double(text) {
            _ = advance()
            return sign * year
        }
        guard case .number(let value) = current.kind else {
            throw fail(.expectedNumber(what, found: current.description))
        }
        _ = advance()
        return sign * value
    }

    /// A period as written: a period literal or a year, with the `-`, `/`, words and numbers written
    /// against it (`2021-S1`, `2021/22`), so a malformed period is reported whole, as a period,
    /// instead of as a stray `-` after a year. Nil when no period or year is here.
    package mutating func periodText() -> (text: String, range: SourceRange)? {
        var text: String
        switch current.kind {
        case .periodLiteral(let literal): text = literal
        case .number(let value): text = NumberText.readable(value)
        default: return nil
        }
        var range = advance().range
        while current.range.start.line == range.start.line,
              current.range.start.column == range.start.column + range.length,
              let more = Self.glueText(current.kind) {
            text += more
            range = range.through(advance().range)
        }
        return (text, range)
    }

    private static func glueText(_ kind: Token.Kind) -> String? {
        switch kind {
        case .periodLiteral(let text), .name(let text): return text
        case .number(let value): return NumberText.readable(value)
        case .symbol("-"): return "-"
        case .symbol("/"): return "/"
        default: return nil
        }
    }

    /// The strings that follow, such as a list of paths or area codes; empty when none does.
    package mutating func strings() -> [String] {
        var values: [String] = []
        while case .string(let text) = current.kind {
            values.append(text)
            _ = advance()
        }
        return values
    }
}
