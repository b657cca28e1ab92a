import ImpactCommandLine

/// `impact version`: the same as `impact --version`, for those who type it as a command.
enum VersionCommand: Command {
    static let spec = CommandSpec(
        name: "version",
        summary: "print the version (also: impact --version, impact -V)",
        examples: ["impact version"])

    static func options(_ arguments: ParsedArguments) throws {}

    static func run(_ options: Void, context: CommandContext) throws -> Int32 { print(context) }

    static func print(_ context: CommandContext) -> Int32 {
        context.write("impact \(CLI.version)\n")
        return ExitCode.success
    }
}
