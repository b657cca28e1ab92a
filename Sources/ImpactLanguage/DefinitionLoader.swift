import Foundation
import ImpactCore

/// Loads every `*.ind` file under a directory, parses and checks them together.
public struct DefinitionLoader {
    public struct Loaded: Sendable {
        public var definitions: DefinitionSet
        public var diagnostics: [Diagnostic]
        public var files: [String]
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
        /// The directory itself is not there: an input is missing, not a definition to fix.
        public var directoryMissing: Bool { diagnostics.contains { $0.code == .missingDefinitionsDirectory } }
    }

    public static func load(directory: String) -> Loaded {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            let missing = Diagnostic(.missingDefinitionsDirectory(directory), file: directory)
            return Loaded(definitions: DefinitionSet(), diagnostics: [missing], files: [])
        }
        return load(files: files(in: directory))
    }

    /// The definition files of a directory (and its subdirectories), in a stable order.
    public static func files(in directory: String) -> [String] {
        (FileManager.default.enumerator(atPath: directory)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".ind") }.sorted().map { (directory as NSString).appendingPathComponent($0) }
    }

    /// Names and bytes of the definition files: equal digests mean the same definitions, without
    /// parsing them.
    public static func digest(directory: String) -> String {
        var hasher = SHA256()
        for path in files(in: directory) {
            hasher.update(Array(path.utf8) + [0])
            hasher.update(Array(FileManager.default.contents(atPath: path) ?? Data()) + [0])
        }
        return hasher.finalize()
    }

    public static func load(files: [String]) -> Loaded {
        var sources: [SourceFile] = []
        var diagnostics: [Diagnostic] = []
        for path in files {
            guard let data = FileManager.default.contents(atPath: path),
                  let text = String(data: data, encoding: .utf8) else {
                diagnostics.append(Diagnostic(.unreadableDefinitionFile(path), file: path))
                continue
            }
            sources.append(SourceFile(path: path, text: text))
        }
        var loaded = load(sources: sources)
        loaded.diagnostics = diagnostics + loaded.diagnostics
        loaded.files = files
        return loaded
    }

    /// Parses and checks in-memory sources (used by tests and the fuzzer).
    public static func load(sources: [SourceFile]) -> Loaded {
        var definitions = DefinitionSet()
        var diagnostics: [Diagnostic] = []
        for source in sources {
            let parsed = Parser.parse(source)
            definitions.series += parsed.definitions.series
            definitions.indicators += parsed.definitions.indicators
            definitions.programmes += parsed.definitions.programmes
            definitions.sources += parsed.definitions.sources
            definitions.cases += parsed.definitions.cases
            diagnostics += parsed.diagnostics
        }
        diagnostics += Checker.check(definitions)
        let ordered = diagnostics.enumerated().sorted {
            ($0.element.file, $0.element.line, $0.element.column, $0.offset)
                < ($1.element.file, $1.element.line, $1.element.column, $1.offset)
        }
        return Loaded(definitions: definitions, diagnostics: ordered.map(\.element), files: sources.map(\.path))
    }
}
