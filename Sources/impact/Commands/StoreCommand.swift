import Foundation
import ImpactCommandLine
import ImpactStore

/// `impact store copy FROM TO`: moves a store, e.g. a region's SQLite file into a shared PostgreSQL store.
enum StoreCommand: Command {
    static let spec = CommandSpec(
        name: "store",
        summary: "copy everything one store holds into a new, empty one (a SQLite file or a PostgreSQL URL)",
        discussion: """
            copy FROM TO reads FROM without changing it and writes TO in one transaction: every delivery with its \
            vintages and batch numbers, the geography, alert state and rollups. TO is created (a file) or \
            initialised (a PostgreSQL database) when needed and must hold no data yet.
            """,
        positionals: [.init("ACTION", help: "copy"), .init("FROM", help: "the store to read"),
                      .init("TO", help: "the new store")],
        examples: ["impact store copy region.sqlite postgresql://owner@db.example/impact"])

    struct Options {
        let from: String
        let to: String
    }

    static func options(_ arguments: ParsedArguments) throws -> Options {
        let positionals = arguments.positionals
        guard positionals.count == 3, positionals[0] == "copy" else {
            throw UsageError("'impact store' takes copy FROM TO", hint: "e.g. impact store copy region.sqlite "
                                + "postgresql://owner@db.example/impact")
        }
        guard positionals[1] != positionals[2] else {
            throw UsageError("FROM and TO are the same store", hint: "copy into a new, empty store")
        }
        return Options(from: positionals[1], to: positionals[2])
    }

    static func run(_ options: Options, context: CommandContext) throws -> Int32 {
        let source = try context.store(options.from, access: .readOnly)
        let target = try context.store(options.to, access: .create)
        do {
            let counts = try StoreCopy(from: source, to: target).run()
            let summary = counts.filter { $0.rows > 0 }.map { "\($0.rows) \($0.table)" }.joined(separator: ", ")
            context.error("copied \(options.from) to \(options.to): \(summary.isEmpty ? "nothing" : summary)\n")
        } catch let error as StoreError {
            throw CommandFailure(message: error.message)
        }
        return ExitCode.success
    }
}
