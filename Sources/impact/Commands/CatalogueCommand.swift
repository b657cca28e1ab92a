import ImpactCommandLine
import ImpactCore
import ImpactEngine
import ImpactLanguage
import ImpactRender

/// `impact catalogue`: the indicator catalogue with planning and the data actually available.
enum CatalogueCommand: Command {
    static let programme = CommandSpec.Option("--programme", value: "ID",
                                              help: "only this programme (hvb, wb, zl, gld, …; "
                                                  + "default: programme in impact.conf, else all)")

    static let spec = CommandSpec(
        name: "catalogue",
        summary: "list the indicators per programme with method, planning status and the data actually in the store",
        discussion: """
            Columns: programme, action line, criterion, indicator, title, method (source), planning, periods and \
            areas with data for every input, date of the last delivery.
            """,
        options: [programme, FormatOption.option, OutputOption.option] + TablePresentation.all
            + [DefinitionsOption.option],
        examples: ["impact catalogue --programme hvb", "impact catalogue --format markdown"])

    struct Options {
        let programme: String?
        let format: OutputFormat
        let output: OutputOption.Destination
        let presentation: TablePresentation
        /// `--indicators` as given; the context resolves it when the command runs.
        let definitions: String?
    }

    static func options(_ arguments: ParsedArguments) throws -> Options {
        Options(programme: arguments.value(programme), format: try FormatOption.decode(arguments),
                output: try OutputOption.decode(arguments), presentation: try TablePresentation(arguments),
                definitions: DefinitionsOption.flag(arguments))
    }

    static func run(_ options: Options, context: CommandContext) throws -> Int32 {
        try context.send(to: options.output)
        let definitions = try context.loadDefinitions(options.definitions)
        let configured = try context.projectConfig()?.programme
        let programme = options.programme ?? configured?.value
        if let programme, definitions.programme(programme) == nil {
            let origin = options.programme == nil
                ? "at \(configured?.location ?? ProjectConfig.fileName)" : "for --programme"
            throw unknownProgramme(programme, origin: origin, definitions: definitions)
        }
        let session = EvaluationSession(store: try context.openStore(), definitions: definitions)
        context.render(try Catalogue(session: session).table(programme: programme), format: options.format,
                       presentation: options.presentation)
        return ExitCode.success
    }

    /// `origin` says where the id was written: `for --programme`, or its place in `impact.conf`.
    static func unknownProgramme(_ id: String, origin: String, definitions: DefinitionSet) -> UsageError {
        let programmes = definitions.programmes.map(\.id.value)
        return UsageError("unknown programme '\(id)' \(origin)",
                          hint: Suggestions.hint(for: id, among: programmes)
                             ?? "programmes are " + programmes.joined(separator: ", "))
    }
}
