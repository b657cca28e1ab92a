/// What went wrong, before it is placed in a file: a catalogue code with its wording and advice.
///
/// Messages are built only by the named factories in the catalogue files (`LanguageDiagnostics`,
/// `CSVDiagnostics`, `SourceDiagnostics`, `ImportDiagnostics`, `GateDiagnostics`,
/// `RuleTestDiagnostics`), so each code has one wording, written next to its siblings, and
/// docs/diagnostics.md can list them all. It is an `Error` so a parsing helper can throw one and
/// let its caller add the location.
public struct DiagnosticMessage: Error, Hashable, Sendable {
    public let code: DiagnosticCode
    public let severity: Diagnostic.Severity
    public let text: String
    public let hint: String?

    init(_ code: DiagnosticCode, _ text: String, hint: String? = nil, severity: Diagnostic.Severity? = nil) {
        self.code = code
        self.text = text
        self.hint = hint
        self.severity = severity ?? code.defaultSeverity
    }
}
