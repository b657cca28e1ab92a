import ImpactCore
import ImpactLanguage

extension DataTable {
    /// The unit of each row's indicator (its `indicator` column), nil where the table has no such
    /// column or `units` does not know the indicator: the table and the workbook both take a
    /// value's decimals from it.
    func rowUnits(_ units: [String: ImpactLanguage.Unit]) -> [ImpactLanguage.Unit?] {
        guard let column = columns.firstIndex(of: "indicator") else { return rows.map { _ in nil } }
        return rows.map { row in
            guard case .text(let id) = row[column] else { return nil }
            return units[id]
        }
    }
}
