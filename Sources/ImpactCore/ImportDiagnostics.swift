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

    /// `value` as the delivery wrote it; `series` has unit count or persons in the definitions.
    public static func negativeCount(_ value: String, series: String) -> DiagnosticMessage {
        DiagnosticMessage(.negativeCount, "negative value \(value) for \(series), which counts and cannot be negative",
                          hint: "correct the value, or leave it empty when the figure is missing")
    }

    public static let emptyDelivery = DiagnosticMessage(
        .emptyDelivery, "no rows in the delivery; nothing was written",
        hint: "the input has a header but no data rows: check the export")

    // MARK: Geography references

    /// A plugin may add units but not change one: a change goes through `impact import geography`,
    /// with validity dates and successions, so history keeps what the unit was.
    public static func pluginUnitConflict(_ record: Int, code: String, stored: String,
                                          delivered: String) -> DiagnosticMessage {
        DiagnosticMessage(.pluginUnitConflict, "record \(record): unit '\(code)' is \(stored) in the store, "
                              + "the record says \(delivered); a plugin cannot change an existing unit",
                          hint: "correct the record, or change the unit with impact import geography "
                              + "(valid_until and a succession keep its history)")
    }

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
