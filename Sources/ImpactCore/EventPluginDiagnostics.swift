/// Problems with case events from a plugin. A record is cited by its number only: none of these
/// messages quotes a value, a field name the protocol does not know, or the plugin's error output,
/// because any of them could hold a raw case or person id.
extension DiagnosticMessage {
    private static func eventRecord(_ code: DiagnosticCode, _ record: Int, _ text: String) -> DiagnosticMessage {
        DiagnosticMessage(code, "record \(record): \(text)", hint: "see docs/sources.md, case events from a plugin")
    }

    public static func eventRecordType(_ record: Int) -> DiagnosticMessage {
        eventRecord(.eventRecordType, record, "an event import reads records of type \"event\" only")
    }

    /// `field` is one of the protocol's own field names, never text from the record.
    public static func eventRecordField(_ record: Int, field: String) -> DiagnosticMessage {
        eventRecord(.eventRecordField, record, "the field '\(field)' is not a JSON string")
    }

    public static func eventRecordUnknownField(_ record: Int, known: [String]) -> DiagnosticMessage {
        DiagnosticMessage(.eventRecordUnknownField,
                          "record \(record): a field the event record does not know (not quoted: it could be an id)",
                          hint: "an event record has only the fields " + known.joined(separator: ", "))
    }

    public static func eventRecordDimensions(_ record: Int) -> DiagnosticMessage {
        eventRecord(.eventRecordDimensions, record,
                    "dimensions must be an object of names (letters, digits, _) to non-empty strings")
    }

    /// `ending` says how the plugin ended, e.g. "exited with status 3".
    public static func eventPluginFailed(_ id: String, ending: String) -> DiagnosticMessage {
        DiagnosticMessage(.eventPluginFailed,
                          "plugin '\(id)' \(ending); nothing was written (its error output is not shown: "
                              + "it could hold raw ids)",
                          hint: "run the plugin by hand, outside the import, to see why it fails")
    }
}
