import ImpactCommandLine
import ImpactEngine

/// `--min-cell N` and `--no-suppress`, shared by every command that publishes figures.
struct DisclosureOptions {
    static let minimumCell = CommandSpec.Option("--min-cell", value: "N",
                                                help: "raise every minimum publishable count to at least N "
                                                    + "(default: each series' min_cell, else 5)")
    static let noSuppress = CommandSpec.Option("--no-suppress",
                                               help: "publish small cells (internal use only; every row is stamped)")
    static let all = [minimumCell, noSuppress]

    let minimumCell: Double?
    let suppress: Bool

    init(_ arguments: ParsedArguments) throws {
        let minimum = try arguments.integer(Self.minimumCell)
        if let minimum, minimum < 1 { throw UsageError("--min-cell must be at least 1, not \(minimum)") }
        minimumCell = minimum.map(Double.init)
        suppress = !arguments.has(Self.noSuppress)
    }

    func publication(_ evaluator: Evaluator) throws -> Publication {
        try Publication(evaluator: evaluator, minimumCell: minimumCell, suppress: suppress)
    }

    static func notes(_ publication: Publication) -> [String] {
        publication.suppress
            ? ["Small cells are suppressed (status suppressed): counts below the minimum cell and cells that would "
                + "reveal them."]
            : ["NOT DISCLOSURE-CONTROLLED (--no-suppress): for internal use only; do not publish."]
    }
}
