import Foundation
import ImpactCommandLine
import ImpactCore
import ImpactStore

/// Exit codes, documented in docs/cli.md.
enum ExitCode {
    static let success: Int32 = 0
    /// The input has problems the user must fix (definitions, data files), or alerts fire.
    static let findings: Int32 = 1
    /// The command could not do its job (store unreadable, file missing, I/O).
    static let failure: Int32 = 2
    /// The command line itself is wrong (BSD EX_USAGE).
    static let usage: Int32 = 64
}

/// A command that failed for a reason the user can act on.
struct CommandFailure: Error {
    let message: String
    var hint: String?
    var exitCode: Int32 = ExitCode.failure
}

/// One `impact` command: its declared interface, the decoding and validation of its options into a
/// typed value (no store or file is touched there), and running with them.
protocol Command: Sendable {
    associatedtype Options
    static var spec: CommandSpec { get }
    static func options(_ arguments: ParsedArguments) throws -> Options
    static func run(_ options: Options, context: CommandContext) throws -> Int32
}

enum CLI {
    static let version = "0.1.0"

    static let commands: [any Command.Type] = [
        InitCommand.self, SourcesCommand.self, ImportCommand.self, CheckCommand.self, ExplainCommand.self,
        EvalCommand.self, DiffCommand.self, AlertsCommand.self, TestCommand.self, ReportCommand.self,
        CatalogueCommand.self, HistoryCommand.self, CoverageCommand.self, DemoCommand.self, HelpCommand.self,
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
        case "--help", "-h": context.write(overview); return ExitCode.success
        case "--version": context.write("impact \(version)\n"); return ExitCode.success
        default: break
        }
        guard let command = command(named: first) else {
            let hint = Suggestions.hint(for: first, among: commands.map { $0.spec.name })
                ?? "run 'impact --help' for the list of commands"
            let problem = first.hasPrefix("-") ? "unknown option '\(first)'" : "unknown command '\(first)'"
            context.error(UsageError(problem, hint: hint).description + "\n")
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
            return try command.run(command.options(parsed), context: context)
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
            if first == "--store", rest.count >= 2 {
                leading += rest.prefix(2)
                rest = rest.dropFirst(2)
            } else if first.hasPrefix("--store=") {
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
        let list = commands.map {
            "  " + $0.spec.name + String(repeating: " ", count: width - $0.spec.name.count + 2) + $0.spec.summary
        }
        return """
            impact \(version) — monitoring indicators for regional programmes against domestic violence \
            and child abuse

            USAGE: impact COMMAND [options]

            COMMANDS:
            \(list.joined(separator: "\n"))

            Run 'impact help COMMAND' or 'impact COMMAND --help' for a command's options and examples.
            Global options: --store PATH (or IMPACT_STORE; default ./impact.sqlite), --help, --version.

            """
    }
}
