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
    public var summary: String { "CBS StatLine OData v3 JSON export (DataProperties, TypedDataSet, code lists) with --mapping FILE" }
    public var inputs: String { "a folder (or the files) of one StatLine table export" }

    public func read(_ inputs: [String], options: ImportOptions, diagnostics: inout DiagnosticList, emit: (ImportItem) throws -> Void) throws -> Int {
        guard let mapping = MappingFile.read(options.mapping, source: "statline", diagnostics: &diagnostics) else { return 0 }
        let files = FileDigest.expand(inputs, suffix: ".json")
        func file(_ name: String) -> String? { files.first { ($0 as NSString).lastPathComponent.lowercased() == name.lowercased() + ".json" } }
        guard let properties = load(file("DataProperties"), name: "DataProperties", diagnostics: &diagnostics),
              let dataPath = file("TypedDataSet"), let data = load(dataPath, name: "TypedDataSet", diagnostics: &diagnostics) else { return 0 }
        let dimensions = properties.filter { ["Dimension", "GeoDimension", "TimeDimension", "GeoDetail"].contains($0["Type"] as? String ?? "") }.compactMap { $0["Key"] as? String }
        let topics = Dictionary(mapping.prefixed("topic").map { ($0.name, $0.entry) }, uniquingKeysWith: { a, _ in a })
        let regions = Dictionary(mapping.prefixed("region").map { ($0.name.trimmingCharacters(in: .whitespaces), $0.entry.value) }, uniquingKeysWith: { a, _ in a })
        let dimensionNames = Dictionary(mapping.prefixed("dimension").map { ($0.name, $0.entry.value) }, uniquingKeysWith: { a, _ in a })
        guard let timeKey = properties.first(where: { $0["Type"] as? String == "TimeDimension" })?["Key"] as? String else {
            diagnostics.append(Diagnostic(file: file("DataProperties") ?? "DataProperties.json", line: 0, column: 0, message: "the table has no TimeDimension"))
            return 0
        }
        let geoKey = properties.first { ["GeoDimension", "Dimension"].contains($0["Type"] as? String ?? "") && ($0["Key"] as? String)?.hasPrefix("Regio") == true }?["Key"] as? String ?? "RegioS"
        var titles: [String: [String: String]] = [:]
        for dimension in dimensions {
            titles[dimension] = codeList(file(dimension), diagnostics: &diagnostics)
        }
        for topic in topics.keys where !properties.contains(where: { $0["Key"] as? String == topic }) {
            diagnostics.append(mapping.problem(topics[topic], "topic '\(topic)' is not in DataProperties",
                                               hint: Suggestions.hint(for: topic, among: properties.compactMap { $0["Key"] as? String })))
        }
        var rows = 0
        for (index, row) in data.enumerated() {
            rows += 1
            let location = SourceLocation(file: dataPath, line: index + 1)
            func problem(_ message: String, hint: String? = nil) {
                diagnostics.append(Diagnostic(file: dataPath, line: 0, column: 0, message: "record \(index + 1): " + message, hint: hint))
            }
            let periodKey = (row[timeKey] as? String ?? "").trimmingCharacters(in: .whitespaces)
            let parsed: ParsedPeriod
            do { parsed = try Period.parse(periodKey) } catch { problem(error.description); continue }
            let provisional = (titles[timeKey]?[periodKey] ?? "").hasSuffix("*")
            let regionKey = (row[geoKey] as? String ?? "").trimmingCharacters(in: .whitespaces)
            guard let geo = regions[regionKey] ?? (regionKey.range(of: "^(GM[0-9]{4}|PV[0-9]{2}|NL01)$", options: .regularExpression) != nil ? regionKey : nil) else {
                problem("region '\(regionKey)' (\(titles[geoKey]?[regionKey] ?? "no title")) is not mapped", hint: "add 'region \(regionKey): CODE' to \(mapping.path)")
                continue
            }
            var dims: [String: String] = [:]
            var unmapped = false
            for dimension in dimensions where dimension != timeKey && dimension != geoKey {
                let key = (row[dimension] as? String ?? "").trimmingCharacters(in: .whitespaces)
                guard let name = dimensionNames[dimension] else {
                    problem("dimension '\(dimension)' is not mapped", hint: "add 'dimension \(dimension): name' to \(mapping.path)")
                    unmapped = true
                    break
                }
                let title = titles[dimension]?[key] ?? key
                if title != "Totaal" && title != "Total" && !key.hasPrefix("T00") { dims[name] = title }
            }
            if unmapped { continue }
            for (topic, entry) in topics {
                let cell = row[topic]
                var value: Double?
                var suppressed = false
                switch cell {
                case let number as NSNumber: value = number.doubleValue
                case let text as String:
                    let trimmed = text.trimmingCharacters(in: .whitespaces)
                    if trimmed == "." { suppressed = true } else if let number = Double(trimmed) { value = number } else if !trimmed.isEmpty { problem("\(topic) is '\(trimmed)', not a number"); continue }
                default: break
                }
                try emit(.observation(ObservationRecord(series: entry.value, geo: geo, period: parsed.period, dimensions: dims, value: value,
                                                        provisional: provisional || parsed.provisional, suppressed: suppressed, location: location)))
            }
        }
        return rows
    }

    /// The `value` array of an OData JSON document.
    private func load(_ path: String?, name: String, diagnostics: inout DiagnosticList) -> [[String: Any]]? {
        guard let path, let data = FileManager.default.contents(atPath: path) else {
            diagnostics.append(Diagnostic(file: "\(name).json", line: 0, column: 0, message: "the export lacks \(name).json", hint: "export the table as OData v3 JSON"))
            return nil
        }
        guard let object = try? JSONSerialization.jsonObject(with: data), let values = ((object as? [String: Any])?["value"] ?? object) as? [[String: Any]] else {
            diagnostics.append(Diagnostic(file: path, line: 0, column: 0, message: "\(name).json is not an OData document with a 'value' array"))
            return nil
        }
        return values
    }

    /// Key → title of a code list such as `Perioden.json`.
    private func codeList(_ path: String?, diagnostics: inout DiagnosticList) -> [String: String] {
        guard let path, let values = load(path, name: (path as NSString).lastPathComponent, diagnostics: &diagnostics) else { return [:] }
        return Dictionary(values.compactMap { value in
            (value["Key"] as? String).map { ($0.trimmingCharacters(in: .whitespaces), (value["Title"] as? String ?? "").trimmingCharacters(in: .whitespaces)) }
        }, uniquingKeysWith: { a, _ in a })
    }
}
