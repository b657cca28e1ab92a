/// Messages of the checks an import makes against the store and across rows (IMP-I…), after
/// each row has been read: unknown areas, repeated keys, and geography references.
extension DiagnosticMessage {
    // MARK: Observations

    public static func unknownGeo(_ code: String, known: [String]) -> DiagnosticMessage {
        DiagnosticMessage(.unknownGeo, "unknown geo code '\(code)'",
                          hint: Suggestions.hint(for: code, among: known)
                              ?? "import the geography first: impact import geography FILE")
    }

    /// `key` is series, geo, period and dimensions as one text; `firstLine` the row that gave it first.
    public static func duplicateRow(_ key: String, firstLine: Int) -> DiagnosticMessage {
        DiagnosticMessage(.duplicateRow, "duplicate row for \(key); line \(firstLine) already gives it",
                          hint: "remove one of the two rows")
    }

    public static func conflictingValues(_ key: String, here: String, first: String,
                                         firstLine: Int) -> DiagnosticMessage {
        DiagnosticMessage(.conflictingValues,
                          "conflicting values for \(key): \(here) here, \(first) on line \(firstLine)",
                          hint: "a delivery must give one value per series, geo, period and dimensions")
    }

    // MARK: Geography references

    public static func unknownUnitReference(_ code: String, known: [String]) -> DiagnosticMessage {
        DiagnosticMessage(.unknownUnitReference, "reference to unknown unit '\(code)'",
                          hint: Suggestions.hint(for: code, among: known) ?? "add it to the units file")
    }

    public static func unknownRegionSet(_ set: String) -> DiagnosticMessage {
        DiagnosticMessage(.unknownRegionSet, "membership names unknown region set '\(set)'",
                          hint: "add it to the region sets file (set,name)")
    }

    /// `key` is the old unit's code and the date of the change.
    public static func successionWeights(_ key: String, total: Double) -> DiagnosticMessage {
        DiagnosticMessage(.successionWeights, "succession weights of \(key) sum to \(total), not 1",
                          hint: "the weights say which share of the old unit goes to each new unit")
    }
}
