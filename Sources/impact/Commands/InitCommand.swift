import ImpactCommandLine

/// `impact init`: create (or migrate) a store.
enum InitCommand: Command {
    static let spec = CommandSpec(
        name: "init",
        summary: "create an empty store, or upgrade an existing one to this version's schema",
        discussion: """
            The store is one SQLite file (mode 0600, WAL). Opening an older store migrates it; a store from a newer \
            version is refused.
            """,
        examples: ["impact init --store region.sqlite"])

    static func options(_ arguments: ParsedArguments) throws {}

    static func run(_ options: Void, context: CommandContext) throws -> Int32 {
        let store = try context.createStore()
        context.error("store \(store.path) is ready (schema version \(try store.schemaVersion))\n")
        return ExitCode.success
    }
}
