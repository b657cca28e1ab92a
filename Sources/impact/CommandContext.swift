import Foundation
import ImpactCore
import ImpactEngine
import ImpactLanguage
import ImpactRender
import ImpactStore

/// What every command shares: where the store is and where output goes.
/// Data goes to stdout, diagnostics and progress to stderr.
final class CommandContext {
    var storeOverride: String?
    let environment = ProcessInfo.processInfo.environment

    var storePath: String {
        storeOverride ?? environment["IMPACT_STORE"].flatMap { $0.isEmpty ? nil : $0 } ?? Store.defaultPath
    }

    /// Writes data; when the reader has gone (`impact eval | head`), stops quietly like other tools.
    func write(_ text: String) {
        do { try FileHandle.standardOutput.write(contentsOf: Data(text.utf8)) } catch { exit(ExitCode.success) }
    }

    func error(_ text: String) {
        try? FileHandle.standardError.write(contentsOf: Data(text.utf8))
    }

    /// Opens the store, creating and migrating it; failures name the path and the flag.
    func openStore(path: String? = nil) throws -> Store {
        let location = path ?? storePath
        let directory = (location as NSString).deletingLastPathComponent
        if !directory.isEmpty && !FileManager.default.fileExists(atPath: directory) {
            throw CommandFailure(message: "the directory of store '\(location)' does not exist",
                                 hint: "create it, or pass another --store PATH")
        }
        do {
            return try Store(path: location)
        } catch let error as StoreError {
            throw CommandFailure(message: error.message,
                                 hint: "pass --store PATH or set IMPACT_STORE to use another store")
        }
    }

    /// The definitions in `directory`; refuses to go on when they have errors.
    func loadDefinitions(_ directory: String) throws -> DefinitionSet {
        let loaded = DefinitionLoader.load(directory: directory)
        guard !loaded.hasErrors else {
            report(loaded.diagnostics)
            throw CommandFailure(message: "the definitions have errors; fix them first (impact check)",
                                 exitCode: ExitCode.findings)
        }
        return loaded.definitions
    }

    /// The one evaluation session of a command: checked definitions and the store, each opened once.
    func session(definitions directory: String) throws -> EvaluationSession {
        let definitions = try loadDefinitions(directory)
        return EvaluationSession(store: try openStore(), definitions: definitions)
    }

    /// Prints diagnostics with the offending source line and caret.
    func report(_ diagnostics: [Diagnostic], dropped: Int = 0) {
        var cache: [String: [String]] = [:]
        for diagnostic in diagnostics {
            let lines = cache[diagnostic.file] ?? SourceLines.read(diagnostic.file)
            cache[diagnostic.file] = lines
            let source = diagnostic.line > 0 && diagnostic.line <= lines.count ? lines[diagnostic.line - 1] : nil
            error(diagnostic.rendered(sourceLine: source) + "\n")
        }
        if dropped > 0 { error("… and \(dropped) more problems not shown\n") }
    }

    func render(_ table: DataTable, format: OutputFormat, locale: NumberLocale = .nl) {
        write(TableRenderer(format: format, locale: locale).render(table))
    }
}
