/// Number style for human formats; csv and json are always locale-independent.
public enum NumberLocale: String, CaseIterable, Sendable {
    case nl, en

    /// Formats with at most `decimals` decimals, dropping trailing zeros; Dutch uses `,`
    /// for decimals and `.` for thousands.
    public func format(_ value: Double, decimals: Int = 4) -> String {
        let machine = NumberText.fixed(value, decimals: decimals)
        var parts = machine.split(separator: ".", maxSplits: 1).map(String.init)
        let negative = parts[0].hasPrefix("-")
        if negative { parts[0].removeFirst() }
        var grouped = ""
        for (offset, character) in parts[0].reversed().enumerated() {
            if offset > 0 && offset % 3 == 0 { grouped.append(self == .nl ? "." : ",") }
            grouped.append(character)
        }
        var text = (negative ? "-" : "") + String(grouped.reversed())
        if parts.count == 2 { text += (self == .nl ? "," : ".") + parts[1] }
        return text
    }

    /// `number` with a real minus sign (U+2212) for the hyphen a formatted negative number starts with.
    public static func withMinusSign(_ number: String) -> String {
        number.hasPrefix("-") ? "\u{2212}" + number.dropFirst() : number
    }

    /// Exactly `decimals` decimals, trailing zeros kept: a column of one indicator then lines up
    /// ("0,370" under "0,514"), as the report prints it.
    public func fixed(_ value: Double, decimals: Int) -> String {
        var text = format(value, decimals: decimals)
        guard decimals > 0 else { return text }
        let separator: Character = self == .nl ? "," : "."
        let shown = text.split(separator: separator).dropFirst().first?.count ?? 0
        text += (shown == 0 ? String(separator) : "") + String(repeating: "0", count: decimals - shown)
        return text
    }
}
