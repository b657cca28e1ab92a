import Foundation
import ImpactCommandLine
import ImpactCore
import ImpactEngine
import ImpactSources
import ImpactStore

/// `impact import events FILE… --event-source NAME`: case events, pseudonymised with the key from
/// `--pseudonym-key-file` or `IMPACT_PSEUDONYM_KEY` (never stored), as one batch.
enum EventImport {
    static let sourceID = "events"
    static let eventSource = CommandSpec.Option("--event-source", value: "NAME",
                                                help: "events: the case data the events belong to (default events)")
    static let keyFile = CommandSpec.Option("--pseudonym-key-file", value: "FILE",
                                            help: "events: the pseudonym key (else IMPACT_PSEUDONYM_KEY)")

    struct Options {
        var source = "events"
        var keyFile: String?
    }

    static func options(_ arguments: ParsedArguments) throws -> Options {
        let name = arguments.value(eventSource) ?? "events"
        guard !name.isEmpty, name.unicodeScalars.allSatisfy({ $0 == "_" || $0.properties.isAlphabetic
            || ("0"..."9").contains($0) }) else {
            throw UsageError("--event-source must be a name of letters, digits and _")
        }
        return Options(source: name, keyFile: arguments.value(keyFile))
    }

    /// The plugin `impact import events PLUGIN ARGS…` reads from: the first input, when no file or
    /// folder has that name and a plugin `impact-source-PLUGIN` is registered.
    static func plugin(named inputs: [String]) -> PluginSource? {
        guard let first = inputs.first, !FileManager.default.fileExists(atPath: first) else { return nil }
        return SourceRegistry.standard().source(first) as? PluginSource
    }

    /// Event files or folders that must exist; a first input that is neither names the plugin it
    /// may have been meant as.
    static func requireInputs(_ inputs: [String]) throws {
        if let first = inputs.first, !FileManager.default.fileExists(atPath: first) {
            throw CommandFailure(message: "input '\(first)' is no file or folder, and no plugin "
                                     + "\(SourceRegistry.pluginPrefix)\(first) is registered",
                                 hint: "give event files or folders, or the id of a plugin in ./sources or on PATH "
                                     + "(impact sources)", exitCode: ExitCode.failure)
        }
        try ImportCommand.requireExisting(inputs)
    }

    static func run(_ options: ImportCommand.Options, plugin: PluginSource?, into store: Store,
                    context: CommandContext) throws -> Int32 {
        if let plugin {
            return try runPlugin(plugin, options, into: store, context: context)
        }
        var delivery = CaseEventDelivery(source: options.events.source, inputs: options.inputs,
                                         key: try key(options.events.keyFile, context: context))
        delivery.delimiter = options.importOptions.delimiter
        delivery.dryRun = options.dryRun
        let progress = ProgressLine.onTerminal(label: "import", quiet: options.quiet,
                                               expectedRows: ExpectedRows.estimate(delivery.files))
        defer { progress?.finish() }
        delivery.progress = progress
        delivery.afterMerge = try keepResults(options, into: store, progress: progress, context: context)
        let result = try delivery.run(into: store)
        progress?.finish()
        // Never quote a line of an event file: it holds raw ids.
        let blank = Dictionary(delivery.files.map { ($0, "") }) { first, _ in first }
        return ImportCommand.summarize(result, context: context, texts: blank)
    }

    static func runPlugin(_ plugin: PluginSource, _ options: ImportCommand.Options, into store: Store,
                          context: CommandContext) throws -> Int32 {
        var delivery = PluginEventDelivery(source: options.events.source, plugin: plugin,
                                           arguments: Array(options.inputs.dropFirst()),
                                           key: try key(options.events.keyFile, context: context))
        delivery.timeout = options.importOptions.timeout
        delivery.dryRun = options.dryRun
        let progress = ProgressLine.onTerminal(label: "import", quiet: options.quiet, expectedRows: nil)
        defer { progress?.finish() }
        delivery.progress = progress
        delivery.afterMerge = try keepResults(options, into: store, progress: progress, context: context)
        let result = try delivery.run(into: store)
        progress?.finish()
        // The plugin's output is never quoted: it holds raw ids.
        return ImportCommand.summarize(result, context: context, texts: [delivery.origin: ""])
    }

    /// What keeps the source's case results in the import, with the definitions when there are any;
    /// without them the results are only cleared and evaluations compute from the events.
    static func keepResults(_ options: ImportCommand.Options, into store: Store, progress: ProgressLine?,
                            context: CommandContext) throws -> ((CaseEventChange) throws -> Void)? {
        let named = try context.namedDefinitionsDirectory(options.definitions)
        guard let definitions = try ImportCommand.definitions(named: named, context: context) else {
            if !options.dryRun {
                context.error("note: no definitions found in '\(DefinitionsOption.defaultDirectory)'; no case "
                              + "results are kept (pass --indicators DIR to keep those of its case measures)\n")
            }
            return nil
        }
        let source = options.events.source
        return CaseResultMaintainer(store: store, definitions: definitions).keeping(source: source, progress: progress)
    }

    static func key(_ file: String?, context: CommandContext) throws -> PseudonymKey {
        do {
            return try PseudonymKey.load(file: file, environment: context.environment)
        } catch .missing {
            throw CommandFailure(message: "case events need a pseudonym key: none was given",
                                 hint: "pass --pseudonym-key-file FILE or set \(PseudonymKey.environmentVariable); "
                                     + "create one with: openssl rand -hex 32 > key.txt (keep it out of the store "
                                     + "and the repository, see docs/privacy.md)")
        } catch .unreadable(let path) {
            throw CommandFailure(message: "cannot read the pseudonym key file '\(path)'")
        } catch .tooShort(let length) {
            throw CommandFailure(message: "the pseudonym key has \(length) bytes; at least "
                                     + "\(PseudonymKey.minimumLength) are needed",
                                 hint: "create one with: openssl rand -hex 32 > key.txt")
        }
    }
}
