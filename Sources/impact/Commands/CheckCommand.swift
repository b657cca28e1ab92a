import ImpactCommandLine
import ImpactLanguage

/// `impact check`: parse and check every definition, listing every problem.
enum CheckCommand: Command {
    static let spec = CommandSpec(
        name: "check",
        summary: "check the indicator definitions and report every problem with file:line:col",
        options: [DefinitionsOption.option],
        examples: ["impact check", "impact check --indicators my-region/indicators"])

    static func options(_ arguments: ParsedArguments) throws -> String? { DefinitionsOption.flag(arguments) }

    static func run(_ flag: String?, context: CommandContext) throws -> Int32 {
        let directory = try context.definitionsDirectory(flag)
        let loaded = DefinitionLoader.load(directory: directory)
        context.report(loaded.diagnostics)
        if loaded.directoryMissing { return ExitCode.failure }
        let errors = loaded.diagnostics.filter { $0.severity == .error }.count
        if errors > 0 {
            context.error("\(errors) error(s) in \(loaded.files.count) file(s)\n")
            return ExitCode.findings
        }
        let definitions = loaded.definitions
        context.error("ok: \(definitions.series.count) series, \(definitions.indicators.count) indicators, "
                      + "\(definitions.programmes.count) programmes in \(loaded.files.count) file(s)\n")
        return ExitCode.success
    }
}
