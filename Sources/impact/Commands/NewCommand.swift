import Foundation
import ImpactCommandLine
import ImpactCore
import ImpactLanguage

/// `impact new indicator ID --programme P`: starts an indicator with every field written out and
/// explained, in the file that holds the programme's indicators, so a new one is never typed from
/// memory. The result is checked before the file is touched: a block that would not check is not written.
enum NewCommand: Command {
    static let programme = CommandSpec.Option("--programme", value: "ID",
                                              help: "the programme the indicator belongs to (required)")

    static let spec = CommandSpec(
        name: "new",
        summary: "start a new indicator: a commented block with every field, checked, in the programme's file",
        discussion: """
            Appends the block to the file that holds the programme's last indicator (or, when it has none, the \
            file that declares the programme). The block checks as written: status planned, no value yet. The \
            whole set of definitions is checked with the block before anything is written; when that fails the \
            file stays as it was and the problems are listed (exit 1). Afterwards the output of impact check follows.
            """,
        positionals: [.init("KIND", help: "what to create: indicator"), .init("ID", help: "the new indicator's id")],
        options: [programme, DefinitionsOption.option],
        examples: ["impact new indicator wb_wachttijd --programme wb",
                   "impact new indicator hvb_out10_nazorg --programme hvb --indicators my-region/indicators"])

    struct Options {
        let id: String
        let programme: String
        /// `--indicators` as given; the context resolves it when the command runs.
        let definitions: String?
    }

    static func options(_ arguments: ParsedArguments) throws -> Options {
        let kind = arguments.positionals[0]
        guard kind == "indicator" else {
            throw UsageError("impact new makes indicators, not '\(kind)'",
                             hint: "impact new indicator ID --programme P")
        }
        let id = arguments.positionals[1]
        try checkName(id)
        guard let programmeID = arguments.value(programme) else {
            throw UsageError("'impact new indicator' needs --programme ID", hint: "list them with: impact catalogue")
        }
        return Options(id: id, programme: programmeID, definitions: DefinitionsOption.flag(arguments))
    }

    /// Letters, digits and `_`, as the language writes names; what else an id must be, `check` says.
    static func checkName(_ id: String) throws {
        if id.contains(".") {
            throw UsageError("'\(id)' has a dot: that makes it a series key, not an indicator id",
                             hint: "write it with _ instead, such as \(id.replacingOccurrences(of: ".", with: "_"))")
        }
        guard !id.isEmpty, id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
            throw UsageError("an indicator id is written with letters, digits and _, not '\(id)'")
        }
    }

    static func run(_ options: Options, context: CommandContext) throws -> Int32 {
        let directory = try context.definitionsDirectory(options.definitions)
        let definitions = try context.loadDefinitions(directory)
        if let existing = definitions.indicator(options.id) {
            let place = "\(existing.id.range.file):\(existing.id.range.start.line)"
            throw UsageError("indicator '\(options.id)' already exists (\(place))", hint: "choose another id")
        }
        guard let declared = definitions.programme(options.programme) else {
            let programmes = definitions.programmes.map(\.id.value)
            throw UsageError("unknown programme '\(options.programme)' for --programme",
                             hint: Suggestions.hint(for: options.programme, among: programmes)
                                ?? "programmes are " + programmes.joined(separator: ", "))
        }
        let file = targetFile(declared, definitions: definitions)
        let block = IndicatorTemplate(id: options.id, programme: declared, definitions: definitions).text
        let original = try read(file)
        let separator = original.isEmpty || original.hasSuffix("\n") ? "\n" : "\n\n"
        try precheck(file: file, text: original + separator + block, directory: directory, context: context)
        try append(separator + block, to: file)
        context.error("added indicator \(options.id) to \(file)\n")
        return try CheckCommand.run(directory, context: context)
    }

    /// The file with the programme's last indicator, else the one that declares the programme.
    static func targetFile(_ programme: ProgrammeDeclaration, definitions: DefinitionSet) -> String {
        let indicators = definitions.indicators.filter { $0.programme?.value == programme.id.value }
        return indicators.last?.id.range.file ?? programme.id.range.file
    }

    /// Checks every definition file with `file` read as `text`; lists the problems and refuses when
    /// there are errors, before anything is written.
    static func precheck(file: String, text: String, directory: String, context: CommandContext) throws {
        let sources = try DefinitionLoader.files(in: directory).map { path in
            SourceFile(path: path, text: try path == file ? text : read(path))
        }
        let loaded = DefinitionLoader.load(sources: sources)
        guard loaded.hasErrors else { return }
        context.report(loaded.diagnostics, texts: [file: text])
        throw CommandFailure(message: "the new indicator does not check; \(file) is unchanged",
                             exitCode: ExitCode.findings)
    }

    static func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else { throw CommandFailure(message: "cannot read '\(path)'", hint: "check that it is readable UTF-8 text") }
        return text
    }

    /// Appends in place, so the file keeps its owner and permissions.
    static func append(_ text: String, to path: String) throws {
        do {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            throw CommandFailure(message: "cannot write '\(path)': \(error.localizedDescription)",
                                 hint: "check that the file is writable")
        }
    }
}
