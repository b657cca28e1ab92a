
/// Escaping and number formatting for SVG and HTML output.
enum SVGText {
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// A stable element id from a text (FNV-1a): Swift's own hashes change per run.
    static func identifier(_ prefix: String, _ text: String) -> String {
        var hash: UInt32 = 2_166_136_261
        for byte in text.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return prefix + String(hash, radix: 36)
    }

    /// Coordinates with one decimal: small files, stable golden tests.
    static func coordinate(_ value: Double) -> String { String(format: "%.1f", value) }
}
