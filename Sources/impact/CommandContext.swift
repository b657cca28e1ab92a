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

    /// Whether the user named a store (`--store` or `IMPACT_STORE`) rather than relying on the default.
    var storeNamed: Bool {
        storeOverride != nil || !(environment["IMPACT_STORE"] ?? "").isEmpty
    }

    /// Opens the store for the commands that write data (`init`, `import`, `demo`), creating and
    /// migrating it; failures name the path and the flag.
    func createStore(path: String? = nil) throws -> Store {
        let location = path ?? storePath
        let directory = (location as NSString).deletingLastPathComponent
        if !directory.isEmpty && !FileManager.default.fileExists(atPath: directory) {
            throw CommandFailure(message: "the directory of store '\(location)' does not exist",
                                 hint: "create it, or pass another --store PATH")
        }
        return try store(location, access: .create)
    }

    /// Opens an existing store, read-only unless the command writes (alert state, caches). A missing
    /// or empty file is refused: answering from a new empty store would hide a mistyped path.
    func openStore(access: StoreAccess = .readOnly) throws -> Store {
        let location = storePath
        let size = try? FileManager.default.attributesOfItem(atPath: location)[.size] as? Int
        guard let size, size > 0 else {
            throw CommandFailure(message: "no store at \(location) (create one with impact init)",
                                 hint: "pass --store PATH or set IMPACT_STORE to use another store")
        }
        return try store(location, access: access)
    }

    /// Read-write where this process may write the store and its directory (caches are kept),
    /// read-only otherwise.
    var cachingAccess: StoreAccess {
        let directory = (storePath as NSString).deletingLastPathComponent
        let manager = FileManager.default
        let writable = manager.isWritableFile(atPath: storePath)
            && manager.isWritableFile(atPath: directory.isEmpty ? "." : directory)
        return writable ? .readWrite : .readOnly
    }

    private func store(_ location: String, access: StoreAccess) throws -> Store {
        do {
            return try Store(path: location, access: access)
        } catch let error as StoreError {
            throw CommandFailure(message: error.message,
                                 hint: "pass --store PATH or set IMPACT_STORE to use another store")
        }
    }

    /// The definitions in `directory`; refuses to go on when they are missing or have errors. Either is
    /// a failure of this command (exit 2): only `check`, whose job is finding them, reports errors as findings.
    func loadDefinitions(_ directory: String) throws -> DefinitionSet {
        let loaded = DefinitionLoader.load(directory: directory)
        guard !loaded.hasErrors else {
            report(loaded.diagnostics)
            throw CommandFailure(message: loaded.directoryMissing
                                    ? "no definitions at \(directory)"
                                    : "the definitions have errors; fix them first (impact check)")
        }
        return loaded.definitions
    }

    /// The one evaluation session of a command: checked definitions and the store, each opened once.
    func session(definitions directory: String, access: StoreAccess = .readOnly) throws -> EvaluationSession {
        let definitions = try loadDefinitions(directory)
        return EvaluationSession(store: try openStore(access: access), definitions: definitions)
    }

    /// Prints diagnostics with the offending source line and caret; `texts` holds files checked
    /// before they were written (`impact new`), by path.
    func report(_ diagnostics: [Diagnostic], dropped: Int = 0, texts: [String: String] = [:]) {
        var cache = texts.mapValues { $0.components(separatedBy: "\n") }
        for diagnostic in diagnostics {
            let lines = cache[diagnostic.file] ?? SourceLines.read(diagnostic.file)
            cache[diagnostic.file] = lines
            let source = diagnostic.line > 0 && diagnostic.line <= lines.count ? lines[diagnostic.line - 1] : nil
            error(diagnostic.rendered(sourceLine: source) + "\n")
        }
        if dropped > 0 { error("… and \(dropped) more problems not shown\n") }
    }

    func render(_ table: DataTable, format: OutputFormat, locale: NumberLocale = .nl,
                presentation: TablePresentation) {
        write(renderer(format: format, locale: locale, presentation: presentation).render(table))
    }

    /// The renderer for this command's output: its format, number locale, language and, unless
    /// `--wide`, the terminal width.
    func renderer(format: OutputFormat, locale: NumberLocale = .nl, presentation: TablePresentation) -> TableRenderer {
        let width = presentation.wide ? nil : TerminalWidth.current(environment: environment)
        return TableRenderer(format: format, locale: locale, text: presentation.text, width: width)
    }
}
