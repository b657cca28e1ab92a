/// Messages of rule test files (`impact test`, IMP-T…). Their tokens, strings and braces are read
/// with the definition language's reader, so lexical and bracket errors there are IMP-L codes.
extension DiagnosticMessage {
    public static func unreadableTestFile(_ path: String) -> DiagnosticMessage {
        DiagnosticMessage(.unreadableTestFile, "cannot read test file '\(path)'",
                          hint: "check the path and that the file is UTF-8 text")
    }

    public static func expectedTest(found: String) -> DiagnosticMessage {
        DiagnosticMessage(.expectedTest, "expected 'test \"name\" {', found \(found)",
                          hint: "a test file holds test blocks only")
    }

    public static func unknownTestField(_ field: String, known: [String]) -> DiagnosticMessage {
        DiagnosticMessage(.unknownTestField, "unknown field '\(field)' in a test",
                          hint: Suggestions.hint(for: field, among: known)
                              ?? "fields are " + known.joined(separator: ", "))
    }

    public static func expectedStepPeriod(found: String) -> DiagnosticMessage {
        DiagnosticMessage(.expectedStepPeriod, "expected a period after 'step', found \(found)",
                          hint: "write: step 2018 {")
    }

    public static func unknownAlertState(_ state: String, known: [String]) -> DiagnosticMessage {
        DiagnosticMessage(.unknownAlertState, "unknown alert state '\(state)'",
                          hint: "states are " + known.joined(separator: ", "))
    }

    public static func unknownExpectation(_ word: String) -> DiagnosticMessage {
        DiagnosticMessage(.unknownExpectation, "unknown expectation '\(word)'",
                          hint: "write 'value INDICATOR GEO NUMBER' or 'alert INDICATOR RULE GEO STATE'")
    }

    /// `what` is the field: "input", "geography", "definitions".
    public static func missingTestInput(_ what: String, _ path: String) -> DiagnosticMessage {
        DiagnosticMessage(.missingTestInput, "the \(what) file '\(path)' does not exist",
                          hint: "paths are relative to the test file")
    }

    public static func eventsWithoutFiles(source: String) -> DiagnosticMessage {
        DiagnosticMessage(.eventsWithoutFiles, "'events \(source)' names no event file",
                          hint: "write: events \(source) \"events.csv\" (quoted paths, relative to the test file)")
    }
}
