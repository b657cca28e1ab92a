import ImpactAlerts
import ImpactCommandLine
import ImpactCompiler
import ImpactCore
import ImpactEngine
import ImpactLanguage
import ImpactRender
import ImpactSources
import ImpactStore

/// `impact catalogue`: the indicator catalogue with planning and the data actually available.
enum CatalogueCommand: Command {
    static let spec = CommandSpec(
        name: "catalogue",
        summary: "list the indicators per programme with method, planning status and the data actually in the store",
        discussion: "Columns: programme, action line, criterion, indicator, title, method (source), planning, periods and areas with data for every input, date of the last delivery.",
        options: [
            .init("--programme", value: "ID", help: "only this programme (hvb, wb, zl, gld, …)"),
            .init("--format", value: "FORMAT", help: "table, csv, json or markdown (default: table)"),
            DefinitionsOption.option,
        ],
        examples: ["impact catalogue --programme hvb", "impact catalogue --format markdown"])

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let format = try arguments.choice("--format", default: OutputFormat.table)
        let definitions = try DefinitionsOption.loadChecked(arguments, context: context)
        if let programme = arguments.value("--programme"), definitions.programme(programme) == nil {
            throw UsageError("unknown programme '\(programme)' for --programme",
                             hint: Suggestions.hint(for: programme, among: definitions.programmes.map(\.id.value)) ?? "programmes are " + definitions.programmes.map(\.id.value).joined(separator: ", "))
        }
        let store = try context.openStore()
        context.render(try Catalogue(store: store, definitions: definitions).table(programme: arguments.value("--programme")), format: format)
        return ExitCode.success
    }
}
