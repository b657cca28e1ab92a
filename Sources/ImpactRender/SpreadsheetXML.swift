/// Text for the XML parts of a workbook: escaping and cell references.
enum SpreadsheetXML {
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    /// Escapes markup characters. XML 1.0 cannot hold most control characters at all, so they are
    /// written as OOXML's `_xHHHH_`, which Excel and LibreOffice read back as the character; an
    /// `_x` that would read as such an escape gets its underscore escaped (`_x005F_`).
    static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "\t", "\n", "\r": output.unicodeScalars.append(scalar)
            case "_" where looksLikeEscape(scalars, from: index): output += "_x005F_"
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    output += escaped(scalar.value)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output
    }

    private static func escaped(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "_x" + String(repeating: "0", count: 4 - hex.count) + hex + "_"
    }

    /// `_x` followed by four hexadecimal digits and `_`.
    private static func looksLikeEscape(_ scalars: [Unicode.Scalar], from index: Int) -> Bool {
        guard index + 6 < scalars.count, scalars[index + 1] == "x", scalars[index + 6] == "_" else { return false }
        return scalars[(index + 2)...(index + 5)].allSatisfy { $0.properties.isASCIIHexDigit }
    }

    /// `A`, …, `Z`, `AA`, … for the 1-based column number.
    static func columnName(_ number: Int) -> String {
        var remaining = number
        var letters: [Character] = []
        while remaining > 0 {
            let digit = (remaining - 1) % 26
            letters.insert(Character(Unicode.Scalar(UInt8(65 + digit))), at: 0)
            remaining = (remaining - 1) / 26
        }
        return String(letters)
    }

    /// `C7` for column 3 of row 7 (both 1-based).
    static func reference(column: Int, row: Int) -> String { columnName(column) + String(row) }
}
