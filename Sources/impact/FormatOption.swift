import ImpactCommandLine
import ImpactCore
import ImpactRender

/// `--format` and `--locale` of the commands that print tables.
enum FormatOption {
    static let option = CommandSpec.Option("--format", value: "FORMAT",
                                           help: "table, csv, json or markdown (default: table)")
    static let locale = CommandSpec.Option("--locale", value: "nl|en",
                                           help: "number format of table and markdown "
                                               + "(default: language in impact.conf, else nl)")

    static func decode(_ arguments: ParsedArguments) throws -> OutputFormat {
        try arguments.choice(option, default: OutputFormat.table)
    }

    /// `--locale` when given; nil leaves the choice to `impact.conf` (read when the command runs).
    static func decodeLocale(_ arguments: ParsedArguments) throws -> NumberLocale? {
        arguments.value(locale) == nil ? nil : try arguments.choice(locale, default: NumberLocale.nl)
    }
}
