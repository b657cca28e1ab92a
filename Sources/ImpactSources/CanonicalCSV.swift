import Foundation
import ImpactCore
import ImpactStore

/// Reads the canonical long format `series,geo,period,value[,n][,status][,dimension…]`.
/// Any other header is a dimension. Yields records one by one and reports every problem
/// with its line and column instead of stopping at the first.
public struct CanonicalCSV: Sendable {
    public static let requiredColumns = ["series", "geo", "period", "value"]
    public static let optionalColumns = ["n", "status"]

    public let path: String
    public let delimiter: Character?
    public let decimal: DecimalSeparator?

    public init(path: String, delimiter: Character? = nil, decimal: DecimalSeparator? = nil) {
        self.path = path
        self.delimiter = delimiter
        self.decimal = decimal
    }

    /// Streams records to `emit`; problems go to `diagnostics`. Returns the number of data rows.
    /// Parsing runs on a second thread, overlapping with what `emit` does with the records.
    @discardableResult
    public func read(diagnostics: inout DiagnosticList, emit: (ObservationRecord) throws -> Void) throws -> Int {
        let outcome = try ParsingPipeline<ObservationRecord>.run(limit: diagnostics.limit, parse: { [self] diagnostics, emit in
            parse(diagnostics: &diagnostics, emit: emit)
        }, emit: emit)
        diagnostics.append(contentsOf: outcome.diagnostics)
        return outcome.rows
    }

    /// The whole file, in order; stops early when `emit` returns false.
    private func parse(diagnostics: inout DiagnosticList, emit: (ObservationRecord) -> Bool) -> Int {
        let reader: CSVReader
        do {
            reader = try CSVReader(path: path, delimiter: delimiter)
        } catch let problem as CSVProblem {
            diagnostics.append(Diagnostic(file: path, line: 0, column: 0, message: problem.message))
            return 0
        } catch {
            diagnostics.append(Diagnostic(file: path, line: 0, column: 0, message: "cannot read '\(path)': \(error)"))
            return 0
        }
        guard let header = reader.next() else {
            diagnostics.append(Diagnostic(file: path, line: 1, column: 1, message: "file is empty; expected a header line 'series,geo,period,value'"))
            return 0
        }
        guard let layout = Layout(header: header, file: path, diagnostics: &diagnostics) else { return 0 }
        let numbers = decimal ?? DecimalSeparator.guess(forDelimiter: reader.delimiter)
        var rows = 0
        var seen = SeenValues()
        while let record = reader.next() {
            rows += 1
            if let observation = parse(record, layout: layout, numbers: numbers, delimiter: reader.delimiter, seen: &seen, diagnostics: &diagnostics),
               !emit(observation) {
                break
            }
        }
        return rows
    }

    /// Column positions resolved from the header.
    struct Layout {
        let width: Int
        let series: Int, geo: Int, period: Int, value: Int
        let n: Int?, status: Int?
        let dimensions: [(name: String, index: Int)]

        init?(header: CSVRecord, file: String, diagnostics: inout DiagnosticList) {
            let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            var problems = false
            for (index, name) in names.enumerated() where names.firstIndex(of: name) != index {
                diagnostics.append(Diagnostic(file: file, line: header.line, column: header.columns[index], message: "column '\(name)' appears twice in the header"))
                problems = true
            }
            for required in CanonicalCSV.requiredColumns where !names.contains(required) {
                diagnostics.append(Diagnostic(file: file, line: header.line, column: 1, message: "header lacks the required column '\(required)'",
                                              hint: Suggestions.hint(for: required, among: names) ?? "the header must contain series,geo,period,value"))
                problems = true
            }
            for (index, name) in names.enumerated() where !SeriesKey.isIdentifier(name) {
                diagnostics.append(Diagnostic(file: file, line: header.line, column: header.columns[index], message: "column name '\(name)' is not a valid dimension name",
                                              hint: "use lowercase letters, digits and '_', starting with a letter"))
                problems = true
            }
            guard !problems else { return nil }
            width = names.count
            series = names.firstIndex(of: "series")!
            geo = names.firstIndex(of: "geo")!
            period = names.firstIndex(of: "period")!
            value = names.firstIndex(of: "value")!
            n = names.firstIndex(of: "n")
            status = names.firstIndex(of: "status")
            let known = Set(CanonicalCSV.requiredColumns + CanonicalCSV.optionalColumns)
            dimensions = names.enumerated().filter { !known.contains($0.element) }.map { ($0.element, $0.offset) }
        }
    }

    /// Series keys and periods repeat on almost every row of a delivery: each is checked once.
    struct SeenValues {
        var seriesKeys = Set<String>()
        var periods: [String: ParsedPeriod] = [:]

        mutating func isSeriesKey(_ text: String) -> Bool {
            if seriesKeys.contains(text) { return true }
            guard SeriesKey.isValid(text) else { return false }
            seriesKeys.insert(text)
            return true
        }

        mutating func period(_ text: String) throws(PeriodError) -> ParsedPeriod {
            if let parsed = periods[text] { return parsed }
            let parsed = try Period.parse(text)
            periods[text] = parsed
            return parsed
        }
    }

    private func parse(_ record: CSVRecord, layout: Layout, numbers: DecimalSeparator, delimiter: UInt8, seen: inout SeenValues,
                       diagnostics: inout DiagnosticList) -> ObservationRecord? {
        for problem in record.problems {
            diagnostics.append(Diagnostic(file: path, line: problem.line, column: problem.column, message: problem.message))
        }
        guard record.fields.count == layout.width else {
            let column = record.fields.count > layout.width ? record.columns[layout.width] : (record.columns.last ?? 1)
            diagnostics.append(Diagnostic(file: path, line: record.line, column: column,
                                          message: "row has \(record.fields.count) fields but the header has \(layout.width)",
                                          hint: "a field containing the delimiter '\(Character(UnicodeScalar(delimiter)))' must be quoted"))
            return nil
        }
        var failed = !record.problems.isEmpty
        func field(_ index: Int) -> String { trimmed(record.fields[index]) }
        func report(_ index: Int, _ message: String, hint: String? = nil) {
            diagnostics.append(Diagnostic(file: path, line: record.line, column: record.columns[index], length: record.fields[index].count, message: message, hint: hint))
            failed = true
        }

        let series = field(layout.series)
        if !seen.isSeriesKey(series) {
            report(layout.series, "invalid series key '\(series)'", hint: "series keys are lowercase dotted names such as vt.meldingen")
        }
        let geo = field(layout.geo)
        if geo.isEmpty { report(layout.geo, "geo code is empty", hint: "use a CBS code such as GM0758 or a region code from the geography file") }

        var period: ParsedPeriod?
        do {
            period = try seen.period(field(layout.period))
        } catch {
            report(layout.period, error.description)
        }

        var flags = StatusFlags()
        if let statusIndex = layout.status {
            do { flags = try StatusFlags(parsing: field(statusIndex)) } catch { report(statusIndex, error.message, hint: StatusFlags.hint) }
        }
        let rawValue = field(layout.value)
        var value: Double?
        if rawValue == "." {
            flags.suppressed = true
        } else if !rawValue.isEmpty {
            switch numbers.parse(rawValue) {
            case .success(let number): value = number
            case .failure(let problem): report(layout.value, "value '\(problem.text)' is \(problem.reason)")
            }
        }
        if flags.suppressed && value != nil {
            report(layout.value, "a suppressed value must be empty or '.', not '\(rawValue)'")
        }
        var n: Double?
        if let nIndex = layout.n, !field(nIndex).isEmpty {
            switch numbers.parse(field(nIndex)) {
            case .success(let number) where number >= 0: n = number
            case .success: report(nIndex, "n must not be negative")
            case .failure(let problem): report(nIndex, "n '\(problem.text)' is \(problem.reason)")
            }
        }
        var dimensions: [String: String] = [:]
        for dimension in layout.dimensions where !field(dimension.index).isEmpty {
            dimensions[dimension.name] = field(dimension.index)
        }
        guard !failed, let period else { return nil }
        return ObservationRecord(series: series, geo: geo, period: period.period, dimensions: dimensions, value: value, n: n,
                                 provisional: flags.provisional || period.provisional, suppressed: flags.suppressed,
                                 location: SourceLocation(file: path, line: record.line, geoColumn: record.columns[layout.geo], periodColumn: record.columns[layout.period]))
    }
}

/// The `status` column: `provisional`/`voorlopig`, `suppressed`/`geheim`, `final`/`definitief`,
/// combined with `|` or spaces.
struct StatusFlags {
    var provisional = false
    var suppressed = false

    static let hint = "use provisional, suppressed or final (Dutch: voorlopig, geheim, definitief), combined with '|'"

    init() {}

    init(parsing text: String) throws(CSVProblem) {
        for token in text.lowercased().split(whereSeparator: { $0 == "|" || $0 == " " }) {
            switch token {
            case "provisional", "voorlopig", "*": provisional = true
            case "suppressed", "geheim", ".": suppressed = true
            case "final", "definitief": break
            default: throw CSVProblem(line: 0, column: 0, message: "unknown status '\(token)'")
            }
        }
    }
}

/// Without surrounding whitespace; the common case (nothing to trim) costs two byte checks.
func trimmed(_ text: String) -> String {
    func plain(_ byte: UInt8?) -> Bool { byte.map { $0 < 0x80 && $0 != 0x20 && $0 != 0x09 } ?? true }
    return plain(text.utf8.first) && plain(text.utf8.last) ? text : text.trimmingCharacters(in: .whitespaces)
}
