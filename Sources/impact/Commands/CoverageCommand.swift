import ImpactAlerts
import ImpactCommandLine
import ImpactCompiler
import ImpactCore
import ImpactEngine
import ImpactLanguage
import ImpactRender
import ImpactSources
import ImpactStore

/// `impact coverage`: which series × areas × periods the store holds, and in what state.
enum CoverageCommand: Command {
    static let spec = CommandSpec(
        name: "coverage",
        summary: "show which series × areas × periods are present, provisional, suppressed at source or missing",
        options: [
            .init("--series", value: "KEY", repeatable: true, help: "series to show (default: all)"),
            .init("--geo", value: "CODE", repeatable: true, help: "areas to show (default: every area with a figure of the series)"),
            .init("--format", value: "FORMAT", help: "table, csv, json or markdown (default: table)"),
        ],
        examples: ["impact coverage", "impact coverage --series vt.meldingen --geo VTWB --geo VTZL"])

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let format = try arguments.choice("--format", default: OutputFormat.table)
        let store = try context.openStore()
        let known = try store.database.query("SELECT key FROM series") { $0.string(0)! }
        for key in arguments.all("--series") where !known.contains(key) {
            throw UsageError("no series '\(key)' in the store for --series", hint: Suggestions.hint(for: key, among: known))
        }
        let geos = arguments.all("--geo")
        context.render(try Coverage(store: store).cells(series: arguments.all("--series"), geos: geos.isEmpty ? nil : geos), format: format)
        return ExitCode.success
    }
}
