import ImpactCommandLine
import ImpactCore
import ImpactEngine
import ImpactRender

/// `impact catalogue`: the indicator catalogue with planning and the data actually available.
enum CatalogueCommand: Command {
    static let programme = CommandSpec.Option("--programme", value: "ID",
                                              help: "only this programme (hvb, wb, zl, gld, …)")

    static let spec = CommandSpec(
        name: "catalogue",
        summary: "list the indicators per programme with method, planning status and the data actually in the store",
        discussion: """
            Columns: programme, action line, criterion, indicator, title, method (source), planning, periods and \
            areas with data for every input, date of the last delivery.
            """,
        options: [programme, FormatOption.option] + TablePresentation.all + [DefinitionsOption.option],
        examples: ["impact catalogue --programme hvb", "impact catalogue --format markdown"])

    struct Options {
        let programme: String?
        let format: OutputFormat
        let presentation: TablePresentation
        let definitions: String
    }

    static func options(_ arguments: ParsedArguments) throws -> Options {
        Options(programme: arguments.value(programme), format: try FormatOption.decode(arguments),
                presentation: try TablePresentation(arguments), definitions: DefinitionsOption.directory(arguments))
    }

    static func run(_ options: Options, context: CommandContext) throws -> Int32 {
        let definitions = try context.loadDefinitions(options.definitions)
        if let programme = options.programme, definitions.programme(programme) == nil {
            let programmes = definitions.programmes.map(\.id.value)
            throw UsageError("unknown programme '\(programme)' for --programme",
                             hint: Suggestions.hint(for: programme, among: programmes)
                                ?? "programmes are " + programmes.joined(separator: ", "))
        }
        let session = EvaluationSession(store: try context.openStore(), definitions: definitions)
        context.render(try Catalogue(session: session).table(programme: options.programme), format: options.format,
                       presentation: options.presentation)
        return ExitCode.success
    }
}
