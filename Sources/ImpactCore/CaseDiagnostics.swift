/// Messages about case-level data and measures (IMP-L150…, IMP-C050…, IMP-I100…). Messages about
/// event files never quote a field: a misplaced column could put a raw case or person id into any
/// of them, and raw ids must not reach a terminal or a log. They cite file and line only.
extension DiagnosticMessage {
    // MARK: Language

    public static func unknownCases(_ name: String, known: [String]) -> DiagnosticMessage {
        DiagnosticMessage(.unknownCases, "unknown case data '\(name)'",
                          hint: Suggestions.hint(for: name, among: known) ?? "declare it in a 'cases' block")
    }

    public static func unknownEvent(_ event: String, cases: String, known: [String]) -> DiagnosticMessage {
        DiagnosticMessage(.unknownEvent, "'\(cases)' declares no event '\(event)'",
                          hint: Suggestions.hint(for: event, among: known)
                              ?? "its events are " + known.joined(separator: ", "))
    }

    public static func caseMeasureNotWhole(_ function: String) -> DiagnosticMessage {
        DiagnosticMessage(.caseMeasureNotWhole, "\(function)() must be the whole value of an indicator",
                          hint: "a case measure is computed from events in one statement; define another "
                              + "indicator for arithmetic on figures")
    }

    public static func unknownTerm(_ term: String, cases: String, known: [String]) -> DiagnosticMessage {
        DiagnosticMessage(.unknownTerm, "'\(cases)' declares no term '\(term)'",
                          hint: Suggestions.hint(for: term, among: known)
                              ?? "declare it: term \(term) start_event to end_event 10 weeks")
    }

    public static func invalidDurationStatistic(_ found: String) -> DiagnosticMessage {
        DiagnosticMessage(.invalidDurationStatistic, "expected median, mean or a percentile p1…p99, found \(found)",
                          hint: "for example: duration(vt_casus, melding to start_hulp, p75)")
    }

    public static func expectedCaseWindow(found: String) -> DiagnosticMessage {
        DiagnosticMessage(.expectedCaseWindow, "expected 'back N months' or 'forward N months after EVENT', "
                              + "found \(found)",
                          hint: "for example: recurrence(vt_casus, melding, back 12 months)")
    }

    public static func casesMissingField(_ name: String, field: String, example: String) -> DiagnosticMessage {
        DiagnosticMessage(.casesMissingField, "case data '\(name)' has no \(field)", hint: "add: \(example)")
    }

    public static func unknownCaseFilter(_ name: String, cases: String, known: [String]) -> DiagnosticMessage {
        DiagnosticMessage(.unknownCaseFilter, "'\(cases)' has no field or dimension '\(name)' to filter on",
                          hint: "filter on " + known.joined(separator: ", "))
    }

    public static func expectedTimeUnit(found: String) -> DiagnosticMessage {
        DiagnosticMessage(.expectedTimeUnit, "expected days, weeks or months, found \(found)",
                          hint: "for example: 10 weeks")
    }

    // MARK: Event files

    public static func eventMissingColumn(_ column: String) -> DiagnosticMessage {
        DiagnosticMessage(.eventMissingColumn, "the header has no column '\(column)'",
                          hint: "an event file has the columns case_id,person_id,role,event,date,geo "
                              + "(person_id and role may be left out) and one column per dimension")
    }

    public static func eventEmptyField(_ column: String) -> DiagnosticMessage {
        DiagnosticMessage(.eventEmptyField, "the field '\(column)' is empty", hint: "every event needs it")
    }

    public static let eventInvalidDate = DiagnosticMessage(
        .eventInvalidDate, "the date is not a valid date", hint: "write dates as YYYY-MM-DD, e.g. 2018-03-01")

    public static func eventInvalidName(_ column: String) -> DiagnosticMessage {
        DiagnosticMessage(.eventInvalidName, "the field '\(column)' is not a name",
                          hint: "start with a letter and use letters, digits and _ only, e.g. start_onderzoek")
    }

    public static func eventFieldCount(_ found: Int, expected: Int) -> DiagnosticMessage {
        DiagnosticMessage(.eventFieldCount, "\(found) fields, the header has \(expected)",
                          hint: "quote fields that contain the delimiter")
    }

    // MARK: Import

    public static func duplicateEvent(firstLine: Int) -> DiagnosticMessage {
        DiagnosticMessage(.duplicateEvent, "this event repeats line \(firstLine) (same case, event, date and person)",
                          hint: "a delivery gives each event once; remove one of the two rows")
    }

    public static func pseudonymKeyChanged(_ source: String) -> DiagnosticMessage {
        DiagnosticMessage(.pseudonymKeyChanged, "the pseudonym key differs from the key of the earlier deliveries "
                              + "of '\(source)'",
                          hint: "use the same key, or re-pseudonymise all deliveries into a new store "
                              + "(docs/privacy.md, key rotation)")
    }

    public static let unknownEventGeo = DiagnosticMessage(
        .unknownEventGeo, "the area code is not in the geography",
        hint: "use a gemeente code (GMnnnn) or a region code of the geography; import the geography first")
}
