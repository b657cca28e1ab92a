import Foundation
import ImpactCore
import ImpactStore

/// Reads a case event file — `case_id,person_id,role,event,date,geo[,dimension…]`, person_id and
/// role optional — and pseudonymises it at the door: the raw case and person ids are replaced by
/// their keyed hashes before a record leaves this reader, and no problem it reports quotes a field.
public struct CaseEventCSV {
    public static let requiredColumns = ["case_id", "event", "date", "geo"]
    public static let optionalColumns = ["person_id", "role"]

    public let path: String
    public let delimiter: Character?
    public let key: PseudonymKey

    public init(path: String, delimiter: Character? = nil, key: PseudonymKey) {
        self.path = path
        self.delimiter = delimiter
        self.key = key
    }

    /// Streams records to `emit`; returns the number of data rows.
    public func read(diagnostics: inout DiagnosticList, emit: (CaseEventRecord) throws -> Void) throws -> Int {
        let reader: CSVReader
        do {
            reader = try CSVReader(path: path, delimiter: delimiter)
        } catch {
            diagnostics.append(error.diagnostic(in: path))
            return 0
        }
        guard let header = reader.next(), let layout = layout(header, diagnostics: &diagnostics) else {
            if diagnostics.items.isEmpty {
                diagnostics.append(Diagnostic(.eventMissingColumn("case_id"), file: path, line: 1))
            }
            return 0
        }
        var pseudonyms = Pseudonyms(key: key)
        var rows = 0
        while let record = reader.next() {
            rows += 1
            if let event = parse(record, layout, &pseudonyms, &diagnostics) { try emit(event) }
        }
        return rows
    }

    /// Column positions by name; a header is structure, not data, so it may be named in messages.
    private func layout(_ header: CSVRecord, diagnostics: inout DiagnosticList) -> [String: Int]? {
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let positions = Dictionary(names.enumerated().map { ($0.element, $0.offset) }) { first, _ in first }
        let missing = Self.requiredColumns.filter { positions[$0] == nil }
        for column in missing { diagnostics.append(Diagnostic(.eventMissingColumn(column), file: path, line: 1)) }
        return missing.isEmpty ? positions : nil
    }

    private func parse(_ record: CSVRecord, _ layout: [String: Int], _ pseudonyms: inout Pseudonyms,
                       _ diagnostics: inout DiagnosticList) -> CaseEventRecord? {
        func problem(_ message: DiagnosticMessage) -> CaseEventRecord? {
            diagnostics.append(Diagnostic(message, file: path, line: record.line))
            return nil
        }
        // A CSV syntax problem is placed without its column: the column could point into an id.
        if let syntax = record.problems.first { return problem(syntax.message) }
        guard record.fields.count == layout.count else {
            return problem(.eventFieldCount(record.fields.count, expected: layout.count))
        }
        func field(_ name: String) -> String {
            layout[name].map { Self.trimmed(record.fields[$0]) } ?? ""
        }
        for column in Self.requiredColumns where field(column).isEmpty { return problem(.eventEmptyField(column)) }
        guard let date = CivilDate(iso: field("date")) else { return problem(.eventInvalidDate) }
        for column in ["event", "role"] where !Self.isName(field(column)) {
            return problem(.eventInvalidName(column))
        }
        let fixed = Set(Self.requiredColumns + Self.optionalColumns)
        let dimensions = Dictionary(layout.filter { !fixed.contains($0.key) && !field($0.key).isEmpty }
            .map { ($0.key, field($0.key)) }) { first, _ in first }
        let person = field("person_id")
        return CaseEventRecord(caseKey: pseudonyms.of(field("case_id"), domain: "case"),
                               personKey: person.isEmpty ? "" : pseudonyms.of(person, domain: "person"),
                               role: field("role"), event: field("event"), date: date, geo: field("geo"),
                               dimensions: dimensions, file: path, line: record.line)
    }

    /// Foundation's trimming is slow, and most fields have nothing to trim.
    static func trimmed(_ field: String) -> String {
        field.first?.isWhitespace == true || field.last?.isWhitespace == true
            ? field.trimmingCharacters(in: .whitespaces) : field
    }

    /// A letter, then letters, digits and `_` (an empty role is allowed: the event names no role).
    /// Event types and roles are stored as written, so a number — perhaps an id in the wrong
    /// column — is refused.
    static func isName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return true }
        return CharacterSet.letters.contains(first)
            && text.unicodeScalars.allSatisfy { $0 == "_" || CharacterSet.alphanumerics.contains($0) }
    }

    /// The same id appears on every event of its case: each is hashed once per file.
    struct Pseudonyms {
        let key: PseudonymKey
        var known: [String: String] = [:]

        mutating func of(_ raw: String, domain: String) -> String {
            let lookup = domain + "\u{0}" + raw
            if let pseudonym = known[lookup] { return pseudonym }
            let pseudonym = key.pseudonym(raw, domain: domain)
            known[lookup] = pseudonym
            return pseudonym
        }
    }
}
