import Foundation
import ImpactStore

/// Builds the rollups of one series-year on a second thread while the previous one is written:
/// building in memory and writing through SQLite each take about half of the rollup phase, so on
/// two cores they overlap. Writes stay in submission order (the table's key order). `submit` lets at
/// most one build run ahead, so memory stays at two series-years; `enqueue` (builds fed while a
/// delivery is read) waits only past `queuedRows`. The worker thread ends with the pipeline.
final class RollupPipeline {
    private let rollups: RollupStore
    /// Builds in submission order, each with where its rows go.
    private var queue: [(build: BackgroundBuild, seriesID: Int, year: String, replacing: Set<String>?)] = []
    private let worker = BuildWorker()

    /// Rows of the builds `enqueue` lets wait (about 90 bytes each), so memory stays bounded when the
    /// builds fall behind the parse.
    static let queuedRows = 1_000_000

    init(rollups: RollupStore) { self.rollups = rollups }

    deinit {
        for pending in queue { _ = pending.build.result() }
        worker.stop()
    }

    /// Starts building `observations`, then writes what was submitted before (waiting for it).
    func submit(_ observations: [RollupObservation], builder: RollupBuilder, seriesID: Int, year: String,
                replacing dimensions: Set<String>?) throws {
        try enqueue(observations, builder: builder, seriesID: seriesID, year: year, replacing: dimensions)
        while queue.count > 1 { try writeFirst() }
    }

    /// Starts building `observations`, waiting only when `queuedRows` are under way: while a
    /// delivery is read, the builds run beside the parse and `writeFinished` writes them as they are
    /// done. `inStoreOrder`: the rows are first put in the order the store reads them back in, so
    /// sums are added in the same order, and give the same bits, as a rebuild's.
    func enqueue(_ observations: [RollupObservation], builder: RollupBuilder, seriesID: Int, year: String,
                 replacing dimensions: Set<String>?, inStoreOrder: Bool = false) throws {
        while !queue.isEmpty && queue.reduce(0, { $0 + $1.build.rows }) + observations.count > Self.queuedRows {
            try writeFirst()
        }
        let build = BackgroundBuild(builder: builder, observations: observations, inStoreOrder: inStoreOrder,
                                    on: worker)
        queue.append((build, seriesID, year, dimensions))
    }

    /// Writes the builds at the head of the queue that are done, without waiting for the others.
    func writeFinished() throws {
        while let first = queue.first, first.build.isFinished { try writeFirst() }
    }

    /// Writes everything submitted; call before anything else reads or writes the rollups.
    func finish() throws {
        while !queue.isEmpty { try writeFirst() }
    }

    private func writeFirst() throws {
        let pending = queue.removeFirst()
        try rollups.write(pending.build.result(), seriesID: pending.seriesID, year: pending.year,
                          replacing: pending.replacing)
    }
}

/// One `RollupBuilder.build` on the pipeline's worker thread; `result()` waits for it.
private final class BackgroundBuild: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var built = RollupRows(cells: [], memberStatistics: [])
    private var joined = false

    let rows: Int

    init(builder: RollupBuilder, observations: [RollupObservation], inStoreOrder: Bool = false,
         on worker: BuildWorker) {
        rows = observations.count
        worker.run { [self] in
            let build = builder.build(inStoreOrder ? RollupStore.inReadOrder(observations) : observations)
            built = RollupRows(cells: build.cells, memberStatistics: build.memberStatistics)
            done.signal()
        }
    }

    /// Done building, so `result()` would not wait.
    var isFinished: Bool {
        if !joined && done.wait(timeout: .now()) == .success { joined = true }
        return joined
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
