import ImpactCommandLine

/// `impact completions SHELL`: a completion script for bash, zsh or fish, from the command specs.
enum CompletionsCommand: Command {
    static let spec = CommandSpec(
        name: "completions",
        summary: "print a shell completion script (bash, zsh or fish) for every command and option",
        discussion: """
            bash: impact completions bash > /etc/bash_completion.d/impact (or source it from ~/.bashrc).
            zsh: impact completions zsh > "${fpath[1]}/_impact". fish: impact completions fish >
            ~/.config/fish/completions/impact.fish. scripts/install puts all three in place.
            """,
        positionals: [.init("SHELL", help: "bash, zsh or fish")],
        options: [OutputOption.option],
        examples: ["impact completions bash", "impact completions zsh --out ~/.zfunc/_impact"])

    struct Options {
        let shell: ShellCompletion
        let output: OutputOption.Destination
    }

    static func options(_ arguments: ParsedArguments) throws -> Options {
        let name = arguments.positionals[0]
        guard let shell = ShellCompletion(rawValue: name) else {
            let shells = ShellCompletion.allCases.map(\.rawValue)
            throw UsageError("unknown shell '\(name)'", hint: "shells are " + shells.joined(separator: ", "))
        }
        return Options(shell: shell, output: try OutputOption.decode(arguments))
    }

    static func run(_ options: Options, context: CommandContext) throws -> Int32 {
        try context.send(to: options.output)
        context.write(options.shell.script(program: "impact", commands: CLI.commands.map { $0.spec }))
        return ExitCode.success
    }
}
