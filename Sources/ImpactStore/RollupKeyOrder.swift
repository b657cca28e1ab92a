import ImpactCore

/// Rollup cells in the tables' key order (period start, end, dims, geo). Ranks of the few distinct
/// values replace string comparisons, which dominated the write when sorting thousands of cells.
enum RollupKeyOrder {
    static func sorted<Cell: RollupKeyed>(_ cells: [Cell], windows: inout WindowCache) -> [Cell] {
        func ranks(_ values: Set<String>) -> [String: Int] {
            let ordered = values.sorted { Array($0.utf8).lexicographicallyPrecedes($1.utf8) }
            return Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($1, $0) })
        }
        let distinctPeriods = Set(cells.map(\.period))
        var bounds: [Period: (start: String, end: String)] = [:]
        for period in distinctPeriods { bounds[period] = windows.window(period) }
        let chronological = distinctPeriods.sorted {
            (bounds[$0]!.start, bounds[$0]!.end) < (bounds[$1]!.start, bounds[$1]!.end)
        }
        let periodRank = Dictionary(uniqueKeysWithValues: chronological.enumerated().map { ($1, $0) })
        let dimsRank = ranks(Set(cells.map(\.dims)))
        let geoRank = ranks(Set(cells.map(\.geo)))
        let keys = cells.map { (periodRank[$0.period]!, dimsRank[$0.dims]!, geoRank[$0.geo]!) }
        return cells.indices.sorted { keys[$0] < keys[$1] }.map { cells[$0] }
    }
}
