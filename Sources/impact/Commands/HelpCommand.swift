import ImpactCommandLine
import ImpactCore

/// `impact help [COMMAND]`.
enum HelpCommand: Command {
    static let spec = CommandSpec(
        name: "help",
        summary: "show the list of commands, or one command's options and examples",
        positionals: [.init("COMMAND", minimum: 0, maximum: 1, help: "the command to explain")],
        examples: ["impact help eval"])

    static func options(_ arguments: ParsedArguments) throws -> String? { arguments.positionals.first }

    static func run(_ name: String?, context: CommandContext) throws -> Int32 {
        guard let name else {
            context.write(CLI.overview)
            return ExitCode.success
        }
        guard let command = CLI.command(named: name) else {
            throw UsageError("unknown command '\(name)'",
                             hint: Suggestions.hint(for: name, among: CLI.commands.map { $0.spec.name })
                                ?? "run 'impact --help'")
        }
        context.write(command.spec.help)
        return ExitCode.success
    }
}
