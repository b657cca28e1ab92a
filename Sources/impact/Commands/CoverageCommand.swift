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
    static let from = CommandSpec.Option("--from", value: "P",
                                         help: "show only periods from the start of P on (default: the first)")
    static let to = CommandSpec.Option("--to", value: "P",
                                       help: "show only periods up to the end of P (default: the last)")

    static let spec = CommandSpec(
        name: "coverage",
        summary: "show which series × areas × periods are present, provisional, suppressed at source or missing",
        discussion: """
            A period is shown when it lies within --from … --to: a quarter of 2018 with --from 2018, not the \
            year 2018 with --from 2018-Q2.
            """,
        options: [series, geo, from, to, FormatOption.option, OutputOption.option] + TablePresentation.all,
        examples: ["impact coverage", "impact coverage --series vt.meldingen --geo VTWB --geo VTZL",
                   "impact coverage --series vt.meldingen --from 2017 --to 2018"])

    struct Options {
        let series: [String]
        let geos: [String]
        let from: Period?
        let to: Period?
        let format: OutputFormat
        let output: OutputOption.Destination
        let presentation: TablePresentation
    }

    static func options(_ arguments: ParsedArguments) throws -> Options {
        let first = try period(arguments, from)
        let last = try period(arguments, to)
        if let first, let last, last.end <= first.start {
            throw UsageError("--to \(last.code) ends before --from \(first.code) starts",
                             hint: "give the earlier period with --from")
        }
        return Options(series: arguments.all(series), geos: arguments.all(geo), from: first, to: last,
                       format: try FormatOption.decode(arguments), output: try OutputOption.decode(arguments),
                       presentation: try TablePresentation(arguments))
    }

    static func period(_ arguments: ParsedArguments, _ option: CommandSpec.Option) throws -> Period? {
        guard let text = arguments.value(option) else { return nil }
        do { return try Period.parse(text).period } catch {
            throw UsageError("\(option.name): \(error.description)",
                             hint: "periods are written 2018, 2018-H1, 2018-Q3, 2018-03 or 2018-W05")
        }
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
        let table = try Coverage(store: store).cells(series: options.series, geos: geos, from: options.from,
                                                     to: options.to)
        context.render(table, format: options.format, presentation: options.presentation)
        return ExitCode.success
    }
}
