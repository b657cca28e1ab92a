import Foundation
import ImpactCore

/// A small `key: value` file that maps a source's columns, codes and topics onto our series,
/// areas and dimensions. `#` starts a comment; keys may hold spaces (`column Aantal Adviezen: vt.adviezen`).
public struct MappingFile: Sendable {
    public struct Entry: Sendable {
        public let key: String
        public let value: String
        public let line: Int
    }

    public let path: String
    public let entries: [Entry]

    public static func read(_ path: String?, source: String, diagnostics: inout DiagnosticList) -> MappingFile? {
        guard let path else {
            diagnostics.append(Diagnostic(.mappingRequired(source: source), file: source))
            return nil
        }
        guard let data = FileManager.default.contents(atPath: path),
              let text = String(data: data, encoding: .utf8) else {
            diagnostics.append(Diagnostic(.unreadableMapping(path), file: path))
            return nil
        }
        var entries: [Entry] = []
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let content = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let line = content.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty else { continue }
            guard let colon = line.range(of: ": ")
                    ?? (line.hasSuffix(":") ? line.range(of: ":", options: .backwards) : nil) else {
                diagnostics.append(Diagnostic(.mappingLineSyntax, file: path, line: offset + 1, column: 1,
                                              length: line.count))
                continue
            }
            entries.append(Entry(key: line[..<colon.lowerBound].trimmingCharacters(in: .whitespaces),
                                 value: line[colon.upperBound...].trimmingCharacters(in: .whitespaces),
                                 line: offset + 1))
        }
        return MappingFile(path: path, entries: entries)
    }

    public func value(_ key: String) -> Entry? { entries.first { $0.key == key } }

    /// Entries whose key starts with `prefix ` (e.g. every `column X: series`), keyed by the rest.
    public func prefixed(_ prefix: String) -> [(name: String, entry: Entry)] {
        entries.filter { $0.key.hasPrefix(prefix + " ") }.map {
            ($0.key.dropFirst(prefix.count + 1).trimmingCharacters(in: .whitespaces), $0)
        }
    }

    /// The message at the entry's line, or for the whole mapping file when the entry is missing.
    public func problem(_ entry: Entry?, _ message: DiagnosticMessage) -> Diagnostic {
        Diagnostic(message, file: path, line: entry?.line ?? 0, column: 1)
    }
}

/// Matches area names from spreadsheets and exports onto geography codes.
struct AreaMatcher {
    let byName: [String: String]
    let codes: Set<String>
    let overrides: [String: String]

    init(geography: Geography, overrides: [String: String]) {
        var names: [String: String] = [:]
        for unit in geography.units.values { names[Self.normal(unit.name)] = unit.code }
        byName = names
        codes = Set(geography.units.keys)
        // Two spellings of one name ("Den Bosch", "den bosch") are one override; the mapping file's
        // own order is lost in a dictionary, so the smaller code wins, deterministically.
        self.overrides = Dictionary(overrides.map { (Self.normal($0.key), $0.value) }) { min($0, $1) }
    }

    static func normal(_ text: String) -> String { text.trimmingCharacters(in: .whitespaces).lowercased() }

    func code(for text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return overrides[Self.normal(trimmed)] ?? (codes.contains(trimmed) ? trimmed : byName[Self.normal(trimmed)])
    }
}
