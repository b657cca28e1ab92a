import ImpactCommandLine

/// `--out FILE|-`, one option for every command that prints data or writes a file: a scheduled job
/// writes its CSV where the next step reads it without a shell redirection, and never leaves a
/// half-written file behind when the command fails.
enum OutputOption {
    static let option = CommandSpec.Option("--out", value: "FILE",
                                           help: "write the output to FILE (replaced in one step) or to stdout with -")

    enum Destination: Equatable {
        case standardOutput
        case file(String)
    }

    /// The destination asked for; nil when `--out` was not given.
    static func destination(_ arguments: ParsedArguments) throws -> Destination? {
        guard let text = arguments.value(option) else { return nil }
        guard !text.isEmpty else { throw UsageError("--out needs a file name, or - for stdout") }
        return text == "-" ? .standardOutput : .file(text)
    }

    /// Where a data command writes: stdout unless `--out FILE`.
    static func decode(_ arguments: ParsedArguments) throws -> Destination {
        try destination(arguments) ?? .standardOutput
    }
}
