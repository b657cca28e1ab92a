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
        let parseFile: @Sendable (inout DiagnosticList, (ObservationRecord) -> Bool) -> Int = {
            [self] diagnostics, emit in self.parse(diagnostics: &diagnostics, emit: emit)
        }
        let outcome = try ParsingPipeline<ObservationRecord>.run(limit: diagnostics.limit, parse: parseFile, emit: emit)
        diagnostics.append(contentsOf: outcome.diagnostics)
        return outcome.rows
    }

    /// The whole file, in order; stops early when `emit` returns false.
    private func parse(diagnostics: inout DiagnosticList, emit: (ObservationRecord) -> Bool) -> Int {
        let reader: CSVReader
        do {
            reader = try CSVReader(path: path, delimiter: delimiter)
        } catch {
            diagnostics.append(error.diagnostic(in: path))
            return 0
        }
        guard let header = reader.next() else {
            let columns = CanonicalCSV.requiredColumns.joined(separator: ",")
            diagnostics.append(Diagnostic(.emptyCSVFile(header: columns), file: path, line: 1, column: 1))
            return 0
        }
        guard let layout = Layout(header: header, file: path, diagnostics: &diagnostics) else { return 0 }
        let numbers = decimal ?? DecimalSeparator.guess(forDelimiter: reader.delimiter)
        var rows = 0
        var seen = SeenValues()
        while let record = reader.next() {
            rows += 1
            if let observation = parse(record, layout: layout, numbers: numbers, delimiter: reader.delimiter,
                                       seen: &seen, diagnostics: &diagnostics),
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
            func report(_ message: DiagnosticMessage, column: Int) {
                diagnostics.append(Diagnostic(message, file: file, line: header.line, column: column))
                problems = true
            }
            for (index, name) in names.enumerated() where names.firstIndex(of: name) != index {
                report(.duplicateColumn(name), column: header.columns[index])
            }
            for required in CanonicalCSV.requiredColumns where !names.contains(required) {
                report(.missingColumn(required, header: names, expected: CanonicalCSV.requiredColumns), column: 1)
            }
            for (index, name) in names.enumerated() where !SeriesKey.isIdentifier(name) {
                report(.invalidColumnName(name), column: header.columns[index])
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

    private func parse(_ record: CSVRecord, layout: Layout, numbers: DecimalSeparator, delimiter: UInt8,
                       seen: inout SeenValues, diagnostics: inout DiagnosticList) -> ObservationRecord? {
        for problem in record.problems {
            diagnostics.append(problem.diagnostic(in: path))
        }
        // An unclosed quote swallowed the rest of the file into one field: it is reported once, at
        // the quote, not again as a field count or a value that quotes everything after it.
        guard !record.problems.contains(where: { $0.message.code == .unclosedQuote }) else { return nil }
        guard record.fields.count == layout.width else {
            let column = record.fields.count > layout.width ? record.columns[layout.width] : (record.columns.last ?? 1)
            let message = DiagnosticMessage.fieldCount(record.fields.count, expected: layout.width,
                                                       delimiter: Character(UnicodeScalar(delimiter)))
            diagnostics.append(Diagnostic(message, file: path, line: record.line, column: column))
            return nil
        }
        var failed = !record.problems.isEmpty
        func field(_ index: Int) -> String { trimmed(record.fields[index]) }
        func report(_ index: Int, _ message: DiagnosticMessage) {
            diagnostics.append(Diagnostic(message, file: path, line: record.line, column: record.columns[index],
                                          length: record.fields[index].count))
            failed = true
        }

        let series = field(layout.series)
        if !seen.isSeriesKey(series) { report(layout.series, .invalidSeriesField(series)) }
        let geo = field(layout.geo)
        if geo.isEmpty { report(layout.geo, .emptyGeoField) }

        var period: ParsedPeriod?
        do {
            period = try seen.period(field(layout.period))
        } catch {
            report(layout.period, .invalidPeriodField(error))
        }

        var flags = StatusFlags()
        if let statusIndex = layout.status {
            do { flags = try StatusFlags(parsing: field(statusIndex)) } catch { report(statusIndex, error) }
        }
        let rawValue = field(layout.value)
        var value: Double?
        if rawValue == "." {
            flags.suppressed = true
        } else if !rawValue.isEmpty {
            switch numbers.parse(rawValue) {
            case .success(let number): value = number
            case .failure(let problem): report(layout.value, .invalidValueField(problem))
            }
        }
        if flags.suppressed && value != nil {
            report(layout.value, .suppressedValueNotEmpty(rawValue))
        }
        var n: Double?
        if let nIndex = layout.n, !field(nIndex).isEmpty {
            switch numbers.parse(field(nIndex)) {
            case .success(let number) where number >= 0: n = number
            case .success: report(nIndex, .negativeN)
            case .failure(let problem): report(nIndex, .invalidNField(problem))
            }
        }
        var dimensions: [String: String] = [:]
        for dimension in layout.dimensions where !field(dimension.index).isEmpty {
            dimensions[dimension.name] = field(dimension.index)
        }
        guard !failed, let period else { return nil }
        let location = SourceLocation(file: path, line: record.line, geoColumn: record.columns[layout.geo],
                                      periodColumn: record.columns[layout.period])
        return ObservationRecord(series: series, geo: geo, period: period.period, dimensions: dimensions, value: value,
                                 n: n, provisional: flags.provisional || period.provisional,
                                 suppressed: flags.suppressed, location: location)
    }
}

/// The `status` column: `provisional`/`voorlopig`, `suppressed`/`geheim`, `final`/`definitief`,
/// combined with `|` or spaces.
struct StatusFlags {
    var provisional = false
    var suppressed = false

    init() {}

    init(parsing text: String) throws(DiagnosticMessage) {
        for token in text.lowercased().split(whereSeparator: { $0 == "|" || $0 == " " }) {
            switch token {
            case "provisional", "voorlopig", "*": provisional = true
            case "suppressed", "geheim", ".": suppressed = true
            case "final", "definitief": break
            default: throw .unknownStatusField(String(token))
            }
        }
    }
}

/// Without surrounding whitespace; the common case (nothing to trim) costs two byte checks.
func trimmed(_ text: String) -> String {
    func plain(_ byte: UInt8?) -> Bool { byte.map { $0 < 0x80 && $0 != 0x20 && $0 != 0x09 } ?? true }
    return plain(text.utf8.first) && plain(text.utf8.last) ? text : text.trimmingCharacters(in: .whitespaces)
}
