import ImpactCommandLine
import ImpactCore
import ImpactRender
import ImpactSources

/// `impact sources`: the registry of data sources.
enum SourcesCommand: Command {
    static let spec = CommandSpec(
        name: "sources",
        summary: "list the data sources: built in, and plugins found in ./sources and on PATH",
        options: [FormatOption.option, OutputOption.option] + TablePresentation.all,
        examples: ["impact sources", "impact sources --format csv --out sources.csv"])

    struct Options {
        let format: OutputFormat
        let output: OutputOption.Destination
        let presentation: TablePresentation
    }

    static func options(_ arguments: ParsedArguments) throws -> Options {
        Options(format: try FormatOption.decode(arguments), output: try OutputOption.decode(arguments),
                presentation: try TablePresentation(arguments))
    }

    static func run(_ options: Options, context: CommandContext) throws -> Int32 {
        try context.send(to: options.output)
        var table = DataTable(columns: ["id", "kind", "description", "inputs"])
        table.rows = SourceRegistry.standard().sources.map {
            [.text($0.id), .text($0.isExternal ? "external" : "built-in"), .text($0.summary), .text($0.inputs)]
        }
        let geography = "geography reference: units, region sets, memberships, successions"
        table.rows.insert([.text("geography"), .text("built-in"), .text(geography), .text("CSV files or a folder")],
                          at: 3)
        context.render(table, format: options.format, presentation: options.presentation)
        return ExitCode.success
    }
}
