import ImpactAlerts
import ImpactCommandLine
import ImpactCompiler
import ImpactCore
import ImpactEngine
import ImpactLanguage
import ImpactRender
import ImpactSources
import ImpactStore

/// `--min-cell N` and `--no-suppress`, shared by every command that publishes figures.
enum DisclosureOptions {
    static let minimumCell = CommandSpec.Option("--min-cell", value: "N", help: "minimum publishable count (default: from the definitions, else 5)")
    static let noSuppress = CommandSpec.Option("--no-suppress", help: "publish small cells (internal use only; every row is stamped)")

    static func publication(_ arguments: ParsedArguments, evaluator: Evaluator, store: Store) throws -> Publication {
        let minimum = try arguments.integer("--min-cell")
        if let minimum, minimum < 1 { throw UsageError("--min-cell must be at least 1, not \(minimum)") }
        return Publication(evaluator: evaluator, geography: try GeographyStore(store: store).load(),
                           minimumCell: minimum.map(Double.init), suppress: !arguments.has("--no-suppress"))
    }

    static func notes(_ publication: Publication) -> [String] {
        publication.suppress
            ? ["Small cells are suppressed (status suppressed): counts below the minimum cell and cells that would reveal them."]
            : ["NOT DISCLOSURE-CONTROLLED (--no-suppress): for internal use only; do not publish."]
    }
}
