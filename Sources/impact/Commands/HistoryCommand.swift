import ImpactCommandLine
import ImpactCore
import ImpactEngine
import ImpactRender

/// `impact history`: the batches, or every vintage of one figure.
enum HistoryCommand: Command {
    static let geo = CommandSpec.Option("--geo", value: "CODE", help: "area code")
    static let period = CommandSpec.Option("--period", value: "P", help: "period")
    static let dimension = CommandSpec.Option("--dimension", value: "NAME=VALUE", repeatable: true,
                                              help: "a dimension value (default: the total)")

    static let spec = CommandSpec(
        name: "history",
        summary: "list import batches, or every value a figure has had with its batch, origin and time",
        discussion: """
            Without arguments: every batch (id, source, origin, sha256, rows, finished). With SERIES --geo G \
            --period P: every vintage of that figure, the current one last.
            """,
        positionals: [.init("SERIES", minimum: 0, maximum: 1, help: "series key (vt.meldingen)")],
        options: [geo, period, dimension, FormatOption.option, OutputOption.option] + TablePresentation.all,
        examples: ["impact history", "impact history vt.meldingen --geo VTWB --period 2018"])

    /// One figure: its series, area, period and dimensions; nil lists the batches.
    struct Figure {
        let series: String
        let geo: String
        let period: Period
        let dimensions: [String: String]
    }

    struct Options {
        let figure: Figure?
        let format: OutputFormat
        let output: OutputOption.Destination
        let presentation: TablePresentation
    }

    static func options(_ arguments: ParsedArguments) throws -> Options {
        let format = try FormatOption.decode(arguments)
        let output = try OutputOption.decode(arguments)
        let presentation = try TablePresentation(arguments)
        guard let series = arguments.positionals.first else {
            return Options(figure: nil, format: format, output: output, presentation: presentation)
        }
        guard let geo = arguments.value(geo), let periodText = arguments.value(period) else {
            throw UsageError("'impact history SERIES' needs --geo CODE and --period P")
        }
        let parsed: Period
        do { parsed = try Period.parse(periodText).period } catch { throw UsageError("--period: \(error.description)") }
        var dimensions: [String: String] = [:]
        for pair in arguments.all(dimension) {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw UsageError("--dimension expects NAME=VALUE, not '\(pair)'") }
            dimensions[parts[0]] = parts[1]
        }
        return Options(figure: Figure(series: series, geo: geo, period: parsed, dimensions: dimensions), format: format,
                       output: output, presentation: presentation)
    }

    static func run(_ options: Options, context: CommandContext) throws -> Int32 {
        try context.send(to: options.output)
        let store = try context.openStore()
        guard let figure = options.figure else {
            context.render(try History(store: store).batches(), format: options.format,
                           presentation: options.presentation)
            return ExitCode.success
        }
        let (series, geo, period, dimensions) = (figure.series, figure.geo, figure.period, figure.dimensions)
        let table = try History(store: store).vintages(series: series, geo: geo, period: period, dimensions: dimensions)
        if table.rows.isEmpty {
            throw CommandFailure(message: "no figure for \(series) \(geo) \(period.code) in the store",
                                 hint: "check the series key and area with: impact coverage",
                                 exitCode: ExitCode.findings)
        }
        context.render(table, format: options.format, presentation: options.presentation)
        return ExitCode.success
    }
}
