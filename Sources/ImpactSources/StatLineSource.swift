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
///
/// The same documents fetched from the OData API (`StatLineDownload`) are read by the same code,
/// with the digest of the fetched content as the delivery's digest.
public struct StatLineSource: DataSource {
    /// The fetched resources of a live import; nil when the inputs are saved files.
    private let fetched: [StatLineDocument]?

    /// Reads saved exports: the inputs are folders or files.
    public init() { fetched = nil }

    /// Reads a fetched table; the inputs only name its origin.
    public init(fetched documents: [StatLineDocument]) { fetched = documents }

    public var id: String { "statline" }
    public var summary: String {
        "CBS StatLine OData v3 JSON export (DataProperties, TypedDataSet, code lists) with --mapping FILE; "
            + "--table ID fetches it live"
    }
    public var inputs: String { "a folder (or the files) of one StatLine table export, or --table ID" }

    /// Property types with a code list of their own (`GeoDetail` properties have none).
    static let codeListTypes = ["Dimension", "GeoDimension", "TimeDimension"]

    /// The keys of the properties that have a code list, such as `RegioS` and `Perioden`.
    static func codeListKeys(_ properties: [[String: Any]]) -> [String] {
        properties.filter { codeListTypes.contains($0["Type"] as? String ?? "") }.compactMap { $0["Key"] as? String }
    }

    public func digest(_ inputs: [String]) throws -> String {
        guard let fetched else { return try FileDigest.sha256(paths: FileDigest.expand(inputs)) }
        var hasher = SHA256()
        for document in fetched {
            hasher.update(Array(document.name.utf8))
            for page in document.pages { hasher.update([UInt8](page)) }
        }
        return hasher.finalize()
    }

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
        let document = documents(inputs)
        let propertiesDocument = document("DataProperties"), dataDocument = document("TypedDataSet")
        guard let properties = load(propertiesDocument, name: "DataProperties", diagnostics: &diagnostics),
              let data = load(dataDocument, name: "TypedDataSet", diagnostics: &diagnostics),
              let propertiesDocument, let dataDocument else { return 0 }
        func key(_ property: [String: Any]) -> String? { property["Key"] as? String }
        func type(_ property: [String: Any]) -> String { property["Type"] as? String ?? "" }
        guard let timeKey = properties.first(where: { type($0) == "TimeDimension" }).flatMap(key) else {
            diagnostics.append(Diagnostic(.missingTimeDimension, file: propertiesDocument.location))
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
            titles[dimension] = codeList(document(dimension), diagnostics: &diagnostics)
        }
        let table = Table(mapping: mapping, dataPath: dataDocument.location, timeKey: timeKey, geoKey: geoKey,
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
        // A JSON document has no lines worth quoting: the record number names the place instead.
        let location = SourceLocation(file: "\(table.dataPath) record \(record)", line: 0)
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

    /// The documents by name: the fetched ones, or the saved `NAME.json` among the inputs (read
    /// when asked for). A missing one is reported where it is needed.
    private func documents(_ inputs: [String]) -> (String) -> StatLineDocument? {
        if let fetched {
            return { name in fetched.first { $0.name.lowercased() == name.lowercased() } }
        }
        let files = FileDigest.expand(inputs, suffix: ".json")
        return { name in
            files.first { ($0 as NSString).lastPathComponent.lowercased() == name.lowercased() + ".json" }
                .flatMap { path in
                    FileManager.default.contents(atPath: path).map {
                        StatLineDocument(name: name, location: path, pages: [$0])
                    }
                }
        }
    }

    /// The rows of a document; `name` is the resource's name, as in the messages.
    private func load(_ document: StatLineDocument?, name: String,
                      diagnostics: inout DiagnosticList) -> [[String: Any]]? {
        guard let document else {
            diagnostics.append(Diagnostic(.missingExportFile(name), file: "\(name).json"))
            return nil
        }
        guard let values = document.rows() else {
            diagnostics.append(Diagnostic(.notODataDocument(name), file: document.location))
            return nil
        }
        return values
    }

    /// Key → title of a code list such as `Perioden`.
    private func codeList(_ document: StatLineDocument?, diagnostics: inout DiagnosticList) -> [String: String] {
        guard let document else { return [:] }
        guard let values = load(document, name: document.name, diagnostics: &diagnostics) else { return [:] }
        return Dictionary(values.compactMap { value in
            (value["Key"] as? String).map { key in
                let title = value["Title"] as? String ?? ""
                return (key.trimmingCharacters(in: .whitespaces), title.trimmingCharacters(in: .whitespaces))
            }
        }, uniquingKeysWith: { first, _ in first })
    }
}
