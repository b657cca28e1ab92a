import Foundation
import ImpactStore

/// Builds the rollups of one series-year on a second thread while the previous one is written:
/// building in memory and writing through SQLite each take about half of the rollup phase, so on
/// two cores they overlap. Writes stay in submission order (the table's key order); at most one
/// build runs ahead, so memory stays at two series-years. The worker thread ends with the pipeline.
final class RollupPipeline {
    private let rollups: RollupStore
    private var pending: (build: BackgroundBuild, seriesID: Int, year: String, replacing: Set<String>?)?
    private let worker = BuildWorker()

    init(rollups: RollupStore) { self.rollups = rollups }

    deinit {
        _ = pending?.build.result()
        worker.stop()
    }

    /// Starts building `observations`, then writes the series-year submitted before.
    func submit(_ observations: [RollupObservation], builder: RollupBuilder, seriesID: Int, year: String,
                replacing dimensions: Set<String>?) throws {
        let build = BackgroundBuild(builder: builder, observations: observations, on: worker)
        do {
            try writePending()
        } catch {
            _ = build.result()
            throw error
        }
        pending = (build, seriesID, year, dimensions)
    }

    /// Writes what is still being built; call before anything else reads or writes the rollups.
    func finish() throws { try writePending() }

    private func writePending() throws {
        guard let pending else { return }
        self.pending = nil
        let build = pending.build.result()
        try rollups.write(build, seriesID: pending.seriesID, year: pending.year, replacing: pending.replacing)
    }
}

/// One `RollupBuilder.build` on the pipeline's worker thread; `result()` waits for it.
private final class BackgroundBuild: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var built = RollupRows(cells: [], memberStatistics: [])
    private var joined = false

    init(builder: RollupBuilder, observations: [RollupObservation], on worker: BuildWorker) {
        worker.run { [self] in
            let build = builder.build(observations)
            built = RollupRows(cells: build.cells, memberStatistics: build.memberStatistics)
            done.signal()
        }
    }

    func result() -> RollupRows {
        if !joined {
            done.wait()
            joined = true
        }
        return built
    }
}

/// One thread for every build of an import: memory it allocates stays in one allocator arena
/// instead of a new one per thread, so the import's peak memory stays flat. Stops when released.
private final class BuildWorker: @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []
    private var stopping = false

    init() {
        Thread { [self] in
            while let job = next() { job() }
        }.start()
    }

    func run(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    func stop() {
        condition.lock()
        stopping = true
        condition.signal()
        condition.unlock()
    }

    private func next() -> (@Sendable () -> Void)? {
        condition.lock()
        defer { condition.unlock() }
        while jobs.isEmpty && !stopping { condition.wait() }
        return jobs.isEmpty ? nil : jobs.removeFirst()
    }
}
