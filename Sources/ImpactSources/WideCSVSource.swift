import Foundation
import ImpactCore
import ImpactStore

/// Spreadsheet tables as regional monitors publish them, with a mapping file:
/// - `rows: geo` — one row per area (named in the `row key` column), one column per series, one `period`;
/// - `rows: series` — one row per series (named with `name …` lines), header cells are periods, one `geo`.
/// Numbers follow the file's delimiter (Dutch `;` files: `13.106`, `0,6`).
public struct WideCSVSource: DataSource {
    public init() {}
    public var id: String { "wide" }
    public var summary: String {
        "wide spreadsheet CSV (rows are areas or series, columns are series or periods) with --mapping FILE"
    }
    public var inputs: String { "CSV files plus a mapping file" }

    public func read(_ inputs: [String], options: ImportOptions, diagnostics: inout DiagnosticList,
                     emit: (ImportItem) throws -> Void) throws -> Int {
        guard let mapping = MappingFile.read(options.mapping, source: "wide", diagnostics: &diagnostics),
              let layout = Layout(mapping: mapping, diagnostics: &diagnostics) else { return 0 }
        let matcher = AreaMatcher(geography: options.geography, overrides: layout.areaNames)
        var rows = 0
        for path in inputs {
            rows += try read(path, layout: layout, matcher: matcher, mapping: mapping, options: options,
                             diagnostics: &diagnostics, emit: emit)
        }
        return rows
    }

    struct Layout {
        let rowsAreAreas: Bool
        let rowKey: String
        let period: Period?
        let geo: String?
        let provisional: Bool
        let columns: [String: String]
        let seriesNames: [String: String]
        /// `name LABEL: CODE` lines: area labels the geography does not know by name.
        let areaNames: [String: String]

        init?(mapping: MappingFile, diagnostics: inout DiagnosticList) {
            func entries(_ prefix: String) -> [String: String] {
                let pairs = mapping.prefixed(prefix).map { ($0.name, $0.entry.value) }
                return Dictionary(pairs, uniquingKeysWith: { first, _ in first })
            }
            let rows = mapping.value("rows")
            guard let kind = rows?.value, kind == "geo" || kind == "series" else {
                diagnostics.append(mapping.problem(rows, .mappingRowsMissing))
                return nil
            }
            rowsAreAreas = kind == "geo"
            guard let key = mapping.value("row key")?.value, !key.isEmpty else {
                diagnostics.append(mapping.problem(nil, .mappingRowKeyMissing))
                return nil
            }
            rowKey = key
            provisional = mapping.value("status")?.value == "provisional"
            columns = entries("column")
            seriesNames = entries("series")
            areaNames = entries("name")
            if rowsAreAreas {
                guard let text = mapping.value("period"), let parsed = try? Period.parse(text.value).period else {
                    diagnostics.append(mapping.problem(mapping.value("period"), .mappingPeriodMissing))
                    return nil
                }
                period = parsed
                geo = nil
                for (column, series) in columns where !SeriesKey.isValid(series) {
                    let entry = mapping.value("column \(column)")
                    diagnostics.append(mapping.problem(entry, .mappingNotASeriesKey(series)))
                }
            } else {
                guard let area = mapping.value("geo")?.value else {
                    diagnostics.append(mapping.problem(nil, .mappingGeoMissing))
                    return nil
                }
                geo = area
                period = nil
            }
        }
    }

    private func read(_ path: String, layout: Layout, matcher: AreaMatcher, mapping: MappingFile,
                      options: ImportOptions, diagnostics: inout DiagnosticList,
                      emit: (ImportItem) throws -> Void) throws -> Int {
        let reader: CSVReader
        do { reader = try CSVReader(path: path, delimiter: options.delimiter) } catch {
            diagnostics.append(error.diagnostic(in: path))
            return 0
        }
        guard let header = reader.next() else { return 0 }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        guard let keyIndex = names.firstIndex(of: layout.rowKey) else {
            diagnostics.append(Diagnostic(.rowKeyColumnMissing(layout.rowKey, mapping: mapping.path, header: names),
                                          file: path, line: 1, column: 1))
            return 0
        }
        let numbers = options.decimal ?? DecimalSeparator.guess(forDelimiter: reader.delimiter)
        var rows = 0
        while let record = reader.next() {
            rows += 1
            func report(_ message: DiagnosticMessage, column: Int, length: Int = 1) {
                diagnostics.append(Diagnostic(message, file: path, line: record.line, column: column, length: length))
            }
            guard record.fields.count == names.count else {
                report(.fieldCount(record.fields.count, expected: names.count,
                                   delimiter: Character(UnicodeScalar(reader.delimiter))), column: 1)
                continue
            }
            let label = record.fields[keyIndex].trimmingCharacters(in: .whitespaces)
            for (index, name) in names.enumerated() where index != keyIndex {
                let raw = record.fields[index].trimmingCharacters(in: .whitespaces)
                guard let cell = cell(label: label, column: name, layout: layout, matcher: matcher) else { continue }
                guard case .success(let target) = cell else {
                    if case .failure(let message) = cell { report(message, column: record.columns[keyIndex]) }
                    break
                }
                var value: Double?
                if !raw.isEmpty && raw != "." && raw != "-" && raw != "–" {
                    switch numbers.parse(raw) {
                    case .success(let number): value = number
                    case .failure(let problem):
                        report(.invalidValueField(problem), column: record.columns[index], length: raw.count)
                        continue
                    }
                } else if raw.isEmpty {
                    continue
                }
                let location = SourceLocation(file: path, line: record.line, geoColumn: record.columns[keyIndex],
                                              periodColumn: record.columns[index])
                try emit(.observation(ObservationRecord(series: target.series, geo: target.geo, period: target.period,
                                                        value: value, provisional: layout.provisional,
                                                        suppressed: raw == ".", location: location)))
            }
        }
        return rows
    }

    enum CellTarget { case success((series: String, geo: String, period: Period)), failure(DiagnosticMessage) }

    /// Where one cell goes; nil for columns the mapping does not use.
    private func cell(label: String, column: String, layout: Layout, matcher: AreaMatcher) -> CellTarget? {
        if layout.rowsAreAreas {
            guard let series = layout.columns[column] else { return nil }
            guard let geo = matcher.code(for: label) else { return .failure(.unknownAreaLabel(label)) }
            return .success((series, geo, layout.period!))
        }
        guard let period = try? Period.parse(column).period else { return nil }
        guard let series = layout.seriesNames[label] else { return .failure(.unmappedRowLabel(label)) }
        return .success((series, layout.geo!, period))
    }
}
