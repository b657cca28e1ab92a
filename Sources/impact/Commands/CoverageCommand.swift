import ImpactCommandLine
import ImpactCore
import ImpactEngine
import ImpactRender
import ImpactStore

/// `impact coverage`: which series × areas × periods the store holds, and in what state.
enum CoverageCommand: Command {
    static let series = CommandSpec.Option("--series", value: "KEY", repeatable: true,
                                           help: "series to show (default: all)")
    static let geo = CommandSpec.Option("--geo", value: "CODE", repeatable: true,
                                        help: "areas to show (default: every area with a figure of the series)")

    static let spec = CommandSpec(
        name: "coverage",
        summary: "show which series × areas × periods are present, provisional, suppressed at source or missing",
        options: [series, geo, FormatOption.option, OutputOption.option],
        examples: ["impact coverage", "impact coverage --series vt.meldingen --geo VTWB --geo VTZL"])

    struct Options {
        let series: [String]
        let geos: [String]
        let format: OutputFormat
        let output: OutputOption.Destination
    }

    static func options(_ arguments: ParsedArguments) throws -> Options {
        Options(series: arguments.all(series), geos: arguments.all(geo), format: try FormatOption.decode(arguments),
                output: try OutputOption.decode(arguments))
    }

    static func run(_ options: Options, context: CommandContext) throws -> Int32 {
        try context.send(to: options.output)
        let store = try context.openStore()
        let known = try ObservationSummary(store: store).seriesKeys()
        for key in options.series where !known.contains(key) {
            throw UsageError("no series '\(key)' in the store for --series",
                             hint: Suggestions.hint(for: key, among: known))
        }
        let geos = options.geos.isEmpty ? nil : options.geos
        let table = try Coverage(store: store).cells(series: options.series, geos: geos)
        context.render(table, format: options.format)
        return ExitCode.success
    }
}
