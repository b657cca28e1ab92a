/// Names of series (`vt.meldingen`) and dimensions (`melder`): lower-case identifiers, so a
/// series key in an expression is told from an indicator by its dot.
public enum SeriesKey {
    /// `namespace.name`, each part an identifier.
    public static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count >= 2 && parts.allSatisfy { isIdentifier(String($0)) }
    }

    /// A lower-case letter, then lower-case letters, digits and underscores.
    public static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}
