import ImpactAlerts
import ImpactCommandLine
import ImpactCompiler
import ImpactCore
import ImpactEngine
import ImpactLanguage
import ImpactRender
import ImpactSources
import ImpactStore

/// `impact diff A B`: what changed between two periods, for better or worse, and is it real?
enum DiffCommand: Command {
    static let spec = CommandSpec(
        name: "diff",
        summary: "compare two periods: change, polarity-aware verdict, significance test, reasons when not comparable",
        discussion: """
            Verdicts: improved, worsened, unchanged (no change, or not significant), changed (no better direction),
            not_comparable (with the reason: different period lengths, a declared series break, a boundary change
            without a crosswalk, missing or suppressed values). Tests: poisson_exact for counts and rates, two_proportion
            for percentages with n (Newcombe interval in percentage points); values without a sampling model get no test
            and are never called significant. Municipalities that merged are mapped onto their successor.
            With --contributions, shows per region which member areas drive the change.
            """,
        positionals: [.init("A", help: "earlier period (2017, 2018-H1, …)"), .init("B", help: "later period")],
        options: [.init("--indicator", value: "ID", repeatable: true, help: "indicator to compare (default: all with data)")] + RequestOptions.areaOptions + [
            .init("--confidence", value: "LEVEL", help: "confidence level of tests and intervals (default 0.95)"),
            .init("--contributions", help: "show each member area's contribution to a region's change"),
            .init("--locale", value: "nl|en", help: "number format of table and markdown (default nl)"),
            .init("--format", value: "FORMAT", help: "table, csv, json or markdown (default: table)"),
            DisclosureOptions.minimumCell, DisclosureOptions.noSuppress, DefinitionsOption.option,
        ],
        examples: ["impact diff 2017 2018 --geo VTWB", "impact diff 2017 2018 --geo VTWB --indicator wb_meldingen --contributions",
                   "impact diff 2018 2019 --level gemeente --indicator wb_meldingen"])

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let format = try arguments.choice("--format", default: OutputFormat.table)
        let locale = try arguments.choice("--locale", default: NumberLocale.nl)
        let confidence = try self.confidence(arguments)
        let (a, b) = try periods(arguments)
        let definitions = try DefinitionsOption.loadChecked(arguments, context: context)
        let store = try context.openStore()
        let geography = try GeographyStore(store: store).load()
        let geos = try RequestOptions.geos(arguments, geography: geography, periods: [b])
        let vintage = try RequestOptions.vintage(arguments, store: store)
        let ids = try RequestOptions.indicators(arguments, definitions: definitions)
        let publication = try DisclosureOptions.publication(arguments, evaluator: Evaluator(store: store, definitions: definitions), store: store)
        var table: DataTable
        if arguments.has("--contributions") {
            table = DataTable(columns: Contributions.columns, notes: DisclosureOptions.notes(publication))
            try store.database.readTransaction {
                for id in ids { for region in geos { table.rows += try contributionRows(id, region, a, b, vintage, publication) } }
            }
        } else {
            table = DataTable(columns: DiffResult.columns, notes: DisclosureOptions.notes(publication) + ["Tests at \(NumberText.readable(confidence * 100)) % confidence."])
            let diff = PeriodDiff(publication: publication, confidence: confidence)
            try store.database.readTransaction {
                for id in ids {
                    table.rows += try diff.diff(id, geos: geos, from: a, to: b, vintage: vintage).map { $0.row(human: format == .table || format == .markdown, locale: locale) }
                }
            }
        }
        context.render(table, format: format, locale: locale)
        return ExitCode.success
    }

    static func contributionRows(_ id: String, _ region: String, _ a: Period, _ b: Period, _ vintage: Vintage, _ publication: Publication) throws -> [[DataTable.Cell]] {
        let rows = try Contributions(publication: publication).rows(id, region: region, from: a, to: b, vintage: vintage)
        let total = rows.compactMap(\.contribution).reduce(0, +)
        return rows.map { row in
            [.text(id), .text(region), .text(row.member), DataTable.Cell(publication.geography.unit(row.member)?.name),
             DataTable.Cell(row.contribution), DataTable.Cell(row.contribution.flatMap { total == 0 ? nil : $0 / total }), DataTable.Cell(row.note)]
        }
    }

    static func periods(_ arguments: ParsedArguments) throws -> (Period, Period) {
        do {
            return (try Period.parse(arguments.positionals[0]).period, try Period.parse(arguments.positionals[1]).period)
        } catch {
            throw UsageError(error.description, hint: "periods are written 2018, 2018-H1, 2018-Q3 or 2018-03")
        }
    }

    static func confidence(_ arguments: ParsedArguments) throws -> Double {
        guard let text = arguments.value("--confidence") else { return 0.95 }
        guard let value = Double(text), value > 0.5, value < 1 else {
            throw UsageError("--confidence must be a number between 0.5 and 1, such as 0.95, not '\(text)'")
        }
        return value
    }
}
