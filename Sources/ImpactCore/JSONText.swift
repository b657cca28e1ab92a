/// Minimal JSON string quoting, shared by every writer of JSON text.
public enum JSONText {
    public static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case let control where control.value < 0x20:
                result += "\\u" + pad(Int(control.value), 4, radix: 16)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// A JSON object of strings with its keys sorted: the one canonical spelling of a dimension set,
    /// so equal dimensions compare equal as text in SQL.
    public static func object(_ fields: [String: String]) -> String {
        "{" + fields.keys.sorted().map { quote($0) + ":" + quote(fields[$0]!) }.joined(separator: ",") + "}"
    }

    /// A JSON array of strings, in the given order.
    public static func array(_ values: [String]) -> String {
        "[" + values.map(quote).joined(separator: ",") + "]"
    }

    private static func pad(_ value: Int, _ width: Int, radix: Int) -> String {
        let digits = String(value, radix: radix)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
