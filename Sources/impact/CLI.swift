import Foundation
import ImpactCommandLine
import ImpactCore
import ImpactStore

enum CLI {
    static let version = "0.1.0"

    static let commands: [any Command.Type] = [
        InitCommand.self, SourcesCommand.self, ImportCommand.self, CheckCommand.self, NewCommand.self,
        ExplainCommand.self, EvalCommand.self, DiffCommand.self, AlertsCommand.self, TestCommand.self,
        ReportCommand.self, CatalogueCommand.self, HistoryCommand.self, CoverageCommand.self, DemoCommand.self,
        AccessCommand.self, PublishCommand.self, StoreCommand.self, CompletionsCommand.self,
        HelpCommand.self,
        VersionCommand.self,
    ]

    static func command(named name: String) -> (any Command.Type)? {
        commands.first { $0.spec.name == name }
    }

    static func run(_ given: [String]) -> Int32 {
        let context = CommandContext()
        let arguments = leadingGlobalOptionsMovedBack(given)
        guard let first = arguments.first else {
            context.error(overview)
            return ExitCode.usage
        }
        switch first {
        case CommandSpec.help.name, "-h": context.write(overview); return ExitCode.success
        case _ where CommandSpec.versionNames.contains(first): return VersionCommand.print(context)
        default: break
        }
        guard let command = command(named: first) else {
            let hint = Suggestions.hint(for: first, among: commands.map { $0.spec.name })
                ?? "run 'impact --help' for the list of commands"
            let message = first.hasPrefix("-") ? "unknown option '\(first)'" : "unknown command '\(first)'"
            context.error(UsageError(message, hint: hint).description + "\n")
            return ExitCode.usage
        }
        return execute(command, Array(arguments.dropFirst()), context: context)
    }

    static func execute<C: Command>(_ command: C.Type, _ arguments: [String], context: CommandContext) -> Int32 {
        do {
            let parsed = try ArgumentParser.parse(arguments, spec: command.spec)
            if parsed.has(CommandSpec.help) {
                context.write(command.spec.help)
                return ExitCode.success
            }
            context.storeOverride = parsed.value(CommandSpec.store)
            let code = try command.run(command.options(parsed), context: context)
            try context.finishOutput()
            return code
        } catch let error as UsageError {
            context.error(error.description + "\n")
            return ExitCode.usage
        } catch let failure as CommandFailure {
            context.error("error: \(failure.message)\n" + (failure.hint.map { "hint: \($0)\n" } ?? ""))
            return failure.exitCode
        } catch let error as StoreError {
            context.error("error: \(error.message)\n")
            return ExitCode.failure
        } catch let diagnostic as Diagnostic {
            context.report([diagnostic])
            return ExitCode.failure
        } catch {
            context.error("error: \(error)\n")
            return ExitCode.failure
        }
    }

    /// `impact --store X import …` means the same as `impact import … --store X`.
    static func leadingGlobalOptionsMovedBack(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var rest = arguments[...]
        while let first = rest.first {
            if first == CommandSpec.store.name, rest.count >= 2 {
                leading += rest.prefix(2)
                rest = rest.dropFirst(2)
            } else if first.hasPrefix(CommandSpec.store.name + "=") {
                leading.append(first)
                rest = rest.dropFirst()
            } else {
                break
            }
        }
        return Array(rest) + leading
    }

    static var overview: String {
        let width = commands.map { $0.spec.name.count }.max() ?? 0
        let list = commands.map { command in
            let name = command.spec.name
            return "  " + name + String(repeating: " ", count: width - name.count + 2) + command.spec.summary
        }
        return """
            impact \(version) — monitoring indicators for regional programmes against domestic violence and \
            child abuse

            USAGE: impact COMMAND [options]

            COMMANDS:
            \(list.joined(separator: "\n"))

            Run 'impact help COMMAND' or 'impact COMMAND --help' for a command's options and examples.
            Global options: --store PATH (or IMPACT_STORE, or store in impact.conf; default ./impact.sqlite), --help,
            --version (-V).

            """
    }
}
