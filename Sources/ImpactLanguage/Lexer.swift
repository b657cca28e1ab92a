import ImpactCore

/// Turns definition text into tokens. Newlines are tokens (a field ends at the end of its line)
/// except inside parentheses and brackets, so long expressions can wrap.
public struct Lexer {
    private let file: SourceFile
    private var index = 0
    private var line = 1
    private var column = 1
    private var depth = 0
    public private(set) var diagnostics: [Diagnostic] = []

    public init(file: SourceFile) { self.file = file }

    public static func tokenize(_ file: SourceFile) -> (tokens: [Token], diagnostics: [Diagnostic]) {
        var lexer = Lexer(file: file)
        var tokens: [Token] = []
        while true {
            let token = lexer.next()
            tokens.append(token)
            if token.kind == .end { break }
        }
        return (tokens, lexer.diagnostics)
    }

    private var current: Character? { index < file.text.count ? file.text[index] : nil }
    private func peek(_ offset: Int = 1) -> Character? {
        index + offset < file.text.count ? file.text[index + offset] : nil
    }

    private mutating func advance() {
        if current == "\n" { line += 1; column = 1 } else { column += 1 }
        index += 1
    }

    private func range(from startLine: Int, _ startColumn: Int) -> SourceRange {
        SourceRange(file: file.path, line: startLine, column: startColumn,
                    length: startLine == line ? column - startColumn : 1)
    }

    public mutating func next() -> Token {
        while let character = current {
            if character == "#" {
                while let c = current, c != "\n" { advance() }
            } else if character == "\n" && depth == 0 {
                let (startLine, startColumn) = (line, column)
                advance()
                return Token(kind: .newline,
                             range: SourceRange(file: file.path, line: startLine, column: startColumn, length: 1))
            } else if character.isWhitespace {
                advance()
            } else {
                break
            }
        }
        let (startLine, startColumn) = (line, column)
        guard let character = current else {
            return Token(kind: .end, range: range(from: startLine, startColumn))
        }
        if character.isLetter || character == "_" { return name(startLine, startColumn) }
        if character.isASCIIDigit { return number(startLine, startColumn) }
        if character == "\"" { return string(startLine, startColumn) }
        return symbol(startLine, startColumn)
    }

    private mutating func name(_ startLine: Int, _ startColumn: Int) -> Token {
        var text = ""
        func isNamePart(_ c: Character?) -> Bool { c.map { $0.isLetter || $0.isNumber || $0 == "_" } ?? false }
        while let c = current, isNamePart(c) || (c == "." && isNamePart(peek())) {
            text.append(c)
            advance()
        }
        return Token(kind: .name(text), range: range(from: startLine, startColumn))
    }

    private mutating func number(_ startLine: Int, _ startColumn: Int) -> Token {
        var text = ""
        while let c = current, c.isASCIIDigit { text.append(c); advance() }
        if text.count == 4, current == "-", let after = peek(), after.isASCIIDigit || "HQW".contains(after) {
            while let c = current, c.isASCIIDigit || c == "-" || "HQW".contains(c) { text.append(c); advance() }
            return Token(kind: .periodLiteral(text), range: range(from: startLine, startColumn))
        }
        if current == ".", peek()?.isASCIIDigit == true {
            text.append("."); advance()
            while let c = current, c.isASCIIDigit { text.append(c); advance() }
        }
        return Token(kind: .number(Double(text) ?? 0), range: range(from: startLine, startColumn))
    }

    private mutating func string(_ startLine: Int, _ startColumn: Int) -> Token {
        advance()
        var text = ""
        while let c = current, c != "\"" {
            if c == "\n" { break }
            if c == "\\" {
                advance()
                switch current {
                case "n": text.append("\n")
                case "\"": text.append("\"")
                case "\\": text.append("\\")
                default:
                    diagnostics.append(SourceRange(file: file.path, line: line, column: column - 1, length: 2)
                        .diagnostic(.unknownEscape))
                }
                if current != nil && current != "\n" { advance() }
                continue
            }
            text.append(c)
            advance()
        }
        if current == "\"" {
            advance()
        } else {
            diagnostics.append(SourceRange(file: file.path, line: startLine, column: startColumn, length: 1)
                .diagnostic(.unclosedString))
        }
        return Token(kind: .string(text), range: range(from: startLine, startColumn))
    }

    private mutating func symbol(_ startLine: Int, _ startColumn: Int) -> Token {
        let character = current!
        let pair = String(character) + (peek().map(String.init) ?? "")
        if ["!=", "<=", ">=", "=="].contains(pair) {
            advance(); advance()
            return Token(kind: .symbol(pair), range: range(from: startLine, startColumn))
        }
        advance()
        switch character {
        case "(", "[": depth += 1
        case ")", "]": depth = max(0, depth - 1)
        case "{", "}", ",", ":", "=", "<", ">", "+", "-", "*", "/", "%": break
        default:
            diagnostics.append(range(from: startLine, startColumn).diagnostic(.unexpectedCharacter(character)))
            return next()
        }
        return Token(kind: .symbol(String(character)), range: range(from: startLine, startColumn))
    }
}
