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
}
