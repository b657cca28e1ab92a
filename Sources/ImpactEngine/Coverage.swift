import ImpactCore
import ImpactStore

/// What the store holds, so a researcher sees gaps before the steering group does.
public struct Coverage {
    public let store: Store

    public init(store: Store) { self.store = store }

    /// Series × period: the number of areas with a current figure.
    public func seriesByPeriod() throws -> DataTable {
        let counts = try ObservationSummary(store: store).areasPerSeriesAndPeriod()
        let periods = Period.chronological(counts.map(\.period))
        let series = Array(Set(counts.map(\.series))).sorted()
        var table = DataTable(columns: ["series"] + periods)
        let lookup = Dictionary(counts.map { ("\($0.series) \($0.period)", $0.areas) }, uniquingKeysWith: +)
        for key in series {
            table.rows.append([.text(key)] + periods.map { DataTable.Cell(lookup["\(key) \($0)"]) })
        }
        return table
    }

    /// Series × area × period: present, provisional, suppressed at source, delivered empty, or
    /// missing (no row at all) — over every area and period that has any figure of the series, within
    /// `from`…`to` when given (a long history otherwise makes a table too wide to read).
    public func cells(series keys: [String], geos: [String]?, from: Period? = nil, to: Period? = nil) throws
        -> DataTable {
        let states = try ObservationSummary(store: store).cellStates(series: keys, from: from, to: to)
        var table = DataTable(columns: ["series", "geo"], notes: [Self.legend])
        let periods = Period.chronological(states.map(\.period))
        table.columns += periods
        var cells: [String: String] = [:]
        for state in states {
            let mark = state.suppressed ? "s" : (!state.hasValue ? "∅" : (state.provisional ? "v" : "✓"))
            cells["\(state.series) \(state.geo) \(state.period)"] = mark
        }
        for key in Array(Set(states.map(\.series))).sorted() {
            let areas = geos ?? Array(Set(states.filter { $0.series == key }.map(\.geo))).sorted()
            for geo in areas {
                let marks = periods.map { DataTable.Cell.text(cells["\(key) \(geo) \($0)"] ?? "–") }
                table.rows.append([.text(key), .text(geo)] + marks)
            }
        }
        return table
    }

    private static let legend = "✓ present · v provisional · s suppressed at source · ∅ delivered empty"
        + " · – missing"
}
