import Foundation
import ImpactMonitor

/// `impact import SOURCE INPUT…`: validate a delivery and commit it as one batch, or nothing.
enum ImportCommand: Command {
    static let sources = ["csv", "geography"]

    static let spec = CommandSpec(
        name: "import",
        summary: "import a data delivery (csv) or geography reference files into the store",
        discussion: """
            Sources:
              csv        canonical long format: series,geo,period,value[,n][,status][,dimension…]
              geography  reference files of units, region sets, memberships and successions (files or a directory)
            Every problem is reported as FILE:LINE:COL before anything is written; one import is one
            transaction, so a failed or interrupted import leaves the store unchanged. Importing the same
            figures again changes nothing; changed figures become a new vintage and the old ones are kept.
            """,
        positionals: [.init("SOURCE", help: "csv or geography"), .init("INPUT", maximum: nil, help: "files to read")],
        options: [
            .init("--delimiter", value: "CHAR", help: "field delimiter ',' or ';' (default: detected from the header)"),
            .init("--decimal", value: "point|comma", help: "decimal separator (default: comma when the delimiter is ';')"),
        ],
        examples: ["impact import geography fixtures/geography", "impact import csv fixtures/vt-west-brabant/*.csv"])

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let source = arguments.positionals[0]
        let inputs = Array(arguments.positionals.dropFirst())
        for input in inputs where !FileManager.default.fileExists(atPath: input) {
            throw CommandFailure(message: "input '\(input)' does not exist", exitCode: ExitCode.failure)
        }
        switch source {
        case "csv": return try importCSV(inputs, arguments: arguments, context: context)
        case "geography": return try importGeography(inputs, context: context)
        default:
            throw UsageError("unknown source '\(source)'", hint: Suggestions.hint(for: source, among: sources) ?? "sources are " + sources.joined(separator: ", "))
        }
    }

    static func delimiter(_ arguments: ParsedArguments) throws -> Character? {
        guard let text = arguments.value("--delimiter") else { return nil }
        let names: [String: Character] = [",": ",", ";": ";", "comma": ",", "semicolon": ";"]
        guard let character = names[text] else { throw UsageError("--delimiter must be ',' or ';', not '\(text)'") }
        return character
    }

    static func importCSV(_ inputs: [String], arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let decimal: DecimalSeparator? = arguments.value("--decimal") == nil ? nil : try arguments.choice("--decimal", default: .point)
        let store = try context.openStore()
        let result = try CSVImport(paths: inputs, delimiter: try delimiter(arguments), decimal: decimal).run(into: store)
        return summarize(result, context: context)
    }

    static func summarize(_ result: ImportResult, context: CommandContext) -> Int32 {
        if result.failed {
            context.report(result.diagnostics, dropped: result.droppedDiagnostics)
            context.error("import rejected: \(result.diagnostics.filter { $0.severity == .error }.count + result.droppedDiagnostics) problem(s); nothing was written\n")
            return ExitCode.findings
        }
        if let batch = result.batchID {
            context.error("imported batch \(batch): \(result.rows) rows, \(result.added) new, \(result.revised) revised (earlier values kept as history)\n")
        } else {
            let earlier = result.identicalBatch.map { "; identical to batch \($0)" } ?? ""
            context.error("unchanged: all \(result.rows) rows equal the current values\(earlier); nothing was written\n")
        }
        return ExitCode.success
    }

    static func importGeography(_ inputs: [String], context: CommandContext) throws -> Int32 {
        let outcome = try GeographyImport(paths: inputs).run(into: try context.openStore())
        if outcome.failed {
            context.report(outcome.diagnostics, dropped: outcome.dropped)
            context.error("import rejected: \(outcome.diagnostics.count + outcome.dropped) problem(s); nothing was written\n")
            return ExitCode.findings
        }
        let contents = outcome.contents
        context.error(outcome.written
            ? "imported geography: \(contents.units.count) units, \(contents.sets.count) region sets, \(contents.memberships.count) memberships, \(contents.successions.count) successions\n"
            : "unchanged: the geography reference already holds these \(contents.rows) rows; nothing was written\n")
        return ExitCode.success
    }
}
