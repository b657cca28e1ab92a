import Foundation
import ImpactCore
import ImpactStore

/// Decodes one NDJSON case-event record of a plugin (docs/sources.md) and pseudonymises its ids
/// before the record leaves: the same fields and checks as a row of an event file. A bad record is
/// a thrown message that cites the record's number and never a value or an unknown field name.
struct PluginEventRecord {
    static let fields = ["version", "type", "case_id", "person_id", "role", "event", "date", "geo", "dimensions"]
    static let required = ["case_id", "event", "date", "geo"]

    let number: Int
    let fields: [String: PluginJSON]

    static func decode(_ line: Data, number: Int, origin: String,
                       pseudonyms: inout CaseEventCSV.Pseudonyms) throws(DiagnosticMessage) -> CaseEventRecord {
        guard case .object(let fields)? = PluginJSON.parse(line) else { throw .recordNotJSON(number) }
        guard fields["version"] == .number("1") else { throw .recordVersion(number) }
        guard fields["type"] == .string("event") else { throw .eventRecordType(number) }
        guard fields.keys.allSatisfy(Self.fields.contains) else {
            throw .eventRecordUnknownField(number, known: Self.fields)
        }
        return try PluginEventRecord(number: number, fields: fields).record(origin: origin, pseudonyms: &pseudonyms)
    }

    func record(origin: String, pseudonyms: inout CaseEventCSV.Pseudonyms) throws(DiagnosticMessage)
        -> CaseEventRecord {
        for name in Self.required {
            if try text(name).isEmpty { throw .eventEmptyField(name) }
        }
        guard let date = CivilDate(iso: try text("date")) else { throw .eventInvalidDate }
        for name in ["event", "role"] {
            if !CaseEventCSV.isName(try text(name)) { throw .eventInvalidName(name) }
        }
        let person = try text("person_id")
        return CaseEventRecord(caseKey: pseudonyms.of(try text("case_id"), domain: .case),
                               personKey: person.isEmpty ? "" : pseudonyms.of(person, domain: .person),
                               role: try text("role"), event: try text("event"), date: date, geo: try text("geo"),
                               dimensions: try dimensions(), file: origin, line: number)
    }

    /// A field's text, trimmed as a CSV field is; absent or null is empty.
    func text(_ name: String) throws(DiagnosticMessage) -> String {
        switch fields[name] {
        case nil, .null?: return ""
        case .string(let text)?: return CaseEventCSV.trimmed(text)
        default: throw .eventRecordField(number, field: name)
        }
    }

    func dimensions() throws(DiagnosticMessage) -> [String: String] {
        switch fields["dimensions"] {
        case nil, .null?: return [:]
        case .object(let object)?:
            var dimensions: [String: String] = [:]
            for (name, value) in object {
                guard SeriesKey.isIdentifier(name), case .string(let text) = value, !text.isEmpty else {
                    throw .eventRecordDimensions(number)
                }
                dimensions[name] = text
            }
            return dimensions
        default: throw .eventRecordDimensions(number)
        }
    }
}
