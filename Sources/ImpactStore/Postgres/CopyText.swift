
/// One field of PostgreSQL's COPY text format: `\N` for NULL, backslash escapes for the bytes that
/// would end a field or a row.
enum CopyText {
    static func field(_ value: SQLValue) -> String {
        guard let text = ParameterText.text(value) else { return "\\N" }
        guard text.contains(where: { $0 == "\\" || $0 == "\t" || $0 == "\n" || $0 == "\r" }) else { return text }
        var escaped = ""
        for character in text {
            switch character {
            case "\\": escaped += "\\\\"
            case "\t": escaped += "\\t"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
