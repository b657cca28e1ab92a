import ImpactCommandLine
import ImpactRender

/// `--format` and `--locale` of the commands that print tables.
enum FormatOption {
    static let option = CommandSpec.Option("--format", value: "FORMAT",
                                           help: "table, csv, json or markdown (default: table)")
    static let locale = CommandSpec.Option("--locale", value: "nl|en",
                                           help: "number format of table and markdown (default nl)")

    static func decode(_ arguments: ParsedArguments) throws -> OutputFormat {
        try arguments.choice(option, default: OutputFormat.table)
    }
}
