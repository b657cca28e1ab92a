/// Limits on the codes and names of areas. Every table, chart and report prints them, and
/// operators open CSV output in spreadsheets: a megabyte name made one table hundreds of megabytes,
/// and a name starting with `=` would run as a formula. So they are checked where they enter the
/// store (geography files and plugins), and each problem is a diagnostic.
public enum GeoText {
    public static let maximumCodeLength = 32
    public static let maximumNameLength = 200
    /// Characters a spreadsheet reads as the start of a formula.
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@"]

    /// The problem with a unit or region-set code, nil when it is fine (an empty code is reported
    /// by the reader itself).
    public static func codeProblem(_ code: String) -> DiagnosticMessage? {
        if let first = code.first, formulaStarts.contains(first) { return .formulaPrefix(code, what: "code") }
        let allowed = code.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_")
        }
        return allowed && code.count <= maximumCodeLength ? nil : .invalidUnitCode(code)
    }

    /// The problem with a unit or region-set name, nil when it is fine.
    public static func nameProblem(_ name: String) -> DiagnosticMessage? {
        if name.count > maximumNameLength { return .unitNameTooLong(name) }
        if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return .controlCharacterInName(name)
        }
        if let first = name.first, formulaStarts.contains(first) { return .formulaPrefix(name, what: "name") }
        return nil
    }

    /// The start of a text for a message, so a huge value does not make a huge message.
    public static func excerpt(_ text: String) -> String {
        let visible = String(text.prefix(40).map { $0.unicodeScalars.first?.properties.generalCategory == .control
            ? "?" : $0 })
        return text.count > 40 ? visible + "…" : visible
    }
}
