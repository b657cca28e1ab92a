import ImpactCompiler
import ImpactCore
import ImpactLanguage
import ImpactStatistics
import ImpactStore

/// The programme catalogue in the style of the Hart van Brabant appendix 1: per indicator its
/// criterion, action line, measurement method, planning, and the data the store actually holds.
public struct Catalogue {
    public let store: Store
    public let definitions: DefinitionSet

    public init(store: Store, definitions: DefinitionSet) {
        self.store = store
        self.definitions = definitions
    }

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
        guard indicator.value != nil, let plan = try? Planner(definitions: definitions).plan(indicator.id.value) else { return Availability() }
        // An input is a series with a set of dimensions: totals do not make a breakdown available.
        let keys = Array(Set(plan.inputs.map { [$0.key, $0.dimensionKeys] })).sorted { $0.joined(separator: "|") < $1.joined(separator: "|") }
        let placeholders = keys.map { _ in "(?, ?)" }.joined(separator: ", ")
        // A programme with a region counts only data of that region and its members.
        let region = indicator.programme.flatMap { definitions.programme($0.value) }?.region
        let regionFilter = region == nil ? "" : "AND (o.geo = ? OR o.geo IN (SELECT member FROM membership WHERE region = ?))"
        let arguments = keys.flatMap { $0.map(SQLValue.text) } + (region.map { [.text($0), .text($0)] } ?? [])
        let rows = try store.database.query("""
            SELECT o.period, o.geo, max(b.finished_at), count(DISTINCT s.key || '|' || o.dim_keys)
            FROM observation AS o JOIN series AS s ON s.id = o.series_id JOIN import_batch AS b ON b.id = o.batch_id
            WHERE (s.key, o.dim_keys) IN (VALUES \(placeholders)) AND o.superseded_by IS NULL AND o.value IS NOT NULL \(regionFilter)
            GROUP BY o.period, o.geo
            """, arguments) { ($0.string(0)!, $0.string(1)!, $0.string(2)!, $0.int(3)!) }
        let complete = rows.filter { $0.3 == keys.count }
        guard !complete.isEmpty else { return Availability(periods: nil, areas: nil, lastDelivery: nil) }
        let periods = Period.chronological(complete.map(\.0))
        return Availability(periods: periods.joined(separator: " "), areas: Set(complete.map(\.1)).count,
                            lastDelivery: complete.map(\.2).max().map { String($0.prefix(10)) })
    }
}
