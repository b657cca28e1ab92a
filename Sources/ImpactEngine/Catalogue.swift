import ImpactCore
import ImpactLanguage
import ImpactStore

/// The programme catalogue in the style of the Hart van Brabant appendix 1: per indicator its
/// criterion, action line, measurement method, planning, and the data the store actually holds.
public struct Catalogue {
    public let session: EvaluationSession
    private var definitions: DefinitionSet { session.definitions }

    public init(session: EvaluationSession) { self.session = session }

    public static let columns = ["programme", "line", "criterion", "indicator", "title", "method", "planning",
                                 "periods", "areas", "last_delivery"]

    /// Rows ordered by programme, action line, then outcome criteria before the outputs serving them.
    public func table(programme: String? = nil) throws -> DataTable {
        var table = DataTable(columns: Self.columns)
        let indicators = definitions.indicators
            .filter { programme == nil || $0.programme?.value == programme }
            .enumerated()
            .sorted { Self.order($0.element, $0.offset) < Self.order($1.element, $1.offset) }
            .map(\.element)
        let events = try eventCoverage(of: indicators)
        for indicator in indicators {
            table.rows.append(try row(indicator, events: events))
        }
        return table
    }

    /// Each event source's coverage, read once: several case indicators share a source.
    private func eventCoverage(of indicators: [IndicatorDeclaration]) throws -> [String: CaseEventSummary.Coverage] {
        let sources = indicators.compactMap { indicator in
            indicator.value == nil ? nil : (try? session.plan(indicator.id.value))?.cases?.source
        }.uniqued()
        let summary = CaseEventSummary(store: session.store)
        var coverage: [String: CaseEventSummary.Coverage] = [:]
        for source in sources { coverage[source] = try summary.coverage(source: source) }
        return coverage
    }

    /// Ties keep the order of the definitions.
    private static func order(_ indicator: IndicatorDeclaration, _ offset: Int) -> (String, String, Int, Int) {
        let criterion: [Criterion: Int] = [.outcome: 0, .output: 1, .context: 2]
        return (indicator.programme?.value ?? "", indicator.line?.value ?? "",
                criterion[indicator.criterion ?? .context] ?? 3, offset)
    }

    private func row(_ indicator: IndicatorDeclaration,
                     events: [String: CaseEventSummary.Coverage]) throws -> [DataTable.Cell] {
        let availability = try self.availability(indicator, events: events)
        let programme = indicator.programme.flatMap { definitions.programme($0.value) }
        let lineTitle = programme?.lines.first { $0.id.value == indicator.line?.value }?.title
        let planning = indicator.status.rawValue + (indicator.statusNote.map { ": \($0)" } ?? "")
        return [
            DataTable.Cell(indicator.programme?.value), DataTable.Cell(lineTitle ?? indicator.line?.value),
            DataTable.Cell(indicator.criterion?.rawValue), .text(indicator.id.value), DataTable.Cell(indicator.title),
            DataTable.Cell(indicator.source), .text(planning),
            DataTable.Cell(availability.periods), DataTable.Cell(availability.areas),
            DataTable.Cell(availability.lastDelivery),
        ]
    }

    struct Availability {
        var periods: String?
        var areas: Int?
        var lastDelivery: String?
    }

    /// What the store holds for every series the indicator reads (all inputs present).
    private func availability(_ indicator: IndicatorDeclaration,
                              events: [String: CaseEventSummary.Coverage]) throws -> Availability {
        guard indicator.value != nil, let plan = try? session.plan(indicator.id.value) else { return Availability() }
        if let cases = plan.cases {
            guard let coverage = events[cases.source] else { return Availability() }
            return Availability(periods: coverage.years.map(String.init).joined(separator: " "), areas: coverage.areas,
                                lastDelivery: coverage.lastDelivery)
        }
        // An input is a series with a set of dimensions: totals do not make a breakdown available.
        let inputs = plan.inputs.map { (series: $0.key, dimensionKeys: $0.dimensionKeys) }
        // A programme with regions counts only data of those regions and their members.
        let regions = indicator.programme.flatMap { definitions.programme($0.value) }?.regions ?? []
        let complete = try ObservationSummary(store: session.store).completeCells(inputs: inputs, regions: regions)
        guard !complete.isEmpty else { return Availability(periods: nil, areas: nil, lastDelivery: nil) }
        let periods = Period.chronological(complete.map(\.period))
        return Availability(periods: periods.joined(separator: " "), areas: Set(complete.map(\.geo)).count,
                            lastDelivery: complete.map(\.lastDelivery).max().map { String($0.prefix(10)) })
    }
}
