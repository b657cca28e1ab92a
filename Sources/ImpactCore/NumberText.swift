import Foundation

/// Locale-independent number text with `.` as decimal separator.
public enum NumberText {
    /// The value as an integer when it is a whole number every format prints without a fraction.
    public static func whole(_ value: Double) -> Int64? {
        value == value.rounded() && abs(value) < 1e15 ? Int64(value) : nil
    }

    /// The shortest text that reads back as exactly the same double: machine output (CSV, JSON,
    /// alert payloads) must round-trip the stored value. Whole numbers print without a fraction.
    public static func exact(_ value: Double) -> String {
        if let whole = whole(value) { return String(whole) }
        return "\(value)"
    }

    /// Ten significant digits, for messages and descriptions a person reads (an exponent only for
    /// very small or large values, so a p-value of 4e-12 is not 0).
    public static func readable(_ value: Double) -> String {
        if let whole = whole(value) { return String(whole) }
        return withVaList([value]) { arguments in
            withUnsafeTemporaryAllocation(of: CChar.self, capacity: 40) { buffer in
                let length = Int(vsnprintf(buffer.baseAddress, buffer.count, "%.10g", arguments))
                let count = min(length, buffer.count - 1)
                return String(decoding: UnsafeRawBufferPointer(start: buffer.baseAddress, count: count), as: UTF8.self)
            }
        }
    }

    /// Fixed decimals, trailing zeros removed: the base of the human number formats.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        if let whole = whole(value) { return String(whole) }
        var text = String(format: "%.\(decimals)f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }
}
