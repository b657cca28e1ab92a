import Foundation
import ImpactCore
import ImpactStore

/// CBS StatLine OData v3 exports: a folder with `DataProperties.json`, `TypedDataSet.json` and the
/// dimension code lists (`Perioden.json`, `RegioS.json`, …), plus a mapping file:
///
///     topic Meldingen_2: vt.meldingen
///     region VR01: VTWB           # region keys (trimmed) → our codes; GMnnnn/PVnn/NL01 map to themselves
///     dimension Melder: melder    # other dimensions → our dimension names (values are the code titles)
///
/// Keys are right-padded with spaces in StatLine and are trimmed; null and `.` are missing (never 0);
/// a period whose title ends in `*` is provisional.
public struct StatLineSource: DataSource {
    public init() {}
    public var id: String { "statline" }
    public var summary: String {
        "CBS StatLine OData v3 JSON export (DataProperties, TypedDataSet, code lists) with --mapping FILE"
    }
    public var inputs: String { "a folder (or the files) of one StatLine table export" }

    /// What the mapping file and DataProperties say about the table, resolved once.
    private struct Table {
        let mapping: MappingFile
        let dataPath: String
        let timeKey: String
        let geoKey: String
        let dimensions: [String]
        let topics: [String: MappingFile.Entry]
        let regions: [String: String]
        let dimensionNames: [String: String]
        /// Key → title per code list, such as `Perioden.json`.
        let titles: [String: [String: String]]
    }

    public func read(_ inputs: [String], options: ImportOptions, diagnostics: inout DiagnosticList,
                     emit: (ImportItem) throws -> Void) throws -> Int {
        guard let mapping = MappingFile.read(options.mapping, source: "statline", diagnostics: &diagnostics) else {
            return 0
        }
        let files = FileDigest.expand(inputs, suffix: ".json")
        func file(_ name: String) -> String? {
            files.first { ($0 as NSString).lastPathComponent.lowercased() == name.lowercased() + ".json" }
        }
        guard let properties = load(file("DataProperties"), name: "DataProperties", diagnostics: &diagnostics),
              let dataPath = file("TypedDataSet"),
              let data = load(dataPath, name: "TypedDataSet", diagnostics: &diagnostics) else { return 0 }
        func key(_ property: [String: Any]) -> String? { property["Key"] as? String }
        func type(_ property: [String: Any]) -> String { property["Type"] as? String ?? "" }
        guard let timeKey = properties.first(where: { type($0) == "TimeDimension" }).flatMap(key) else {
            diagnostics.append(Diagnostic(.missingTimeDimension, file: file("DataProperties") ?? "DataProperties.json"))
            return 0
        }
        let dimensionTypes = ["Dimension", "GeoDimension", "TimeDimension", "GeoDetail"]
        let dimensions = properties.filter { dimensionTypes.contains(type($0)) }.compactMap(key)
        let geoKey = properties.first {
            ["GeoDimension", "Dimension"].contains(type($0)) && key($0)?.hasPrefix("Regio") == true
        }.flatMap(key) ?? "RegioS"
        func entries(_ prefix: String) -> [String: MappingFile.Entry] {
            Dictionary(mapping.prefixed(prefix).map { ($0.name, $0.entry) }, uniquingKeysWith: { first, _ in first })
        }
        let topics = entries("topic")
        for topic in topics.keys where !properties.contains(where: { key($0) == topic }) {
            diagnostics.append(mapping.problem(topics[topic], .unknownTopic(topic, known: properties.compactMap(key))))
        }
        var titles: [String: [String: String]] = [:]
        for dimension in dimensions {
            titles[dimension] = codeList(file(dimension), diagnostics: &diagnostics)
        }
        let table = Table(mapping: mapping, dataPath: dataPath, timeKey: timeKey, geoKey: geoKey,
                          dimensions: dimensions, topics: topics, regions: entries("region").mapValues(\.value),
                          dimensionNames: entries("dimension").mapValues(\.value), titles: titles)
        for (index, row) in data.enumerated() {
            try read(row, record: index + 1, table: table, diagnostics: &diagnostics, emit: emit)
        }
        return data.count
    }

    /// One element of TypedDataSet: one observation per mapped topic.
    private func read(_ row: [String: Any], record: Int, table: Table, diagnostics: inout DiagnosticList,
                      emit: (ImportItem) throws -> Void) throws {
        func problem(_ message: DiagnosticMessage) {
            diagnostics.append(Diagnostic(message, file: table.dataPath))
        }
        func field(_ key: String) -> String { (row[key] as? String ?? "").trimmingCharacters(in: .whitespaces) }
        let periodKey = field(table.timeKey)
        let parsed: ParsedPeriod
        do { parsed = try Period.parse(periodKey) } catch {
            return problem(.statLineInvalidPeriod(record: record, error))
        }
        let provisional = (table.titles[table.timeKey]?[periodKey] ?? "").hasSuffix("*")
        let regionKey = field(table.geoKey)
        let isOwnCode = regionKey.range(of: "^(GM[0-9]{4}|PV[0-9]{2}|NL01)$", options: .regularExpression) != nil
        guard let geo = table.regions[regionKey] ?? (isOwnCode ? regionKey : nil) else {
            let title = table.titles[table.geoKey]?[regionKey]
            return problem(.unmappedRegion(record: record, key: regionKey, title: title, mapping: table.mapping.path))
        }
        var dimensions: [String: String] = [:]
        for dimension in table.dimensions where dimension != table.timeKey && dimension != table.geoKey {
            let key = field(dimension)
            guard let name = table.dimensionNames[dimension] else {
                return problem(.unmappedDimension(record: record, dimension, mapping: table.mapping.path))
            }
            let title = table.titles[dimension]?[key] ?? key
            if title != "Totaal" && title != "Total" && !key.hasPrefix("T00") { dimensions[name] = title }
        }
        let location = SourceLocation(file: table.dataPath, line: record)
        for (topic, entry) in table.topics {
            var value: Double?
            var suppressed = false
            switch row[topic] {
            case let number as NSNumber: value = number.doubleValue
            case let text as String:
                let trimmed = text.trimmingCharacters(in: .whitespaces)
                if trimmed == "." {
                    suppressed = true
                } else if let number = Double(trimmed) {
                    value = number
                } else if !trimmed.isEmpty {
                    problem(.topicNotNumber(record: record, topic, text: trimmed))
                    continue
                }
            default: break
            }
            try emit(.observation(ObservationRecord(series: entry.value, geo: geo, period: parsed.period,
                                                    dimensions: dimensions, value: value,
                                                    provisional: provisional || parsed.provisional,
                                                    suppressed: suppressed, location: location)))
        }
    }

    /// The `value` array of an OData JSON document; `name` is the file's name without `.json`.
    private func load(_ path: String?, name: String, diagnostics: inout DiagnosticList) -> [[String: Any]]? {
        guard let path, let data = FileManager.default.contents(atPath: path) else {
            diagnostics.append(Diagnostic(.missingExportFile(name), file: "\(name).json"))
            return nil
        }
        guard let object = try? JSONSerialization.jsonObject(with: data),
              let values = ((object as? [String: Any])?["value"] ?? object) as? [[String: Any]] else {
            diagnostics.append(Diagnostic(.notODataDocument(name), file: path))
            return nil
        }
        return values
    }

    /// Key → title of a code list such as `Perioden.json`.
    private func codeList(_ path: String?, diagnostics: inout DiagnosticList) -> [String: String] {
        guard let path else { return [:] }
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        guard let values = load(path, name: name, diagnostics: &diagnostics) else { return [:] }
        return Dictionary(values.compactMap { value in
            (value["Key"] as? String).map { key in
                let title = value["Title"] as? String ?? ""
                return (key.trimmingCharacters(in: .whitespaces), title.trimmingCharacters(in: .whitespaces))
            }
        }, uniquingKeysWith: { first, _ in first })
    }
}
