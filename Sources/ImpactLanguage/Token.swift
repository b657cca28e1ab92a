import ImpactCore

/// A lexical token with its source range.
public struct Token: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// A name; may contain dots (`vt.meldingen`), which makes it a series key.
        case name(String)
        case string(String)
        case number(Double)
        /// `2018`, `2018-H1`, `2020-12-31`: digits directly followed by `-` start a period or date.
        case periodLiteral(String)
        case symbol(String)
        case newline
        case end
    }

    public let kind: Kind
    public let range: SourceRange

    package var description: String {
        switch kind {
        case .name(let name): return "'\(name)'"
        case .string(let text): return "string \"\(text)\""
        case .number(let value): return "number \(NumberText.readable(value))"
        case .periodLiteral(let text): return "'\(text)'"
        case .symbol(let symbol): return "'\(symbol)'"
        case .newline: return "end of line"
        case .end: return "end of file"
        }
    }
}
