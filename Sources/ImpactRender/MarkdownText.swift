/// Escaping for Markdown output. Titles, names and sources come from data and definitions, so they
/// must read as text: no emphasis, links, code, table cells or raw HTML (a name such as
/// `<img src=x onerror=…>` would run in any viewer that renders HTML inside Markdown).
enum MarkdownText {
    /// Characters that start Markdown syntax anywhere in a line; `_` only at a word boundary, so
    /// identifiers such as `wb_meldingen` stay readable.
    private static let markup: Set<Character> = ["\\", "`", "*", "[", "]", "|", "~"]
    private static let entities: [Character: String] = ["&": "&amp;", "<": "&lt;", ">": "&gt;"]

    /// Text for inline use: one line, HTML characters as entities, Markdown characters escaped.
    static func escape(_ text: String) -> String {
        let characters = Array(text)
        var result = ""
        for (index, character) in characters.enumerated() {
            if let entity = entities[character] {
                result += entity
            } else if character.isNewline {
                result += " "
            } else if markup.contains(character) || (character == "_" && !intraword(characters, index)) {
                result += "\\" + String(character)
            } else {
                result.append(character)
            }
        }
        return result
    }

    private static func intraword(_ characters: [Character], _ index: Int) -> Bool {
        func wordCharacter(_ character: Character) -> Bool { character.isLetter || character.isNumber }
        return index > 0 && index + 1 < characters.count
            && wordCharacter(characters[index - 1]) && wordCharacter(characters[index + 1])
    }

    /// A code span that no backtick in `text` can close early: the fence is one longer than the
    /// longest run inside (CommonMark).
    static func code(_ text: String) -> String {
        let line = String(text.map { $0.isNewline ? " " : $0 })
        var longest = 0
        var run = 0
        for character in line {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let padding = line.hasPrefix("`") || line.hasSuffix("`") ? " " : ""
        return fence + padding + line + padding + fence
    }
}
