import ImpactCore
import ImpactLanguage
import ImpactStore

/// The programme catalogue in the style of the Hart van Brabant appendix 1: per indicator its
/// criterion, action line, measurement method, planning, and the data the store actually holds.
public struct Catalogue {
    public let session: EvaluationSession
    private var definitions: DefinitionSet { session.definitions }

    public init(session: EvaluationSession) { self.session = session }

    public static let columns = ["programme", "line", "criterion", "indicator", "title", "method", "planning", "periods", "areas", "last_delivery"]

    /// Rows ordered by programme, action line, then outcome criteria before the outputs serving them.
    public func table(programme: String? = nil) throws -> DataTable {
        var table = DataTable(columns: Self.columns)
        let order: [Criterion: Int] = [.outcome: 0, .output: 1, .context: 2]
        let indicators = definitions.indicators
            .filter { programme == nil || $0.programme?.value == programme }
            .enumerated()
            .sorted { ($0.element.programme?.value ?? "", $0.element.line?.value ?? "", order[$0.element.criterion ?? .context] ?? 3, $0.offset)
                    < ($1.element.programme?.value ?? "", $1.element.line?.value ?? "", order[$1.element.criterion ?? .context] ?? 3, $1.offset) }
            .map(\.element)
        for indicator in indicators {
            let availability = try self.availability(indicator)
            let lineTitle = indicator.programme.flatMap { definitions.programme($0.value) }?.lines.first { $0.id.value == indicator.line?.value }?.title
            table.rows.append([
                DataTable.Cell(indicator.programme?.value), DataTable.Cell(lineTitle ?? indicator.line?.value),
                DataTable.Cell(indicator.criterion?.rawValue), .text(indicator.id.value), DataTable.Cell(indicator.title),
                DataTable.Cell(indicator.source), .text(indicator.status.rawValue + (indicator.statusNote.map { ": \($0)" } ?? "")),
                DataTable.Cell(availability.periods), DataTable.Cell(availability.areas), DataTable.Cell(availability.lastDelivery),
            ])
        }
        return table
    }

    struct Availability {
        var periods: String?
        var areas: Int?
        var lastDelivery: String?
    }

    /// What the store holds for every series the indicator reads (all inputs present).
    private func availability(_ indicator: IndicatorDeclaration) throws -> Availability {
        guard indicator.value != nil, let plan = try? session.plan(indicator.id.value) else { return Availability() }
        // An input is a series with a set of dimensions: totals do not make a breakdown available.
        let inputs = plan.inputs.map { (series: $0.key, dimensionKeys: $0.dimensionKeys) }
        // A programme with a region counts only data of that region and its members.
        let region = indicator.programme.flatMap { definitions.programme($0.value) }?.region
        let complete = try ObservationSummary(store: session.store).completeCells(inputs: inputs, region: region)
        guard !complete.isEmpty else { return Availability(periods: nil, areas: nil, lastDelivery: nil) }
        let periods = Period.chronological(complete.map(\.period))
        return Availability(periods: periods.joined(separator: " "), areas: Set(complete.map(\.geo)).count,
                            lastDelivery: complete.map(\.lastDelivery).max().map { String($0.prefix(10)) })
    }
}
