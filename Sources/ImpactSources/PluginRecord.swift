import Foundation
import ImpactCore
import ImpactStore

/// Decodes one NDJSON record of the plugin protocol (docs/plugins.md) strictly: a field the
/// protocol does not know, a missing `value`, a dimension that is not text or a number a CSV file
/// could not hold is an error with the record's number, never a silent default — a typo must not
/// turn a figure into "missing" or a breakdown into the total.
struct PluginRecord {
    static let observationFields = ["version", "type", "series", "geo", "period", "value", "n", "status", "dimensions"]
    static let seriesFields = ["version", "type", "key"]
    static let geographyFields = ["version", "type", "code", "name", "level", "kind"]

    let number: Int
    let fields: [String: PluginJSON]
    let location: SourceLocation

    /// The item a line delivers: nil for a series announcement; a thrown message for a bad record.
    static func decode(_ line: Data, number: Int, origin: String) throws(DiagnosticMessage) -> ImportItem? {
        guard case .object(let fields)? = PluginJSON.parse(line) else { throw .recordNotJSON(number) }
        guard fields["version"] == .number("1") else { throw .recordVersion(number) }
        let record = PluginRecord(number: number, fields: fields, location: SourceLocation(file: origin, line: number))
        switch fields["type"] {
        case .string("observation"): return try .observation(record.observation())
        case .string("series"):
            try record.onlyKnownFields(seriesFields)
            guard case .string(let key)? = fields["key"], SeriesKey.isValid(key) else {
                throw .recordSeriesKey(number)
            }
            return nil
        case .string("geography"): return try .unit(record.unit(), record.location)
        default: throw .recordType(number)
        }
    }

    func onlyKnownFields(_ known: [String]) throws(DiagnosticMessage) {
        if let unknown = fields.keys.sorted().first(where: { !known.contains($0) }) {
            throw .recordUnknownField(number, unknown, known: known)
        }
    }

    func text(_ name: String) -> String? {
        guard case .string(let text)? = fields[name] else { return nil }
        return text
    }

    func unit() throws(DiagnosticMessage) -> GeoUnit {
        try onlyKnownFields(Self.geographyFields)
        guard let code = text("code"), !code.isEmpty, let name = text("name"),
              let level = GeoLevel(rawValue: text("level") ?? "") else {
            throw .recordGeographyFields(number, levels: GeoLevel.allCases.map(\.rawValue))
        }
        if let problem = GeoText.codeProblem(code) ?? GeoText.nameProblem(name) { throw problem }
        let kind = GeoKind(rawValue: text("kind") ?? "area") ?? .area
        return GeoUnit(code: code, name: name, level: level, kind: kind)
    }

    func observation() throws(DiagnosticMessage) -> ObservationRecord {
        try onlyKnownFields(Self.observationFields)
        guard let series = text("series"), SeriesKey.isValid(series) else { throw .recordObservationSeries(number) }
        guard let geo = text("geo"), !geo.isEmpty else { throw .recordObservationGeo(number) }
        let period: ParsedPeriod
        do { period = try Period.parse(text("period") ?? "") } catch { throw .recordInvalidPeriod(number, error) }
        guard fields["value"] != nil else { throw .recordValueMissing(number) }
        guard fields["value"] == .null || isNumber(fields["value"]) else { throw .recordValue(number) }
        let value = try optionalNumber("value")
        let n = try optionalNumber("n")
        if let n, n < 0, case .number(let text)? = fields["n"] { throw .recordNegativeN(number, text) }
        let status = (text("status") ?? "").lowercased()
        guard fields["status"] == nil || fields["status"] == .null || text("status") != nil,
              ["", "final", "provisional", "suppressed"].contains(status) else {
            throw .recordStatus(number, status)
        }
        return ObservationRecord(series: series, geo: geo, period: period.period, dimensions: try dimensions(),
                                 value: value, n: n, provisional: status == "provisional" || period.provisional,
                                 suppressed: status == "suppressed", location: location)
    }

    func isNumber(_ value: PluginJSON?) -> Bool {
        guard case .number? = value else { return false }
        return true
    }

    /// A number field read like a CSV number (finite, exact when whole); absent or null is nil.
    func optionalNumber(_ name: String) throws(DiagnosticMessage) -> Double? {
        switch fields[name] {
        case nil, .null?: return nil
        case .number(let text)?:
            switch DecimalSeparator.point.parse(text) {
            case .success(let value): return value
            case .failure(let problem): throw .recordInvalidNumber(number, field: name, problem)
            }
        default: throw .recordNotNumber(number, field: name)
        }
    }

    /// Dimension name → value; every value must be text, because a dropped dimension makes the
    /// record read as the total over that dimension.
    func dimensions() throws(DiagnosticMessage) -> [String: String] {
        switch fields["dimensions"] {
        case nil, .null?: return [:]
        case .object(let object)?:
            var dimensions: [String: String] = [:]
            for (name, value) in object.sorted(by: { $0.key < $1.key }) {
                guard SeriesKey.isIdentifier(name) else {
                    throw .recordDimensions(number, "'\(name)' is not a dimension name")
                }
                guard case .string(let text) = value, !text.isEmpty else {
                    throw .recordDimensions(number, "the value of '\(name)' is not a non-empty string")
                }
                dimensions[name] = text
            }
            return dimensions
        default: throw .recordDimensions(number, "it is not an object")
        }
    }
}
