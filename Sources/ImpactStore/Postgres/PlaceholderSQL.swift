/// The store's statements number their parameters SQLite's way (`?1`, or `?` for the next one);
/// PostgreSQL numbers them `$1`. Only placeholders are rewritten — quoted text and quoted names are
/// copied as they are — and values are still bound, never spliced in.
enum PlaceholderSQL {
    static func translate(_ sql: String) -> String {
        var output = ""
        var highest = 0
        var characters = sql.makeIterator()
        var pending: Character?
        func next() -> Character? {
            if let character = pending {
                pending = nil
                return character
            }
            return characters.next()
        }
        while let character = next() {
            switch character {
            case "'", "\"":
                output.append(character)
                while let inner = next() {
                    output.append(inner)
                    if inner == character { break }
                }
            case "?":
                var digits = ""
                while let digit = next() {
                    guard digit.isASCII, digit.isNumber else {
                        pending = digit
                        break
                    }
                    digits.append(digit)
                }
                let number = Int(digits) ?? highest + 1
                highest = max(highest, number)
                output += "$\(number)"
            default:
                output.append(character)
            }
        }
        return output
    }
}
