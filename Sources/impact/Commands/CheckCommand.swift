import ImpactAlerts
import ImpactCommandLine
import ImpactCompiler
import ImpactCore
import ImpactEngine
import ImpactLanguage
import ImpactRender
import ImpactSources
import ImpactStore

/// `impact check`: parse and check every definition, listing every problem.
enum CheckCommand: Command {
    static let spec = CommandSpec(
        name: "check",
        summary: "check the indicator definitions and report every problem with file:line:col",
        options: [DefinitionsOption.option],
        examples: ["impact check", "impact check --indicators my-region/indicators"])

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let loaded = DefinitionsOption.load(arguments)
        context.report(loaded.diagnostics)
        let errors = loaded.diagnostics.filter { $0.severity == .error }.count
        if errors > 0 {
            context.error("\(errors) error(s) in \(loaded.files.count) file(s)\n")
            return ExitCode.findings
        }
        context.error("ok: \(loaded.definitions.series.count) series, \(loaded.definitions.indicators.count) indicators, \(loaded.definitions.programmes.count) programmes in \(loaded.files.count) file(s)\n")
        return ExitCode.success
    }
}

/// The shared `--indicators DIR` option.
enum DefinitionsOption {
    static let option = CommandSpec.Option("--indicators", value: "DIR", help: "definitions directory (default: ./indicators)")

    static func directory(_ arguments: ParsedArguments) -> String { arguments.value("--indicators") ?? "indicators" }

    static func load(_ arguments: ParsedArguments) -> DefinitionLoader.Loaded {
        DefinitionLoader.load(directory: directory(arguments))
    }

    /// Loads and refuses to go on when the definitions have errors.
    static func loadChecked(_ arguments: ParsedArguments, context: CommandContext) throws -> DefinitionSet {
        let loaded = load(arguments)
        guard !loaded.hasErrors else {
            context.report(loaded.diagnostics)
            throw CommandFailure(message: "the definitions have errors; fix them first (impact check)", exitCode: ExitCode.findings)
        }
        return loaded.definitions
    }
}
