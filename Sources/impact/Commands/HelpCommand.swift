import ImpactCommandLine
import ImpactCore

/// `impact help [COMMAND]`.
enum HelpCommand: Command {
    static let spec = CommandSpec(
        name: "help",
        summary: "show the list of commands, or one command's options and examples",
        positionals: [.init("COMMAND", minimum: 0, maximum: 1, help: "the command to explain")],
        options: [man, OutputOption.option],
        examples: ["impact help eval", "impact help --man --out impact.1 && man -l impact.1"])

    static let man = CommandSpec.Option("--man", help: "write the whole manual page (roff) instead")

    struct Options {
        let command: String?
        let manual: Bool
        let output: OutputOption.Destination
    }

    static func options(_ arguments: ParsedArguments) throws -> Options {
        Options(command: arguments.positionals.first, manual: arguments.has(man),
                output: try OutputOption.decode(arguments))
    }

    static func run(_ options: Options, context: CommandContext) throws -> Int32 {
        try context.send(to: options.output)
        if options.manual {
            context.write(manualPage)
            return ExitCode.success
        }
        guard let name = options.command else {
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

    static var manualPage: String {
        ManPage.roff(program: "impact", version: CLI.version,
                     summary: "monitoring indicators for regional programmes against domestic violence and child abuse",
                     commands: CLI.commands.map { $0.spec },
                     environment: [("IMPACT_STORE", "the store when --store is not given "
                                        + "(then store in impact.conf, else ./impact.sqlite)"),
                                   ("IMPACT_INDICATORS", "the definitions when --indicators is not given "
                                        + "(then indicators in impact.conf, else ./indicators)")],
                     exitStatus: [(ExitCode.success, "success"),
                                  (ExitCode.findings, "findings: the input has problems to fix, or an alert fires"),
                                  (ExitCode.failure, "failure: the command could not do its job"),
                                  (ExitCode.usage, "usage: the command line itself is wrong")])
    }
}
