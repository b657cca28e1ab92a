import ImpactCore

/// A series-year's rollups and member statistics in the tables' key order, each with its period's
/// ISO bounds. Made where the rows are built (the import's second thread), so writing them only
/// binds and steps.
public struct RollupRows: Sendable {
    let cells: [RollupCell]
    let cellWindows: [(start: String, end: String)]
    let memberStatistics: [MemberStatisticsCell]
    let statisticsWindows: [(start: String, end: String)]

    public init(cells: [RollupCell], memberStatistics: [MemberStatisticsCell]) {
        var windows = WindowCache()
        self.cells = RollupKeyOrder.sorted(cells, windows: &windows)
        cellWindows = self.cells.map { windows.window($0.period) }
        self.memberStatistics = RollupKeyOrder.sorted(memberStatistics, windows: &windows)
        statisticsWindows = self.memberStatistics.map { windows.window($0.period) }
    }
}
