import Foundation
import ImpactCommandLine
import ImpactCore
import ImpactEngine
import ImpactLanguage
import ImpactRender
import ImpactStore

/// `impact eval`: evaluate indicators for areas and periods.
enum EvalCommand: Command {
    static let noCache = CommandSpec.Option("--no-cache",
                                            help: "evaluate from the data even when a cache holds the answer "
                                                + "(benchmarks)")
    static let traceSQL = CommandSpec.Option("--trace-sql",
                                             help: "write each statement run, with its parameters, to stderr "
                                                 + "(as explain prints it)")

    static let spec = CommandSpec(
        name: "eval",
        summary: "evaluate indicators for areas and periods; every number carries its status",
        discussion: """
            Each row: indicator, geo, period, value, numerator, denominator, n, status, flags. Status is one of
            ok, missing, incomplete, overflow, division_by_zero, insufficient_n, provisional, suppressed; \
            missing is never 0.
            Without --period/--from, every year with data is evaluated; \
            without --geo/--level/--region-set, every region.
            """,
        options: [IndicatorOption.option] + ProgrammeOption.all + PeriodOptions.all + AreaOptions.all
            + [VintageOption.option, FormatOption.withWorkbook, OutputOption.option] + TablePresentation.all
            + [noCache, traceSQL]
            + DisclosureOptions.all
            + [DefinitionsOption.option],
        examples: ["impact eval --indicator wb_adviezen_per_melding --geo VTWB --period 2015..2018",
                   "impact eval --level gemeente --period 2018 --format csv",
                   "impact eval --geo VTWB --period 2018 --as-of 2019-03-30",
                   "impact eval --level gemeente --period 2018 --format xlsx --out gemeenten.xlsx"])

    struct Options {
        let arguments: ParsedArguments
        let indicators: [String]
        let periods: PeriodOptions
        let areas: AreaOptions
        let programme: ProgrammeOption
        let vintage: VintageOption
        let format: DataFormat
        let output: OutputOption.Destination
        let presentation: TablePresentation
        let useCache: Bool
        let traceSQL: Bool
        let disclosure: DisclosureOptions
        /// `--indicators` as given; the context resolves it when the command runs.
        let definitions: String?
    }

    static func options(_ arguments: ParsedArguments) throws -> Options {
        Options(arguments: arguments, indicators: arguments.all(IndicatorOption.option),
                periods: try PeriodOptions(arguments), areas: try AreaOptions(arguments),
                programme: try ProgrammeOption(arguments),
                vintage: try VintageOption(arguments), format: try FormatOption.decodeData(arguments),
                output: try OutputOption.decode(arguments), presentation: try TablePresentation(arguments),
                useCache: !arguments.has(noCache) && !arguments.has(traceSQL), traceSQL: arguments.has(traceSQL),
                disclosure: try DisclosureOptions(arguments), definitions: DefinitionsOption.flag(arguments))
    }

    static func run(_ options: Options, context: CommandContext) throws -> Int32 {
        try context.send(to: options.output)
        let directory = try context.definitionsDirectory(options.definitions)
        // Read on another core while the store opens; unused when the output cache answers. Waited for
        // however the command ends: the process must not exit while that thread still works.
        let loading = BackgroundWork { DefinitionLoader.load(directory: directory) }
        defer { _ = loading.result() }
        // The caches are written only where the store may be written; reading never needs to.
        let store = try context.openStore(access: options.useCache ? context.cachingAccess : .readOnly)
        let renderer = context.renderer(format: options.format.printed ?? .csv, presentation: options.presentation)
        // The output cache holds text; a workbook is built from the (cached) results each time.
        let outputKey = options.useCache && options.vintage.text == nil && options.format != .xlsx
            ? outputCacheKey(options, directory, renderer: renderer) : nil
        if let outputKey, let output = try? OutputCache(database: store.database).lookup(outputKey) {
            context.write(output)
            return ExitCode.success
        }
        let definitions = try context.checked(loading.result(), directory: directory)
        let session = EvaluationSession(store: store, definitions: definitions)
        var request = try RequestResolver.request(periods: options.periods, areas: options.areas,
                                                  vintage: options.vintage, session: session)
        if let regions = try options.programme.regions(options.areas, definitions: definitions) {
            request.geos = regions
        }
        let ids = try options.programme.indicators(options.indicators, definitions: session.definitions)
        var evaluator = Evaluator(session: session)
        evaluator.useCache = options.useCache
        if options.traceSQL {
            let dialect = session.generator.dialect.name
            evaluator.trace = { context.error(StatementListing.text($0, dialect: dialect) + "\n") }
        }
        let publication = try options.disclosure.publication(evaluator)
        let evaluation = ConcurrentEvaluation(publication: publication)
        if options.format == .csv {
            // Each indicator's lines are written on the thread that evaluated it.
            let lines = try evaluation.evaluate(ids, request) { TableRenderer.csvLines($0.map(\.row)) }
            let output = TableRenderer.csv(columns: IndicatorResult.columns, lines: lines)
            context.write(utf8: output)
            if let outputKey {
                OutputCache(database: store.database).store(outputKey, String(decoding: output, as: UTF8.self))
            }
            return ExitCode.success
        }
        var table = DataTable(columns: IndicatorResult.columns, notes: DisclosureOptions.notes(publication))
        table.rows = try evaluation.evaluate(ids, request) { $0.map(\.row) }.flatMap { $0 }
        if options.format == .xlsx {
            try context.writeWorkbook(table, sheet: spec.name, definitions: session.definitions,
                                      presentation: options.presentation)
            return ExitCode.success
        }
        let output = renderer.with(units: CommandContext.units(definitions)).render(table)
        context.write(output)
        if let outputKey { OutputCache(database: store.database).store(outputKey, output) }
        return ExitCode.success
    }

    /// Covers the arguments (not where the store and definitions are, nor where the output goes), the
    /// definition files' bytes and the width a text table was fitted to: the same request in a
    /// narrower terminal prints other lines, and the language a table is in (`--lang` or, unseen in the
    /// arguments, `language` in impact.conf).
    static func outputCacheKey(_ options: Options, _ directory: String, renderer: TableRenderer) -> String {
        let fitted = options.format == .table ? renderer.width.map { " \($0)" } ?? "" : ""
        let human = options.format == .table || options.format == .markdown
        let language = human ? " " + renderer.text.language.rawValue : ""
        return OutputCacheKey.make(command: spec.name + fitted + language, arguments: options.arguments,
                                   ignoring: [CommandSpec.store.name, DefinitionsOption.option.name,
                                              OutputOption.option.name],
                                   definitions: DefinitionLoader.digest(directory: directory))
    }
}
