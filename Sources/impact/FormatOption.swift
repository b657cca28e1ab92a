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

    /// `--format` of the commands that also write a workbook (`eval`, `diff`).
    static let withWorkbook = CommandSpec.Option("--format", value: "FORMAT",
                                                 help: "table, csv, json, markdown or xlsx "
                                                     + "(default: table; xlsx needs --out FILE.xlsx)")

    static func decode(_ arguments: ParsedArguments) throws -> OutputFormat {
        try arguments.choice(option, default: OutputFormat.table)
    }

    /// A workbook is refused before any work unless `--out FILE` names where it goes: binary bytes
    /// must never reach a terminal or a pipe that expects text.
    static func decodeData(_ arguments: ParsedArguments) throws -> DataFormat {
        let format = try arguments.choice(withWorkbook, default: DataFormat.table)
        guard format == .xlsx else { return format }
        guard case .file? = try OutputOption.destination(arguments) else {
            throw UsageError("--format xlsx writes a binary Excel workbook, so it needs --out FILE",
                             hint: "name the file, for example --out figures.xlsx")
        }
        return format
    }

    /// `--locale` when given; nil leaves the choice to `impact.conf` (read when the command runs).
    static func decodeLocale(_ arguments: ParsedArguments) throws -> NumberLocale? {
        arguments.value(locale) == nil ? nil : try arguments.choice(locale, default: NumberLocale.nl)
    }
}
