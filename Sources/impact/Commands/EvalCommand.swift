import Foundation
import ImpactAlerts
import ImpactCommandLine
import ImpactCompiler
import ImpactCore
import ImpactEngine
import ImpactLanguage
import ImpactRender
import ImpactSources
import ImpactStore

/// `impact eval`: evaluate indicators for areas and periods.
enum EvalCommand: Command {
    static let spec = CommandSpec(
        name: "eval",
        summary: "evaluate indicators for areas and periods; every number carries its status",
        discussion: """
            Each row: indicator, geo, period, value, numerator, denominator, n, status, flags. Status is one of
            ok, missing, incomplete, division_by_zero, insufficient_n, provisional, suppressed; missing is never 0.
            Without --period/--from, every year with data is evaluated; without --geo/--level/--region-set, every region.
            """,
        options: [
            .init("--indicator", value: "ID", repeatable: true, help: "indicator to evaluate (default: all with a value)"),
            .init("--period", value: "P", help: "period or range: 2018, 2018-H1, 2015..2018"),
            .init("--from", value: "P", help: "first period (with --to)"),
            .init("--to", value: "P", help: "last period (with --from)"),
        ] + RequestOptions.areaOptions + [
            .init("--format", value: "FORMAT", help: "table, csv, json or markdown (default: table)"),
            .init("--no-cache", help: "evaluate from the data even when the result cache holds the answer (benchmarks)"),
            DisclosureOptions.minimumCell, DisclosureOptions.noSuppress,
            DefinitionsOption.option,
        ],
        examples: ["impact eval --indicator wb_adviezen_per_melding --geo VTWB --period 2015..2018",
                   "impact eval --level gemeente --period 2018 --format csv",
                   "impact eval --geo VTWB --period 2018 --as-of 2019-03-30"])

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let format = try arguments.choice("--format", default: OutputFormat.table)
        // Only an existing store can hold an answer; looking must not create one.
        let cacheable = !arguments.has("--no-cache") && arguments.value("--as-of") == nil && FileManager.default.fileExists(atPath: context.storePath)
        let outputKey = cacheable ? OutputCacheKey.make(command: spec.name, arguments: arguments, ignoring: ["--store", "--indicators"],
                                                    definitions: DefinitionLoader.digest(directory: DefinitionsOption.directory(arguments))) : nil
        if let outputKey, let store = try? context.openStore(), let output = try? OutputCache(database: store.database).lookup(outputKey) {
            context.write(output)
            return ExitCode.success
        }
        let definitions = try DefinitionsOption.loadChecked(arguments, context: context)
        let store = try context.openStore()
        let request = try RequestOptions.request(arguments, store: store)
        let ids = try RequestOptions.indicators(arguments, definitions: definitions)
        var evaluator = Evaluator(store: store, definitions: definitions)
        evaluator.useCache = !arguments.has("--no-cache")
        let publication = try DisclosureOptions.publication(arguments, evaluator: evaluator, store: store)
        var table = DataTable(columns: IndicatorResult.columns, notes: DisclosureOptions.notes(publication))
        try store.database.readTransaction {
            for id in ids {
                table.rows += try publication.evaluate(id, request).map(\.row)
            }
        }
        let output = TableRenderer(format: format, locale: .nl).render(table)
        context.write(output)
        if let outputKey { OutputCache(database: store.database).store(outputKey, output) }
        return ExitCode.success
    }
}
