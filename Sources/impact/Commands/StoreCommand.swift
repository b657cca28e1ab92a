import Foundation
import ImpactCommandLine
import ImpactEngine
import ImpactStore

/// `impact store copy FROM TO` moves a store, e.g. a region's SQLite file into a shared PostgreSQL
/// store; `impact store refresh` keeps what the import derives for the current definitions.
enum StoreCommand: Command {
    static let spec = CommandSpec(
        name: "store",
        summary: "copy a store into a new, empty one, or keep its case results for the current definitions",
        discussion: """
            copy FROM TO reads FROM without changing it and writes TO in one transaction: every delivery with its \
            vintages and batch numbers, the geography, alert state and rollups. TO is created (a file) or \
            initialised (a PostgreSQL database) when needed and must hold no data yet.

            refresh keeps, in one transaction, the results of every case measure the definitions name for every \
            area and calendar period of its events' years (and the case days of a store from before version 11). \
            An event import does this itself; run refresh after adding or changing a case indicator, so that \
            evaluations read the kept results instead of computing from the events.
            """,
        positionals: [.init("ACTION", help: "copy or refresh"),
                      .init("FROM", minimum: 0, help: "copy: the store to read"),
                      .init("TO", minimum: 0, help: "copy: the new store")],
        options: [DefinitionsOption.option, ImportCommand.quiet],
        examples: ["impact store copy region.sqlite postgresql://owner@db.example/impact",
                   "impact store refresh --indicators indicators"])

    enum Options {
        case copy(from: String, to: String, quiet: Bool)
        case refresh(definitions: String?, quiet: Bool)
    }

    static func options(_ arguments: ParsedArguments) throws -> Options {
        let positionals = arguments.positionals
        if positionals == ["refresh"] {
            return .refresh(definitions: DefinitionsOption.flag(arguments), quiet: arguments.has(ImportCommand.quiet))
        }
        guard positionals.count == 3, positionals[0] == "copy" else {
            throw UsageError("'impact store' takes copy FROM TO, or refresh", hint: "e.g. impact store copy "
                                + "region.sqlite postgresql://owner@db.example/impact")
        }
        guard DefinitionsOption.flag(arguments) == nil else {
            throw UsageError("--indicators belongs to 'impact store refresh'; a copy takes everything as stored")
        }
        guard positionals[1] != positionals[2] else {
            throw UsageError("FROM and TO are the same store", hint: "copy into a new, empty store")
        }
        return .copy(from: positionals[1], to: positionals[2], quiet: arguments.has(ImportCommand.quiet))
    }

    static func run(_ options: Options, context: CommandContext) throws -> Int32 {
        switch options {
        case .copy(let from, let to, let quiet): return try copy(from: from, to: to, quiet: quiet, context: context)
        case .refresh(let definitions, let quiet):
            return try refresh(definitions: definitions, quiet: quiet, context: context)
        }
    }

    static func refresh(definitions flag: String?, quiet: Bool, context: CommandContext) throws -> Int32 {
        let definitions = try context.loadDefinitions(flag)
        let store = try context.openStore(access: .readWrite)
        let progress = ProgressLine.onTerminal(label: "refresh", quiet: quiet, expectedRows: nil)
        defer { progress?.finish() }
        do {
            let kept = try store.database.transaction {
                try CaseResultStore(store: store).sources().map { source in
                    progress?.begin(.caseDays, total: nil)
                    try CaseDayStore(store: store).keep(source: source)
                    return (source, try CaseResultMaintainer(store: store, definitions: definitions)
                        .refresh(source: source, progress: progress))
                }
            }
            progress?.finish()
            for (source, measures) in kept {
                context.error("kept the results of \(measures) case measure(s) over '\(source)'\n")
            }
            if kept.isEmpty { context.error("the store holds no case events: nothing to keep\n") }
        } catch let error as StoreError {
            throw CommandFailure(message: error.message)
        }
        return ExitCode.success
    }

    static func copy(from: String, to: String, quiet: Bool, context: CommandContext) throws -> Int32 {
        let source = try context.store(from, access: .readOnly)
        let target = try context.store(to, access: .create)
        let progress = ProgressLine.onTerminal(label: "store", quiet: quiet, expectedRows: nil)
        defer { progress?.finish() }
        do {
            var copy = StoreCopy(from: source, to: target)
            copy.progress = progress
            let counts = try copy.run()
            progress?.finish()
            let summary = counts.filter { $0.rows > 0 }.map { "\($0.rows) \($0.table)" }.joined(separator: ", ")
            context.error("copied \(from) to \(to): \(summary.isEmpty ? "nothing" : summary)\n")
        } catch let error as StoreError {
            throw CommandFailure(message: error.message)
        }
        return ExitCode.success
    }
}
