/// Fits a text table into a line width: text columns give up characters, widest first, and are cut
/// with `…`; numeric columns keep every digit, because a cut number reads as a different number.
enum TextFit {
    /// The narrowest a text column is cut to: two characters and `…` still tell values apart; one
    /// `…` alone says nothing.
    static let narrowest = 3

    /// Column widths whose lines (columns joined by `separator` spaces) fit `limit`: every text column
    /// is capped at the largest width that fits, and the columns at the cap share what is left over.
    /// Unchanged when the table fits, or when the numbers with `narrowest` characters per text column
    /// do not fit (such a table is printed whole rather than as columns of `…`).
    static func widths(_ natural: [Int], numeric: [Bool], separator: Int, limit: Int) -> [Int] {
        let spacing = separator * max(0, natural.count - 1)
        func total(_ cap: Int) -> Int {
            spacing + zip(natural, numeric).map { width, isNumber in isNumber ? width : min(width, cap) }.reduce(0, +)
        }
        let widest = zip(natural, numeric).filter { !$0.1 }.map(\.0).max() ?? 0
        guard total(widest) > limit, total(narrowest) <= limit else { return natural }
        var cap = widest
        while cap > narrowest && total(cap) > limit { cap -= 1 }
        var spare = limit - total(cap)
        return zip(natural, numeric).map { width, isNumber in
            guard !isNumber, width > cap else { return width }
            guard spare > 0 else { return cap }
            spare -= 1
            return cap + 1
        }
    }

    /// `text` cut to `width` characters, the last one `…` when anything was cut.
    static func abbreviated(_ text: String, to width: Int) -> String {
        guard text.count > width else { return text }
        return width <= 1 ? "…" : text.prefix(width - 1) + "…"
    }

    /// `line` broken between words into lines of at most `width` characters; a word longer than that
    /// gets a line of its own.
    static func wrapped(_ line: String, width: Int) -> [String] {
        guard line.count > width else { return [line] }
        var lines: [String] = []
        var current = ""
        for word in line.split(separator: " ", omittingEmptySubsequences: true) {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
