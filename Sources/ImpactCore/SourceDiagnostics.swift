/// Messages of the other inputs (IMP-S…): geography reference files, mapping files, wide
/// spreadsheets, StatLine exports and the live StatLine API, and plugins.
extension DiagnosticMessage {
    // MARK: Geography files

    public static let emptyGeographyFile = DiagnosticMessage(
        .emptyGeographyFile, "file is empty", hint: "start with a header line, such as code,name,level")

    public static let unknownGeographyHeader = DiagnosticMessage(
        .unknownGeographyHeader, "cannot tell what this geography file holds from its header",
        hint: "headers are code,name,level (units), set,name (region sets), set,region,member (memberships)"
            + " or old,new,effective,weight (successions)")

    /// `kind` is what the header says the file holds: units, sets, memberships, successions.
    public static func unknownGeographyColumn(_ name: String, kind: String, known: [String]) -> DiagnosticMessage {
        DiagnosticMessage(.unknownGeographyColumn, "unknown column '\(name)' in a \(kind) file",
                          hint: Suggestions.hint(for: name, among: known)
                              ?? "columns are " + known.joined(separator: ","))
    }

    public static func invalidDate(_ text: String, column: String) -> DiagnosticMessage {
        DiagnosticMessage(.invalidDate, "invalid date '\(text)' in \(column)",
                          hint: "write dates as YYYY-MM-DD, e.g. 2019-01-01")
    }

    public static func unknownGeoLevel(_ text: String, levels: [String]) -> DiagnosticMessage {
        DiagnosticMessage(.unknownGeoLevel, "unknown level '\(text)'",
                          hint: "levels are " + levels.joined(separator: ", "))
    }

    public static func unknownGeoKind(_ text: String) -> DiagnosticMessage {
        DiagnosticMessage(.unknownGeoKind, "unknown kind '\(text)'",
                          hint: "kinds are area, unknown (Onbekend) and outside (Buiten regio)")
    }

    public static let emptyUnitCode = DiagnosticMessage(
        .emptyUnitCode, "unit code is empty", hint: "every unit needs a code, such as GM0758")

    public static func validityReversed(from: String, until: String) -> DiagnosticMessage {
        DiagnosticMessage(.validityReversed, "valid_until \(until) is not after valid_from \(from)",
                          hint: "valid_until is the first day the unit no longer exists")
    }

    public static let missingEffectiveDate = DiagnosticMessage(
        .missingEffectiveDate, "effective date is required", hint: "the first day the new unit exists, e.g. 2019-01-01")

    public static func invalidSuccessionWeight(_ text: String) -> DiagnosticMessage {
        DiagnosticMessage(.invalidSuccessionWeight, "weight '\(text)' must be a number above 0 and at most 1",
                          hint: "the weight is the share of the old unit that goes to the new one")
    }

    // MARK: Codes and names of areas (geography files and plugins)

    public static func invalidUnitCode(_ code: String) -> DiagnosticMessage {
        DiagnosticMessage(.invalidUnitCode, "unit code '\(GeoText.excerpt(code))' is not 1 to "
                              + "\(GeoText.maximumCodeLength) letters, digits, '-' or '_' (not starting with '-')",
                          hint: "codes are short identifiers such as GM0758 or VTWB")
    }

    public static func unitNameTooLong(_ name: String) -> DiagnosticMessage {
        DiagnosticMessage(.unitNameTooLong, "name '\(GeoText.excerpt(name))' has \(name.count) characters; "
                              + "at most \(GeoText.maximumNameLength) are allowed",
                          hint: "give the area's short official name")
    }

    public static func controlCharacterInName(_ name: String) -> DiagnosticMessage {
        DiagnosticMessage(.controlCharacterInName, "name '\(GeoText.excerpt(name))' contains a control character",
                          hint: "remove tabs, line breaks and other invisible characters")
    }

    /// `what` is `code` or `name`.
    public static func formulaPrefix(_ text: String, what: String) -> DiagnosticMessage {
        DiagnosticMessage(.formulaPrefix, "\(what) '\(GeoText.excerpt(text))' starts with "
                              + "'\(text.prefix(1))', which a spreadsheet runs as a formula",
                          hint: "remove the leading =, +, - or @")
    }

    // MARK: Mapping files

    public static func mappingRequired(source: String) -> DiagnosticMessage {
        DiagnosticMessage(.mappingRequired, "the \(source) source needs a mapping file",
                          hint: "pass --mapping FILE (see docs/sources.md)")
    }

    public static func unreadableMapping(_ path: String) -> DiagnosticMessage {
        DiagnosticMessage(.unreadableMapping, "cannot read mapping file '\(path)'",
                          hint: "check the path and that the file is UTF-8 text")
    }

    public static let mappingLineSyntax = DiagnosticMessage(
        .mappingLineSyntax, "expected 'key: value'", hint: "for example 'column Aantal Meldingen: vt.meldingen'")

    public static let mappingRowsMissing = DiagnosticMessage(
        .mappingRowsMissing, "the mapping must say 'rows: geo' or 'rows: series'",
        hint: "rows: geo when each row is an area, rows: series when each row is a series")

    public static let mappingRowKeyMissing = DiagnosticMessage(
        .mappingRowKeyMissing, "the mapping must name the column that labels each row", hint: "add 'row key: Gemeente'")

    public static let mappingPeriodMissing = DiagnosticMessage(
        .mappingPeriodMissing, "with 'rows: geo' the mapping needs a valid 'period: …'", hint: "add 'period: 2018'")

    public static func mappingNotASeriesKey(_ series: String) -> DiagnosticMessage {
        DiagnosticMessage(.mappingNotASeriesKey, "'\(series)' is not a series key",
                          hint: "series keys are lowercase dotted names such as vt.meldingen")
    }

    public static let mappingGeoMissing = DiagnosticMessage(
        .mappingGeoMissing, "with 'rows: series' the mapping needs 'geo: CODE'", hint: "add 'geo: VTWB'")

    // MARK: Wide spreadsheets

    public static func rowKeyColumnMissing(_ rowKey: String, mapping: String, header: [String]) -> DiagnosticMessage {
        DiagnosticMessage(.rowKeyColumnMissing, "the header has no column '\(rowKey)' (row key in \(mapping))",
                          hint: Suggestions.hint(for: rowKey, among: header))
    }

    public static func unknownAreaLabel(_ label: String) -> DiagnosticMessage {
        DiagnosticMessage(.unknownAreaLabel, "unknown area '\(label)'",
                          hint: "add 'name \(label): CODE' to the mapping")
    }

    public static func unmappedRowLabel(_ label: String) -> DiagnosticMessage {
        DiagnosticMessage(.unmappedRowLabel, "row '\(label)' is not mapped",
                          hint: "add 'series \(label): series.key' to the mapping")
    }

    // MARK: StatLine exports (a record is an element of TypedDataSet's value array)

    public static let missingTimeDimension = DiagnosticMessage(
        .missingTimeDimension, "the table has no TimeDimension", hint: "export a table with periods (Perioden)")

    public static func unknownTopic(_ topic: String, known: [String]) -> DiagnosticMessage {
        DiagnosticMessage(.unknownTopic, "topic '\(topic)' is not in DataProperties",
                          hint: Suggestions.hint(for: topic, among: known))
    }

    public static func statLineInvalidPeriod(record: Int, _ error: PeriodError) -> DiagnosticMessage {
        DiagnosticMessage(.statLineInvalidPeriod, "record \(record): \(error.description)")
    }

    public static func unmappedRegion(record: Int, key: String, title: String?, mapping: String) -> DiagnosticMessage {
        DiagnosticMessage(.unmappedRegion, "record \(record): region '\(key)' (\(title ?? "no title")) is not mapped",
                          hint: "add 'region \(key): CODE' to \(mapping)")
    }

    public static func unmappedDimension(record: Int, _ dimension: String, mapping: String) -> DiagnosticMessage {
        DiagnosticMessage(.unmappedDimension, "record \(record): dimension '\(dimension)' is not mapped",
                          hint: "add 'dimension \(dimension): name' to \(mapping)")
    }

    public static func topicNotNumber(record: Int, _ topic: String, text: String) -> DiagnosticMessage {
        DiagnosticMessage(.topicNotNumber, "record \(record): \(topic) is '\(text)', not a number",
                          hint: "StatLine writes missing figures as null or '.'")
    }

    public static func missingExportFile(_ name: String) -> DiagnosticMessage {
        DiagnosticMessage(.missingExportFile, "the export lacks \(name).json",
                          hint: "export the table as OData v3 JSON")
    }

    public static func notODataDocument(_ name: String) -> DiagnosticMessage {
        DiagnosticMessage(.notODataDocument, "\(name).json is not an OData document with a 'value' array",
                          hint: "export the table as OData v3 JSON")
    }

    // MARK: The live StatLine API (located at the URL requested)

    public static func cannotReachHost(_ host: String, reason: String) -> DiagnosticMessage {
        DiagnosticMessage(.cannotReachHost, "cannot reach \(host) (offline?): \(reason)",
                          hint: "check the network connection, or fetch from a mirror with --base-url")
    }

    /// `reason` is the status's phrase, such as `service unavailable`.
    public static func serverKeptFailing(status: Int, reason: String, tries: Int) -> DiagnosticMessage {
        DiagnosticMessage(.serverKeptFailing, "HTTP \(status) (\(reason)) on all \(tries) tries; gave up",
                          hint: "the server is busy or down; try again later, or use --base-url for a mirror")
    }

    public static func requestRefused(status: Int, reason: String) -> DiagnosticMessage {
        DiagnosticMessage(.requestRefused, "HTTP \(status) (\(reason))",
                          hint: "check the table id (--table) and --base-url")
    }

    public static func connectionFailed(reason: String, tries: Int) -> DiagnosticMessage {
        DiagnosticMessage(.connectionFailed, "connection failed on all \(tries) tries: \(reason)",
                          hint: "check that the server at --base-url is up")
    }

    public static func requestTimedOut(seconds: Int, tries: Int) -> DiagnosticMessage {
        DiagnosticMessage(.requestTimedOut, "no answer within \(seconds) s on any of \(tries) tries",
                          hint: "raise --timeout (seconds per request) if the server is slow")
    }

    public static let responseNotOData = DiagnosticMessage(
        .responseNotOData, "the answer is not an OData JSON document with a 'value' array",
        hint: "--base-url must point at an OData v3 service root such as https://opendata.cbs.nl/ODataApi/odata/")

    public static let pagingLoop = DiagnosticMessage(
        .pagingLoop, "the next link points back to a page already fetched",
        hint: "the server's paging goes round in a circle; fetch from CBS itself or import a saved export")

    /// A server's next link is followed only over the web: never to a local file or another scheme.
    public static func nextLinkNotHTTP(_ link: String) -> DiagnosticMessage {
        DiagnosticMessage(.nextLinkNotHTTP, "the next link '\(link.prefix(80))' is not an http(s) address",
                          hint: "the server sent a page link that cannot be fetched; import a saved export instead")
    }

    // MARK: Plugins

    public static func pluginCannotStart(_ executable: String, reason: String) -> DiagnosticMessage {
        DiagnosticMessage(.pluginCannotStart, "cannot start \(executable): \(reason)",
                          hint: "make it executable (chmod +x)")
    }

    public static func pluginTimedOut(_ id: String, seconds: Int) -> DiagnosticMessage {
        DiagnosticMessage(.pluginTimedOut,
                          "plugin '\(id)' did not finish within \(seconds) s and was stopped; nothing was written",
                          hint: "raise --timeout if the source is slow")
    }

    /// `stderr` is the plugin's last lines of error output, quoted under the message.
    public static func pluginExited(_ id: String, status: Int32, stderr: String) -> DiagnosticMessage {
        DiagnosticMessage(.pluginExited,
                          "plugin '\(id)' exited with status \(status); nothing was written" + quoted(stderr),
                          hint: "run the plugin by hand to see why it fails")
    }

    public static func pluginKilled(_ id: String, signal: Int32, stderr: String) -> DiagnosticMessage {
        DiagnosticMessage(.pluginKilled,
                          "plugin '\(id)' was killed by signal \(signal); nothing was written" + quoted(stderr),
                          hint: "run the plugin by hand to see why it fails")
    }

    private static func quoted(_ stderr: String) -> String {
        stderr.isEmpty ? "" : "\n    " + stderr.split(separator: "\n").joined(separator: "\n    ")
    }

    private static func record(_ code: DiagnosticCode, _ record: Int, _ text: String) -> DiagnosticMessage {
        DiagnosticMessage(code, "record \(record): \(text)", hint: "see docs/plugins.md for the record format")
    }

    public static func recordNotJSON(_ record: Int) -> DiagnosticMessage {
        Self.record(.recordNotJSON, record, "not a JSON object")
    }

    public static func recordVersion(_ record: Int) -> DiagnosticMessage {
        Self.record(.recordVersion, record, "missing or unsupported \"version\" (expected 1)")
    }

    public static func recordSeriesKey(_ record: Int) -> DiagnosticMessage {
        Self.record(.recordSeriesKey, record, "a series record needs a \"key\" such as vt.meldingen")
    }

    public static func recordGeographyFields(_ record: Int, levels: [String]) -> DiagnosticMessage {
        Self.record(.recordGeographyFields, record, "a geography record needs \"code\", \"name\" and \"level\" ("
                        + levels.joined(separator: ", ") + ")")
    }

    public static func recordObservationSeries(_ record: Int) -> DiagnosticMessage {
        Self.record(.recordObservationSeries, record, "\"series\" must be a series key such as vt.meldingen")
    }

    public static func recordObservationGeo(_ record: Int) -> DiagnosticMessage {
        Self.record(.recordObservationGeo, record, "\"geo\" is missing")
    }

    public static func recordInvalidPeriod(_ record: Int, _ error: PeriodError) -> DiagnosticMessage {
        Self.record(.recordInvalidPeriod, record, error.description)
    }

    public static func recordValue(_ record: Int) -> DiagnosticMessage {
        Self.record(.recordValue, record, "\"value\" must be a number or null")
    }

    public static func recordStatus(_ record: Int, _ status: String) -> DiagnosticMessage {
        Self.record(.recordStatus, record, "unknown status '\(status)'")
    }

    public static func recordType(_ record: Int) -> DiagnosticMessage {
        Self.record(.recordType, record, "\"type\" must be observation, series or geography")
    }

    public static func recordUnknownField(_ record: Int, _ field: String, known: [String]) -> DiagnosticMessage {
        DiagnosticMessage(.recordUnknownField, "record \(record): unknown field \"\(field)\"",
                          hint: Suggestions.hint(for: field, among: known)
                              ?? "fields of this record type are " + known.joined(separator: ", "))
    }

    public static func recordValueMissing(_ record: Int) -> DiagnosticMessage {
        Self.record(.recordValueMissing, record,
                    "an observation needs \"value\" (write \"value\": null when the figure is missing)")
    }

    public static func recordDimensions(_ record: Int, _ detail: String) -> DiagnosticMessage {
        Self.record(.recordDimensions, record, "\"dimensions\" must be an object of strings: \(detail)")
    }

    /// `field` is `value` or `n`; the reason is worded as for a CSV field.
    public static func recordInvalidNumber(_ record: Int, field: String,
                                           _ problem: NumberProblem) -> DiagnosticMessage {
        Self.record(.recordInvalidNumber, record, "\"\(field)\" \(problem.text) \(phrase(problem.reason))")
    }

    public static func recordNegativeN(_ record: Int, _ text: String) -> DiagnosticMessage {
        DiagnosticMessage(.recordNegativeN, "record \(record): \"n\" \(text) must not be negative",
                          hint: "n is the number of respondents or cases behind the value")
    }

    public static func recordNotNumber(_ record: Int, field: String) -> DiagnosticMessage {
        Self.record(.recordNotNumber, record, "\"\(field)\" must be a JSON number or null, not text or a boolean")
    }
}
