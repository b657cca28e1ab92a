import Foundation
import ImpactCommandLine
import ImpactCore

/// `impact.conf`: the settings a project shares, so a team runs `impact eval` from any folder of its
/// checkout without repeating `--store` and `--indicators`. Found in the working directory or its
/// parents; `key = value` lines, `#` comments. Relative paths mean the file's folder, not the
/// folder the command runs in, so the same file works from every subfolder.
struct ProjectConfig {
    static let fileName = "impact.conf"

    enum Key: String, CaseIterable {
        case store, indicators, programme, language
    }

    /// One setting, with where it was written: a value that turns out wrong when a command uses it
    /// (an unknown programme) is reported at its place in the file.
    struct Entry {
        let value: String
        let location: String
    }

    let path: String
    let entries: [Key: Entry]

    var store: String? { entries[.store].map { resolved($0.value) } }
    var indicators: String? { entries[.indicators].map { resolved($0.value) } }
    var programme: Entry? { entries[.programme] }
    /// Validated when the file is read, so this is nil only when the key is absent.
    var language: NumberLocale? { entries[.language].flatMap { NumberLocale(rawValue: $0.value) } }

    /// The nearest `impact.conf` from `directory` up to the root, read; nil when there is none.
    static func find(from directory: String) throws -> ProjectConfig? {
        var folder = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            let candidate = folder.appendingPathComponent(fileName).path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue {
                return try read(candidate)
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }

    /// An unreadable file is a failure (exit 2); a mistake in its text is a usage error (exit 64),
    /// like a wrong option value, since the file holds default options.
    static func read(_ path: String) throws -> ProjectConfig {
        guard let data = FileManager.default.contents(atPath: path),
              let text = String(data: data, encoding: .utf8) else {
            throw CommandFailure(message: "cannot read \(path) as UTF-8 text",
                                 hint: "fix or remove the file; it holds the project's settings")
        }
        return try parse(text, path: path)
    }

    static func parse(_ text: String, path: String) throws -> ProjectConfig {
        var entries: [Key: Entry] = [:]
        for (index, line) in SourceLines.split(text).enumerated() {
            let location = { (column: Int) in "\(path):\(index + 1):\(column)" }
            guard let (key, entry, keyLocation) = try parseLine(line, location: location) else { continue }
            if let earlier = entries[key] {
                throw UsageError(keyLocation + ": '\(key.rawValue)' is set twice",
                                 hint: "it was first set at \(earlier.location)")
            }
            entries[key] = entry
        }
        return ProjectConfig(path: path, entries: entries)
    }

    /// `key = value`, optionally followed by ` # comment`: the key, its value with the value's place,
    /// and the key's place; nil for a blank or comment line.
    private static func parseLine(_ line: String,
                                  location: (Int) -> String) throws -> (Key, Entry, String)? {
        let content = withoutComment(line)
        guard !content.allSatisfy(\.isWhitespace) else { return nil }
        let keyLocation = location(column(of: content.firstIndex { !$0.isWhitespace } ?? content.startIndex,
                                          in: content))
        guard let equals = content.firstIndex(of: "=") else {
            throw UsageError(keyLocation + ": expected 'key = value'", hint: knownKeys)
        }
        let key = try Self.key(content[..<equals].trimmingCharacters(in: .whitespaces), at: keyLocation)
        let rest = content[content.index(after: equals)...]
        let valueLocation = location(column(of: rest.firstIndex { !$0.isWhitespace } ?? rest.startIndex,
                                            in: content))
        let value = rest.trimmingCharacters(in: .whitespaces)
        try check(value, of: key, at: valueLocation)
        return (key, Entry(value: value, location: valueLocation), keyLocation)
    }

    private static func key(_ name: String, at location: String) throws -> Key {
        guard let key = Key(rawValue: name) else {
            let close = Suggestions.hint(for: name, among: Key.allCases.map(\.rawValue))
            throw UsageError(location + ": unknown key '\(name)'",
                             hint: close.map { "\($0) (\(knownKeys))" } ?? knownKeys)
        }
        return key
    }

    private static func check(_ value: String, of key: Key, at location: String) throws {
        guard !value.isEmpty else { throw UsageError(location + ": '\(key.rawValue)' has no value") }
        if key == .language && NumberLocale(rawValue: value) == nil {
            let languages = NumberLocale.allCases.map(\.rawValue).joined(separator: " or ")
            throw UsageError(location + ": language must be \(languages), not '\(value)'")
        }
    }

    static var knownKeys: String { "known keys: " + Key.allCases.map(\.rawValue).joined(separator: ", ") }

    /// A `#` at the start or after a space begins a comment; one inside a word (`a#b`) is kept.
    private static func withoutComment(_ line: String) -> String {
        var previous: Character = " "
        for index in line.indices {
            if line[index] == "#" && previous.isWhitespace { return String(line[..<index]) }
            previous = line[index]
        }
        return line
    }

    private static func column(of index: String.Index, in text: String) -> Int {
        text.distance(from: text.startIndex, to: index) + 1
    }

    private func resolved(_ value: String) -> String {
        guard !value.hasPrefix("/") else { return value }
        let folder = URL(fileURLWithPath: (path as NSString).deletingLastPathComponent)
        return folder.appendingPathComponent(value).standardizedFileURL.path
    }
}
