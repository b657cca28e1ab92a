import Foundation
import ImpactCommandLine
import ImpactCore
import ImpactEngine
import ImpactLanguage
import ImpactSources
import ImpactStore

/// `impact import SOURCE INPUT…`: validate a delivery and commit it as one batch, or nothing.
enum ImportCommand: Command {
    static let dryRun = CommandSpec.Option("--dry-run", help: "validate and run the gates, but write nothing")
    static let quiet = CommandSpec.Option("--quiet", help: "no progress line on a terminal (the summary stays)")
    static let mapping = CommandSpec.Option("--mapping", value: "FILE",
                                            help: "mapping file (wide and statline sources)")
    static let timeout = CommandSpec.Option("--timeout", value: "SECONDS",
                                            help: "how long a plugin may run, or one StatLine request may take "
                                                + "(default 120)")
    static let delimiter = CommandSpec.Option("--delimiter", value: "CHAR",
                                              help: "field delimiter ',' or ';' (default: detected from the header)")
    static let decimal = CommandSpec.Option("--decimal", value: "point|comma",
                                            help: "decimal separator (default: comma when the delimiter is ';')")

    static let spec = CommandSpec(
        name: "import",
        summary: "import a data delivery from a source (csv, wide, statline, geography or a plugin) into the store",
        discussion: """
            Sources: see 'impact sources'. Built in: csv (canonical long format), wide (spreadsheet tables, --mapping),
            statline (CBS OData export, --mapping; or fetched live with --table ID, --base-url for a mirror),
            geography (reference files). Plugins: any executable impact-source-NAME in ./sources or on PATH.
            Every problem is reported as FILE:LINE:COL before anything is written; one import is one
            transaction, so a failed or interrupted import leaves the store unchanged. Importing the same
            figures again changes nothing; changed figures become a new vintage and the old ones are kept.
            The source's gates (declared as 'source ID { expect … }' in the definitions) run before commit:
            'fail' gates reject the delivery, 'warn' gates are reported. \
            --dry-run runs every check and writes nothing.
            """,
        positionals: [.init("SOURCE", help: "source id"),
                      .init("INPUT", minimum: 0, maximum: nil, help: "files, folders or plugin arguments")],
        options: [dryRun, quiet, mapping, timeout, delimiter, decimal, StatLineTableOption.table,
                  StatLineTableOption.baseURL, DefinitionsOption.option, EventImport.eventSource, EventImport.keyFile],
        examples: ["impact import geography fixtures/geography", "impact import csv fixtures/vt-west-brabant/*.csv",
                   "impact import statline fixtures/statline/vt-west-brabant "
                       + "--mapping fixtures/statline/vt-west-brabant.mapping",
                   "impact import statline --table 83765NED --mapping kerncijfers.mapping",
                   "impact import example fixtures/plugin/jaarcijfers-west-brabant.txt --dry-run",
                   "impact import events fixtures/cases/west-brabant --event-source vt_casus_wb "
                       + "--pseudonym-key-file key.txt",
                   "impact import events my_plugin 2018 --event-source vt_casus_wb --pseudonym-key-file key.txt"])

    struct Options {
        let source: String
        /// The files, folders or plugin arguments; with --table, the table's URL (the batch's origin).
        let inputs: [String]
        /// The table to fetch, with --table.
        let live: StatLineTableOption?
        let importOptions: ImportOptions
        let dryRun: Bool
        let quiet: Bool
        /// `--indicators` as given; the context resolves it when the command runs.
        let definitions: String?
        /// `--event-source` and `--pseudonym-key-file` for `impact import events`.
        var events = EventImport.Options()
    }

    static func options(_ arguments: ParsedArguments) throws -> Options {
        let fieldDelimiter = try delimiter(arguments)
        let decimalSeparator: DecimalSeparator? =
            arguments.value(decimal) == nil ? nil : try arguments.choice(decimal, default: .point)
        var options = ImportOptions(delimiter: fieldDelimiter, decimal: decimalSeparator,
                                    mapping: arguments.value(mapping))
        if let seconds = try arguments.integer(timeout) {
            guard seconds > 0 else { throw UsageError("--timeout must be a positive number of seconds") }
            options.timeout = TimeInterval(seconds)
        }
        let source = arguments.positionals[0]
        let inputs = Array(arguments.positionals.dropFirst())
        let live = try StatLineTableOption.decode(arguments, source: source, inputs: inputs, mapping: options.mapping)
        return Options(source: source, inputs: live.map { [$0.tableURL.absoluteString] } ?? inputs, live: live,
                       importOptions: options, dryRun: arguments.has(dryRun), quiet: arguments.has(quiet),
                       definitions: DefinitionsOption.flag(arguments), events: try EventImport.options(arguments))
    }

    static func run(_ options: Options, context: CommandContext) throws -> Int32 {
        let sourceID = options.source
        let inputs = options.inputs
        if sourceID == EventImport.sourceID {
            let plugin = EventImport.plugin(named: inputs)
            if plugin == nil { try EventImport.requireInputs(inputs) }
            return try withStore(options, context: context) { store in
                try EventImport.run(options, plugin: plugin, into: store, context: context)
            }
        }
        if sourceID == "geography" {
            try requireExisting(inputs)
            return try withStore(options, context: context) { store in
                try importGeography(inputs, dryRun: options.dryRun, into: store, context: context)
            }
        }
        let registry = SourceRegistry.standard()
        guard let source = registry.source(sourceID) else {
            let sources = registry.sources.map(\.id) + ["geography", EventImport.sourceID]
            throw UsageError("unknown source '\(sourceID)'",
                             hint: Suggestions.hint(for: sourceID, among: sources)
                                ?? "sources are " + sources.joined(separator: ", ") + " (impact sources)")
        }
        if let live = options.live {
            let fetched = try fetch(live, timeout: options.importOptions.timeout, context: context)
            return try withStore(options, context: context) { store in
                try importData(fetched, options, into: store, context: context)
            }
        }
        if !source.isExternal { try requireExisting(inputs) }
        return try withStore(options, context: context) { store in
            try importData(source, options, into: store, context: context)
        }
    }

    /// Fetches the table before the store is opened: a server that cannot be reached leaves no
    /// store behind, and no write transaction waits for the network.
    static func fetch(_ live: StatLineTableOption, timeout: TimeInterval,
                      context: CommandContext) throws -> StatLineSource {
        let client = ODataClient(timeout: timeout) { url, reason in
            context.error("note: \(reason) from \(url.absoluteString); trying again\n")
        }
        let documents = try StatLineDownload(table: live.table, baseURL: live.baseURL, client: client).fetch()
        let pages = documents.map(\.pages.count).reduce(0, +)
        context.error("fetched table \(live.table): \(documents.count) resources in \(pages) pages\n")
        return StatLineSource(fetched: documents)
    }

    /// The store an import writes into. A dry run needs an existing one; a store this import creates
    /// is removed again when the import writes nothing, so a rejected first delivery or a mistyped
    /// path leaves no empty store behind.
    static func withStore(_ options: Options, context: CommandContext,
                          _ body: (Store) throws -> Int32) throws -> Int32 {
        if options.dryRun { return try body(context.openStore(access: .readWrite)) }
        let path = try context.storePath
        let existed = FileManager.default.fileExists(atPath: path)
        let code: Int32
        do {
            code = try body(context.createStore())
        } catch {
            if !existed { removeStore(path) }
            throw error
        }
        if !existed && code != ExitCode.success { removeStore(path) }
        return code
    }

    private static func removeStore(_ path: String) {
        for file in [path, path + "-wal", path + "-shm"] { try? FileManager.default.removeItem(atPath: file) }
    }

    static func importData(_ source: any DataSource, _ options: Options, into store: Store,
                           context: CommandContext) throws -> Int32 {
        LargeAllocations.returnToSystemWhenFreed()
        let sourceID = options.source
        var importOptions = options.importOptions
        importOptions.geography = try GeographyStore(store: store).load()
        var importer = DataImport(source: source, inputs: options.inputs, options: importOptions)
        let progress = ProgressLine.onTerminal(label: "import", quiet: options.quiet,
                                               expectedRows: source.isExternal ? nil
                                                   : ExpectedRows.estimate(options.inputs))
        defer { progress?.finish() }
        importer.progress = progress
        let named = try context.namedDefinitionsDirectory(options.definitions)
        if let definitions = try definitions(named: named, context: context) {
            importer.gates = definitions.sources.filter { $0.id.value == sourceID }.flatMap(\.gates)
            importer.countSeries = Set(definitions.series.filter { [.count, .persons].contains($0.unit?.value) }
                .map(\.key.value))
            let prebuilt = RollupPrebuild(store: store, definitions: definitions)
            importer.directRows = prebuilt
            importer.afterMerge = { _ in
                try RollupMaintainer(store: store, definitions: definitions).refresh(progress: progress,
                                                                                     prebuilt: prebuilt)
            }
        } else {
            // Without definitions no series is known to be a count, so e.g. no_negative cannot run.
            let folder = DefinitionsOption.defaultDirectory
            context.error("note: no definitions found in '\(folder)'; import gates were not run "
                          + "(pass --indicators DIR to check the delivery against them)\n")
        }
        importer.dryRun = options.dryRun
        let kept = try !CaseResultStore(store: store).kept().isEmpty
        let result = try importer.run(into: store)
        progress?.finish()
        let status = summarize(result, context: context)
        if kept && result.unitsAdded > 0 && result.batchID != nil { noteCaseResultsCleared(context) }
        return status
    }

    static func requireExisting(_ inputs: [String]) throws {
        guard !inputs.isEmpty else {
            throw UsageError("'impact import' needs at least one INPUT file for this source",
                             hint: "usage: \(spec.usage)")
        }
        for input in inputs where !FileManager.default.fileExists(atPath: input) {
            throw CommandFailure(message: "input '\(input)' does not exist", exitCode: ExitCode.failure)
        }
    }

    /// The definitions, when there are any: their gates check the delivery and their series rules
    /// keep the rollups current. Definitions named by flag, environment or `impact.conf` must be there;
    /// the default folder may be absent.
    static func definitions(named: String?, context: CommandContext) throws -> DefinitionSet? {
        guard named != nil || FileManager.default.fileExists(atPath: DefinitionsOption.defaultDirectory) else {
            return nil
        }
        return try context.loadDefinitions(named ?? DefinitionsOption.defaultDirectory)
    }

    static func delimiter(_ arguments: ParsedArguments) throws -> Character? {
        guard let text = arguments.value(delimiter) else { return nil }
        let names: [String: Character] = [",": ",", ";": ";", "comma": ",", "semicolon": ";"]
        guard let character = names[text] else { throw UsageError("--delimiter must be ',' or ';', not '\(text)'") }
        return character
    }

    static func summarize(_ result: ImportResult, context: CommandContext, texts: [String: String] = [:]) -> Int32 {
        context.report(result.diagnostics, dropped: result.droppedDiagnostics, texts: texts)
        if result.failed {
            let problems = result.diagnostics.filter { $0.severity == .error }.count + result.droppedDiagnostics
            context.error("import rejected: \(problems) problem(s); nothing was written\n")
            return ExitCode.findings
        }
        let warnings = result.diagnostics.filter { $0.severity == .warning }.count
        let gateNote = warnings > 0 ? " (\(warnings) warning(s))" : ""
        let units = result.unitsAdded > 0 ? ", \(result.unitsAdded) geography unit(s) added" : ""
        if result.dryRun {
            let wouldAdd = result.unitsAdded > 0 ? " and add \(result.unitsAdded) geography unit(s)" : ""
            context.error("dry run: \(result.rows) rows valid\(gateNote); would add \(result.added) "
                          + "and revise \(result.revised)\(wouldAdd); nothing was written\n")
        } else if let batch = result.batchID {
            context.error("imported batch \(batch): \(result.rows) rows, \(result.added) new, "
                          + "\(result.revised) revised (earlier values kept as history)\(units)\(gateNote)\n")
        } else {
            let earlier = result.identicalBatch.map { "; identical to batch \($0)" } ?? ""
            context.error("unchanged: all \(result.rows) rows equal the current values\(earlier); "
                          + "nothing was written\n")
        }
        return ExitCode.success
    }

    static func importGeography(_ inputs: [String], dryRun: Bool, into store: Store,
                                context: CommandContext) throws -> Int32 {
        let kept = try !CaseResultStore(store: store).kept().isEmpty
        let outcome = try GeographyImport(paths: inputs, dryRun: dryRun).run(into: store)
        if outcome.failed {
            context.report(outcome.diagnostics, dropped: outcome.dropped)
            let problems = outcome.diagnostics.count + outcome.dropped
            context.error("import rejected: \(problems) problem(s); nothing was written\n")
            return ExitCode.findings
        }
        let contents = outcome.contents
        let counts = "\(contents.units.count) units, \(contents.sets.count) region sets, "
            + "\(contents.memberships.count) memberships, \(contents.successions.count) successions"
        if outcome.dryRun {
            context.error("dry run: geography valid (\(counts)); "
                          + (outcome.written ? "would change the reference" : "the reference already holds them")
                          + "; nothing was written\n")
        } else {
            context.error(outcome.written ? "imported geography: \(counts)\n"
                : "unchanged: the geography reference already holds these \(contents.rows) rows; nothing was written\n")
            if kept && outcome.written { noteCaseResultsCleared(context) }
        }
        return ExitCode.success
    }

    /// Kept case results hold rows for the areas and regions of the geography they were kept with.
    static func noteCaseResultsCleared(_ context: CommandContext) {
        context.error("note: the case results kept at import were cleared (the areas changed); case measures "
                      + "compute from the events until: impact store refresh\n")
    }
}
