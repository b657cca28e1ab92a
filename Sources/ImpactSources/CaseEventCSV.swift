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

    /// Where each column is, found once from the header, so a row is read by position.
    struct Layout {
        let count: Int
        let caseID: Int, event: Int, date: Int, geo: Int
        let person: Int?, role: Int?
        let dimensions: [(name: String, index: Int)]
    }

    /// Column positions by name; a header is structure, not data, so it may be named in messages.
    private func layout(_ header: CSVRecord, diagnostics: inout DiagnosticList) -> Layout? {
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let positions = Dictionary(names.enumerated().map { ($0.element, $0.offset) }) { first, _ in first }
        let missing = Self.requiredColumns.filter { positions[$0] == nil }
        for column in missing { diagnostics.append(Diagnostic(.eventMissingColumn(column), file: path, line: 1)) }
        guard missing.isEmpty, let caseID = positions["case_id"], let event = positions["event"],
              let date = positions["date"], let geo = positions["geo"] else { return nil }
        let fixed = Set(Self.requiredColumns + Self.optionalColumns)
        let dimensions = positions.filter { !fixed.contains($0.key) }.sorted { $0.value < $1.value }
            .map { (name: $0.key, index: $0.value) }
        return Layout(count: positions.count, caseID: caseID, event: event, date: date, geo: geo,
                      person: positions["person_id"], role: positions["role"], dimensions: dimensions)
    }

    private func parse(_ record: CSVRecord, _ layout: Layout, _ pseudonyms: inout Pseudonyms,
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
        func field(_ index: Int?) -> String { index.map { Self.trimmed(record.fields[$0]) } ?? "" }
        let caseID = field(layout.caseID), event = field(layout.event), dateText = field(layout.date)
        let geo = field(layout.geo), person = field(layout.person), role = field(layout.role)
        for (column, text) in zip(Self.requiredColumns, [caseID, event, dateText, geo]) where text.isEmpty {
            return problem(.eventEmptyField(column))
        }
        guard let date = CivilDate(iso: dateText) else { return problem(.eventInvalidDate) }
        for (column, text) in [("event", event), ("role", role)] where !Self.isName(text) {
            return problem(.eventInvalidName(column))
        }
        var dimensions: [String: String] = [:]
        for dimension in layout.dimensions {
            let value = field(dimension.index)
            if !value.isEmpty { dimensions[dimension.name] = value }
        }
        return CaseEventRecord(caseKey: pseudonyms.of(caseID, domain: .case),
                               personKey: person.isEmpty ? "" : pseudonyms.of(person, domain: .person),
                               role: role, event: event, date: date, geo: geo,
                               dimensions: dimensions, file: path, line: record.line)
    }

    /// Foundation's trimming is slow, and most fields have nothing to trim.
    static func trimmed(_ field: String) -> String {
        guard let first = field.utf8.first, let last = field.utf8.last,
              isASCIIWhitespace(first) || isASCIIWhitespace(last) || first >= 0x80 || last >= 0x80 else { return field }
        return field.trimmingCharacters(in: .whitespaces)
    }

    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// A letter, then letters, digits and `_` (an empty role is allowed: the event names no role).
    /// Event types and roles are stored as written, so a number — perhaps an id in the wrong
    /// column — is refused. ASCII is decided byte by byte; other text by its Unicode properties.
    static func isName(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return true }
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return isASCIILetter(first) && text.utf8.allSatisfy { $0 == 0x5F || isASCIILetter($0) || isASCIIDigit($0) }
        }
        guard let scalar = text.unicodeScalars.first else { return true }
        return CharacterSet.letters.contains(scalar)
            && text.unicodeScalars.allSatisfy { $0 == "_" || CharacterSet.alphanumerics.contains($0) }
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    private static func isASCIIDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

    /// The same id appears on every event of its case: each is hashed once per file.
    struct Pseudonyms {
        enum Domain: String { case `case`, person }

        let key: PseudonymKey
        var known: [Domain: [String: String]] = [.case: [:], .person: [:]]

        mutating func of(_ raw: String, domain: Domain) -> String {
            if let pseudonym = known[domain]?[raw] { return pseudonym }
            let pseudonym = key.pseudonym(raw, domain: domain.rawValue)
            known[domain]?[raw] = pseudonym
            return pseudonym
        }
    }
}
