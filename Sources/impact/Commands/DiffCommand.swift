import ImpactCommandLine
import ImpactCompiler
import ImpactCore
import ImpactEngine
import ImpactRender

/// `impact diff A B`: what changed between two periods, for better or worse, and is it real?
enum DiffCommand: Command {
    static let confidence = CommandSpec.Option("--confidence", value: "LEVEL",
                                               help: "confidence level of tests and intervals (default 0.95)")
    static let contributions = CommandSpec.Option("--contributions",
                                                  help: "show each member area's contribution to a region's change")

    static let spec = CommandSpec(
        name: "diff",
        summary: "compare two periods: change, polarity-aware verdict, significance test, reasons when not comparable",
        discussion: """
            Verdicts: improved, worsened, unchanged (no change, or not significant), changed (no better direction),
            not_comparable (with the reason: different period lengths, a declared series break, a boundary change
            without a crosswalk, missing or suppressed values). \
            Tests: poisson_exact for counts and rates, two_proportion
            for percentages with n (Newcombe interval in percentage points); values without a sampling model get no test
            and are never called significant. Municipalities that merged are mapped onto their successor.
            With --contributions, shows per region which member areas drive the change.
            """,
        positionals: [.init("A", help: "earlier period (2017, 2018-H1, …)"), .init("B", help: "later period")],
        options: [IndicatorOption.option] + ProgrammeOption.all + AreaOptions.all
            + [VintageOption.option, confidence, contributions, FormatOption.locale, FormatOption.withWorkbook,
               OutputOption.option] + TablePresentation.all
            + DisclosureOptions.all
            + [DefinitionsOption.option],
        examples: ["impact diff 2017 2018 --geo VTWB",
                   "impact diff 2017 2018 --geo VTWB --indicator wb_meldingen --contributions",
                   "impact diff 2018 2019 --level gemeente --indicator wb_meldingen"])

    struct Options {
        let from: Period
        let to: Period
        let indicators: [String]
        let areas: AreaOptions
        let programme: ProgrammeOption
        let vintage: VintageOption
        let confidence: Double
        let contributions: Bool
        let format: DataFormat
        let output: OutputOption.Destination
        /// `--locale` as given; `language` in `impact.conf` stands in for it.
        let locale: NumberLocale?
        let presentation: TablePresentation
        let disclosure: DisclosureOptions
        /// `--indicators` as given; the context resolves it when the command runs.
        let definitions: String?
    }

    static func options(_ arguments: ParsedArguments) throws -> Options {
        let periods: (Period, Period)
        do {
            periods = (try Period.parse(arguments.positionals[0]).period,
                       try Period.parse(arguments.positionals[1]).period)
        } catch {
            throw UsageError(error.description, hint: "periods are written 2018, 2018-H1, 2018-Q3 or 2018-03")
        }
        var level = 0.95
        if let text = arguments.value(confidence) {
            guard let value = Double(text), value > 0.5, value < 1 else {
                throw UsageError("--confidence must be a number between 0.5 and 1, such as 0.95, not '\(text)'")
            }
            level = value
        }
        return Options(from: periods.0, to: periods.1, indicators: arguments.all(IndicatorOption.option),
                       areas: try AreaOptions(arguments), programme: try ProgrammeOption(arguments),
                       vintage: try VintageOption(arguments), confidence: level,
                       contributions: arguments.has(contributions), format: try FormatOption.decodeData(arguments),
                       output: try OutputOption.decode(arguments), locale: try FormatOption.decodeLocale(arguments),
                       presentation: try TablePresentation(arguments), disclosure: try DisclosureOptions(arguments),
                       definitions: DefinitionsOption.flag(arguments))
    }

    static func run(_ options: Options, context: CommandContext) throws -> Int32 {
        try context.send(to: options.output)
        let locale = try context.language(options.locale)
        let session = try context.session(definitions: options.definitions)
        let (a, b) = (options.from, options.to)
        let geos = try options.programme.regions(options.areas, definitions: session.definitions)
            ?? options.areas.resolve(session.geography(), periods: [b])
        let vintage = try options.vintage.resolve(session.store)
        let ids = try options.programme.indicators(options.indicators, definitions: session.definitions)
        let publication = try options.disclosure.publication(Evaluator(session: session))
        var table: DataTable
        if options.contributions {
            table = DataTable(columns: Contributions.columns, notes: DisclosureOptions.notes(publication))
            try session.store.database.readTransaction {
                for id in ids {
                    for region in geos { table.rows += try contributionRows(id, region, a, b, vintage, publication) }
                }
            }
        } else {
            let note = "Tests at \(NumberText.readable(options.confidence * 100)) % confidence."
            table = DataTable(columns: DiffResult.columns, notes: DisclosureOptions.notes(publication) + [note])
            let diff = PeriodDiff(publication: publication, confidence: options.confidence)
            let human = options.format == .table || options.format == .markdown
            // English keeps the engine's own wording, which names the statuses behind a gap.
            let language = context.renderer(format: .table, presentation: options.presentation).text.language
            let dutch = language == .nl ? ReportText(language: "nl") : nil
            let reasonText: (DiffReason) -> String = { reason in dutch?.reasonWithStatuses(reason) ?? reason.english }
            try session.store.database.readTransaction {
                for id in ids {
                    let results = try diff.diff(id, geos: geos, from: a, to: b, vintage: vintage)
                    table.rows += results.map { $0.row(human: human, locale: locale, reasonText: reasonText) }
                }
            }
        }
        guard let printed = options.format.printed else {
            try context.writeWorkbook(table, sheet: spec.name, definitions: session.definitions,
                                      presentation: options.presentation)
            return ExitCode.success
        }
        context.render(table, format: printed, locale: locale, presentation: options.presentation,
                       units: CommandContext.units(session.definitions))
        return ExitCode.success
    }

    static func contributionRows(_ id: String, _ region: String, _ a: Period, _ b: Period, _ vintage: Vintage,
                                 _ publication: Publication) throws -> [[DataTable.Cell]] {
        let rows = try Contributions(publication: publication).rows(id, region: region, from: a, to: b,
                                                                    vintage: vintage)
        let total = rows.compactMap(\.contribution).reduce(0, +)
        return rows.map { row in
            let share = row.contribution.flatMap { total == 0 ? nil : $0 / total }
            return [.text(id), .text(region), .text(row.member),
                    DataTable.Cell(publication.geography.unit(row.member)?.name), DataTable.Cell(row.contribution),
                    DataTable.Cell(share), DataTable.Cell(row.note)]
        }
    }
}
