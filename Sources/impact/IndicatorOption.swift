import ImpactCommandLine
import ImpactCore
import ImpactLanguage

/// `--indicator ID` (repeatable): which indicators a command evaluates.
enum IndicatorOption {
    static let option = CommandSpec.Option("--indicator", value: "ID", repeatable: true,
                                           help: "indicator to evaluate (default: all with a value)")

    /// The requested ids, checked against the definitions; all with a value when none was asked for.
    static func resolve(_ requested: [String], definitions: DefinitionSet) throws -> [String] {
        for id in requested where definitions.indicator(id) == nil {
            throw UsageError("unknown indicator '\(id)' for --indicator",
                             hint: Suggestions.hint(for: id, among: definitions.indicators.map(\.id.value))
                                ?? "list them with: impact catalogue")
        }
        for id in requested {
            guard let indicator = definitions.indicator(id), indicator.value == nil else { continue }
            let note = indicator.statusNote.map { ", \($0)" } ?? ""
            let status = indicator.status.rawValue
            throw CommandFailure(message: "indicator '\(id)' has no value yet (planning status: \(status)\(note))",
                                 exitCode: ExitCode.findings)
        }
        return requested.isEmpty ? definitions.indicators.filter { $0.value != nil }.map(\.id.value) : requested
    }
}
