import ImpactAlerts
import ImpactCommandLine
import ImpactCompiler
import ImpactCore
import ImpactEngine
import ImpactLanguage
import ImpactRender
import ImpactSources
import ImpactStore

/// `impact history`: the batches, or every vintage of one figure.
enum HistoryCommand: Command {
    static let spec = CommandSpec(
        name: "history",
        summary: "list import batches, or every value a figure has had with its batch, origin and time",
        discussion: "Without arguments: every batch (id, source, origin, sha256, rows, finished). With SERIES --geo G --period P: every vintage of that figure, the current one last.",
        positionals: [.init("SERIES", minimum: 0, maximum: 1, help: "series key (vt.meldingen)")],
        options: [
            .init("--geo", value: "CODE", help: "area code"),
            .init("--period", value: "P", help: "period"),
            .init("--dimension", value: "NAME=VALUE", repeatable: true, help: "a dimension value (default: the total)"),
            .init("--format", value: "FORMAT", help: "table, csv, json or markdown (default: table)"),
        ],
        examples: ["impact history", "impact history vt.meldingen --geo VTWB --period 2018"])

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let format = try arguments.choice("--format", default: OutputFormat.table)
        let store = try context.openStore()
        guard let series = arguments.positionals.first else {
            context.render(try History(store: store).batches(), format: format)
            return ExitCode.success
        }
        guard let geo = arguments.value("--geo"), let periodText = arguments.value("--period") else {
            throw UsageError("'impact history SERIES' needs --geo CODE and --period P")
        }
        let period: Period
        do { period = try Period.parse(periodText).period } catch { throw UsageError("--period: \(error.description)") }
        var dimensions: [String: String] = [:]
        for pair in arguments.all("--dimension") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw UsageError("--dimension expects NAME=VALUE, not '\(pair)'") }
            dimensions[parts[0]] = parts[1]
        }
        let table = try History(store: store).vintages(series: series, geo: geo, period: period, dimensions: dimensions)
        if table.rows.isEmpty {
            throw CommandFailure(message: "no figure for \(series) \(geo) \(period.code) in the store", hint: "check the series key and area with: impact coverage", exitCode: ExitCode.findings)
        }
        context.render(table, format: format)
        return ExitCode.success
    }
}
