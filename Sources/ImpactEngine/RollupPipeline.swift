import Foundation
import ImpactStore

/// Builds the rollups of one series-year on a second thread while the previous one is written:
/// building in memory and writing through SQLite each take about half of the rollup phase, so on
/// two cores they overlap. Writes stay in submission order (the table's key order); at most one
/// build runs ahead, so memory stays at two series-years. No thread outlives `finish`.
final class RollupPipeline {
    private let rollups: RollupStore
    private var pending: (build: BackgroundBuild, seriesID: Int, year: String, replacing: Set<String>?)?

    init(rollups: RollupStore) { self.rollups = rollups }

    /// Starts building `observations`, then writes the series-year submitted before.
    func submit(_ observations: [RollupObservation], builder: RollupBuilder, seriesID: Int, year: String,
                replacing dimensions: Set<String>?) throws {
        let build = BackgroundBuild(builder: builder, observations: observations)
        do {
            try writePending()
        } catch {
            _ = build.cells()
            throw error
        }
        pending = (build, seriesID, year, dimensions)
    }

    /// Writes what is still being built; call before anything else reads or writes the rollups.
    func finish() throws { try writePending() }

    private func writePending() throws {
        guard let pending else { return }
        self.pending = nil
        try rollups.write(pending.build.cells(), seriesID: pending.seriesID, year: pending.year,
                          replacing: pending.replacing)
    }
}

/// One `RollupBuilder.build` on its own thread; `cells()` waits for it.
private final class BackgroundBuild: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: [RollupCell] = []
    private var joined = false

    init(builder: RollupBuilder, observations: [RollupObservation]) {
        let thread = Thread { [self] in
            result = builder.build(observations)
            done.signal()
        }
        thread.start()
    }

    func cells() -> [RollupCell] {
        if !joined {
            done.wait()
            joined = true
        }
        return result
    }
}
