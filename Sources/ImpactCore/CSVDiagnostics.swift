/// Messages of CSV files and the canonical long format (IMP-C…): the reader's syntax problems,
/// the header, and each field of a data row. The wide-spreadsheet and geography readers share
/// the reader and the row and number checks, so they report these codes too.
extension DiagnosticMessage {
    // MARK: Reader

    public static let invalidUTF8 = DiagnosticMessage(
        .invalidUTF8, "field is not valid UTF-8", hint: "save the file as UTF-8")

    public static let textAfterClosingQuote = DiagnosticMessage(
        .textAfterClosingQuote, "unexpected text after a closing quote", hint: "put the whole field in quotes")

    public static let quoteInUnquotedField = DiagnosticMessage(
        .quoteInUnquotedField, "unexpected quote inside an unquoted field",
        hint: "quote the field and double the inner quote (\"\")")

    public static let unclosedQuote = DiagnosticMessage(
        .unclosedQuote, "quoted field is never closed", hint: "add the closing quote")

    public static func cannotOpenFile(_ path: String) -> DiagnosticMessage {
        DiagnosticMessage(.cannotOpenFile, "cannot open '\(path)' for reading",
                          hint: "check the path and that the file may be read")
    }

    /// A folder is expanded to its `*.csv` files before reading; one reaching the reader is an error, not a crash.
    public static func inputIsDirectory(_ path: String) -> DiagnosticMessage {
        DiagnosticMessage(.inputIsDirectory, "'\(path)' is a directory, not a CSV file",
                          hint: "pass the CSV files, or the folder itself to the csv source")
    }

    // MARK: Header

    public static func emptyCSVFile(header: String) -> DiagnosticMessage {
        DiagnosticMessage(.emptyCSVFile, "file is empty", hint: "start with the header line '\(header)'")
    }

    public static func duplicateColumn(_ name: String) -> DiagnosticMessage {
        DiagnosticMessage(.duplicateColumn, "column '\(name)' appears twice in the header",
                          hint: "rename or remove one of them")
    }

    public static func missingColumn(_ required: String, header: [String], expected: [String]) -> DiagnosticMessage {
        DiagnosticMessage(.missingColumn, "header lacks the required column '\(required)'",
                          hint: Suggestions.hint(for: required, among: header)
                              ?? "the header must contain " + expected.joined(separator: ","))
    }

    public static func invalidColumnName(_ name: String) -> DiagnosticMessage {
        DiagnosticMessage(.invalidColumnName, "column name '\(name)' is not a valid dimension name",
                          hint: "use lowercase letters, digits and '_', starting with a letter")
    }

    // MARK: Rows and fields

    public static func fieldCount(_ found: Int, expected: Int, delimiter: Character) -> DiagnosticMessage {
        DiagnosticMessage(.fieldCount, "row has \(found) fields but the header has \(expected)",
                          hint: "a field containing the delimiter '\(delimiter)' must be quoted")
    }

    public static func invalidSeriesField(_ series: String) -> DiagnosticMessage {
        DiagnosticMessage(.invalidSeriesField, "invalid series key '\(series)'",
                          hint: "series keys are lowercase dotted names such as vt.meldingen")
    }

    public static let emptyGeoField = DiagnosticMessage(
        .emptyGeoField, "geo code is empty",
        hint: "use a CBS code such as GM0758 or a region code from the geography file")

    public static func invalidPeriodField(_ error: PeriodError) -> DiagnosticMessage {
        DiagnosticMessage(.invalidPeriodField, error.description)
    }

    public static func unknownStatusField(_ status: String) -> DiagnosticMessage {
        DiagnosticMessage(.unknownStatusField, "unknown status '\(status)'",
                          hint: "use provisional, suppressed or final (Dutch: voorlopig, geheim, definitief),"
                              + " combined with '|'")
    }

    public static func invalidValueField(_ problem: NumberProblem) -> DiagnosticMessage {
        DiagnosticMessage(.invalidValueField, "value '\(problem.text)' \(phrase(problem.reason))",
                          hint: advice(problem.reason))
    }

    public static func suppressedValueNotEmpty(_ value: String) -> DiagnosticMessage {
        DiagnosticMessage(.suppressedValueNotEmpty, "a suppressed value must be empty or '.', not '\(value)'",
                          hint: "leave the value out of a suppressed row, or drop 'suppressed' from its status")
    }

    public static let negativeN = DiagnosticMessage(
        .negativeN, "n must not be negative", hint: "n is the number of respondents or cases behind the value")

    public static func invalidNField(_ problem: NumberProblem) -> DiagnosticMessage {
        DiagnosticMessage(.invalidNField, "n '\(problem.text)' \(phrase(problem.reason))", hint: advice(problem.reason))
    }

    /// What is wrong with a number, finishing "value '0.6' …".
    static func phrase(_ reason: NumberProblem.Reason) -> String {
        switch reason {
        case .empty: return "is empty"
        case .notANumber: return "is not a number"
        case .notFinite: return "is too large: numbers must lie within ±1.8e308"
        case .inexactInteger: return "has more digits than can be stored exactly (whole numbers up to 2^53)"
        case .severalDecimalSeparators(let decimal): return "has more than one decimal separator '\(decimal)'"
        case .ungroupedThousands(let thousands, _, _):
            return "has '\(thousands)', the thousands separator here, without groups of three digits after it"
        }
    }

    private static func advice(_ reason: NumberProblem.Reason) -> String? {
        guard case .ungroupedThousands(_, let decimal, let otherOption) = reason else { return nil }
        let example = "0\(decimal)6"
        return "write the decimal part with '\(decimal)' (\(example)) or pass --decimal \(otherOption)"
    }
}
