import Foundation
import ImpactCore
import ImpactEngine
import ImpactLanguage
import ImpactRender
import ImpactStore

/// What every command shares: where the store and definitions are and where output goes.
/// Data goes to stdout (or `--out FILE`), diagnostics and progress to stderr. Each setting is taken
/// from its flag, else the environment, else `impact.conf`, else the default (docs/cli.md).
final class CommandContext {
    var storeOverride: String?
    let environment = ProcessInfo.processInfo.environment
    /// Read on first use, so a command that needs no setting works beside a broken `impact.conf`.
    private var loadedConfig: ProjectConfig??
    private var destination = OutputOption.Destination.standardOutput
    private var buffered = ""
    /// A workbook to write instead of the text, for `--format xlsx`.
    private var binary: [UInt8]?
    /// The store this command opened: a file it writes gets the store's permissions.
    private var openedStore: String?

    var storePath: String {
        get throws {
            try storeOverride ?? environmentValue("IMPACT_STORE") ?? projectConfig()?.store ?? Store.defaultPath
        }
    }

    /// The nearest `impact.conf` from the working directory, read once.
    func projectConfig() throws -> ProjectConfig? {
        if let loadedConfig { return loadedConfig }
        let config = try ProjectConfig.find(from: FileManager.default.currentDirectoryPath)
        loadedConfig = .some(config)
        return config
    }

    /// Where the definitions are: `--indicators`, `IMPACT_INDICATORS`, `impact.conf`, `./indicators`.
    func definitionsDirectory(_ flag: String?) throws -> String {
        try namedDefinitionsDirectory(flag) ?? DefinitionsOption.defaultDirectory
    }

    /// The definitions directory the user named somewhere; nil when only the default applies.
    func namedDefinitionsDirectory(_ flag: String?) throws -> String? {
        try flag ?? environmentValue(DefinitionsOption.environment) ?? projectConfig()?.indicators
    }

    /// The language of reports and the number format of tables: the flag, `impact.conf`, Dutch.
    func language(_ flag: NumberLocale?) throws -> NumberLocale {
        try flag ?? projectConfig()?.language ?? .nl
    }

    private func environmentValue(_ name: String) -> String? {
        environment[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Sends what the command writes to `destination`. A file is checked now, before the command
    /// changes anything (alert state), and written by `finishOutput` when the command succeeds.
    func send(to destination: OutputOption.Destination) throws {
        if case .file(let path) = destination { try OutputFile.checkWritable(path) }
        self.destination = destination
    }

    /// Writes the output kept for `--out FILE` in one rename, with the permissions of the store the
    /// command read (its figures are in the file), or those of an ordinary file.
    func finishOutput() throws {
        guard case .file(let path) = destination else { return }
        let mode = openedStore.map(OutputFile.mode(ofStore:)) ?? 0o644
        if let binary { return try OutputFile.write(Data(binary), to: path, mode: mode) }
        try OutputFile.write(buffered, to: path, mode: mode)
    }

    /// Keeps a workbook for `--out FILE`, written when the command succeeds like any other output.
    func write(_ workbook: Workbook) throws {
        guard case .file = destination else {
            throw CommandFailure(message: "an Excel workbook is written only to a file",
                                 hint: "name the file with --out FILE.xlsx")
        }
        do {
            binary = try workbook.xlsx()
        } catch let error as Workbook.TooLarge {
            throw CommandFailure(message: "cannot write the workbook: \(error.description)",
                                 hint: "ask for fewer rows (--indicator, --period, --geo), or use --format csv")
        }
    }

    /// Writes data; when the reader has gone (`impact eval | head`), stops quietly like other tools.
    func write(_ text: String) {
        if case .file = destination {
            buffered += text
            return
        }
        write(data: Data(text.utf8))
    }

    /// Writes UTF-8 that is already bytes (a large CSV) without making a string of it first.
    func write(utf8 bytes: [UInt8]) {
        if case .file = destination {
            buffered += String(decoding: bytes, as: UTF8.self)
            return
        }
        write(data: Data(bytes))
    }

    private func write(data: Data) {
        Self.widenPipe(for: data.count)
        do { try FileHandle.standardOutput.write(contentsOf: data) } catch { exit(ExitCode.success) }
    }

    /// A large output into a pipe goes in one write when the pipe can hold it: with the default 64 KiB
    /// the writer waits for the reader sixteen times per megabyte. Linux lets any process grow its
    /// pipes to `/proc/sys/fs/pipe-max-size` (1 MiB by default); elsewhere nothing changes.
    private static func widenPipe(for count: Int) {
        #if os(Linux)
        var status = stat()
        guard count > 65_536, fstat(STDOUT_FILENO, &status) == 0, status.st_mode & S_IFMT == S_IFIFO else { return }
        let setPipeSize: Int32 = 1031  // F_SETPIPE_SZ, which Glibc's module leaves out (it needs _GNU_SOURCE)
        _ = fcntl(STDOUT_FILENO, setPipeSize, Int32(min(count, 1 << 20)))
        #endif
    }

    func error(_ text: String) {
        try? FileHandle.standardError.write(contentsOf: Data(text.utf8))
    }

    /// Whether the user named a store (`--store`, `IMPACT_STORE` or `impact.conf`) rather than relying
    /// on the default.
    var storeNamed: Bool {
        get throws {
            try storeOverride != nil || environmentValue("IMPACT_STORE") != nil || projectConfig()?.store != nil
        }
    }

    /// Opens the store for the commands that write data (`init`, `import`, `demo`), creating and
    /// migrating it; failures name the path and the flag.
    func createStore(path: String? = nil) throws -> Store {
        let location = try path ?? storePath
        if StoreLocation.isServer(location) { return try store(location, access: .create) }
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
        let location = try storePath
        if StoreLocation.isServer(location) { return try store(location, access: access) }
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
        get throws {
            let path = try storePath
            if StoreLocation.isServer(path) { return .readOnly }
            let directory = (path as NSString).deletingLastPathComponent
            let manager = FileManager.default
            let writable = manager.isWritableFile(atPath: path)
                && manager.isWritableFile(atPath: directory.isEmpty ? "." : directory)
            return writable ? .readWrite : .readOnly
        }
    }

    /// The store at `location` (a file or a PostgreSQL URL); failures name it and the flag.
    func store(_ location: String, access: StoreAccess) throws -> Store {
        do {
            let store = StoreLocation.isServer(location)
                ? try ServerStore.open(location, access: access)
                : try Store(path: location, access: access)
            openedStore = location
            return store
        } catch let error as StoreError {
            throw CommandFailure(message: error.message,
                                 hint: "pass --store PATH or set IMPACT_STORE to use another store")
        }
    }

    /// The definitions where `flag` (`--indicators`, or a directory already resolved) or else the
    /// environment or `impact.conf` says; refuses to go on when they are missing or have errors. Either
    /// is a failure of this command (exit 2): only `check`, whose job is finding them, reports errors as findings.
    func loadDefinitions(_ flag: String?) throws -> DefinitionSet {
        let directory = try definitionsDirectory(flag)
        return try checked(DefinitionLoader.load(directory: directory), directory: directory)
    }

    /// Definitions loaded from `directory`, or their errors reported and the command failed.
    func checked(_ loaded: DefinitionLoader.Loaded, directory: String) throws -> DefinitionSet {
        guard !loaded.hasErrors else {
            report(loaded.diagnostics)
            throw CommandFailure(message: loaded.directoryMissing
                                    ? "no definitions at \(directory)"
                                    : "the definitions have errors; fix them first (impact check)")
        }
        return loaded.definitions
    }

    /// The one evaluation session of a command: checked definitions and the store, each opened once.
    func session(definitions flag: String?, access: StoreAccess = .readOnly) throws -> EvaluationSession {
        let definitions = try loadDefinitions(flag)
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

    /// `units` (of the rows' indicators) give their values the decimals the report uses.
    func render(_ table: DataTable, format: OutputFormat, locale: NumberLocale = .nl,
                presentation: TablePresentation, units: [String: ImpactLanguage.Unit] = [:]) {
        write(renderer(format: format, locale: locale, presentation: presentation).with(units: units).render(table))
    }

    /// Each indicator's unit by id.
    static func units(_ definitions: DefinitionSet) -> [String: ImpactLanguage.Unit] {
        Dictionary(definitions.indicators.compactMap { indicator in
            indicator.unit.map { (indicator.id.value, $0.value) }
        }, uniquingKeysWith: { first, _ in first })
    }

    /// `--format xlsx`: the table on a sheet named `sheet`, with the words of the table format in
    /// its language (`--lang`) and each value with its indicator's decimals.
    func writeWorkbook(_ table: DataTable, sheet: String, definitions: DefinitionSet,
                       presentation: TablePresentation) throws {
        let text = renderer(format: .table, presentation: presentation).text
        let workbook = TableWorkbook(text: text, units: Self.units(definitions))
        try write(Workbook(sheets: workbook.sheets(table, name: sheet)))
    }

    /// The renderer for this command's output: its format, number locale, language and, unless
    /// `--wide` or the output goes to a file (`--out FILE`), the terminal width.
    func renderer(format: OutputFormat, locale: NumberLocale = .nl, presentation: TablePresentation) -> TableRenderer {
        var toFile = false
        if case .file = destination { toFile = true }
        let width = presentation.wide || toFile ? nil : TerminalWidth.current(environment: environment)
        let configured = (try? projectConfig()?.language).flatMap { TableText.Language(rawValue: $0.rawValue) }
        let language = presentation.language ?? configured ?? .en
        return TableRenderer(format: format, locale: locale, text: TableText(language: language), width: width)
    }
}
