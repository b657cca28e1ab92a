import Foundation
import ImpactLanguage
import ImpactStore

/// Evaluates the indicators of one request on two threads, each with its own connection: a SQLite
/// connection runs one statement at a time, and the indicators of a request do not depend on each
/// other. Both threads take the next indicator in order that nobody has taken, so a slow one does not
/// hold up the rest. Each connection reads in a transaction of its own; the second compares the
/// newest import batch with the first's and evaluates nothing when an import has committed in
/// between, so both read the same batch (the rule the result cache keeps too). Results come back in
/// the order of `ids`; after a failure no later indicator is started, and the error thrown is the
/// first failing indicator's, as on one thread. On a server, with `--trace-sql` (statements in
/// order) or for a few indicators, everything is evaluated on the calling thread.
public struct ConcurrentEvaluation {
    public let publication: Publication
    /// Below this many indicators a second connection costs more than it saves.
    static let minimumIndicators = 4
    /// Runs on the calling thread after it has read its batch and before the second thread starts:
    /// a test commits an import there.
    var beforeSecondThread: () -> Void = {}

    /// Evaluates with `publication`'s options and caches; a second connection gets the same.
    public init(publication: Publication) { self.publication = publication }

    public func evaluate(_ ids: [String], _ request: EvaluationRequest) throws -> [[IndicatorResult]] {
        try evaluate(ids, request) { $0 }
    }

    /// `part` of each indicator's results, made on the thread that evaluated it (a command's rows).
    /// Opens the store's read transaction itself: the calling thread's data is fixed before the
    /// second thread compares its batch with it.
    public func evaluate<Part: Sendable>(_ ids: [String], _ request: EvaluationRequest,
                                         each part: @escaping @Sendable ([IndicatorResult]) -> Part) throws -> [Part] {
        let evaluator = publication.evaluator
        return try evaluator.store.database.readTransaction {
            guard ids.count >= Self.minimumIndicators, evaluator.trace == nil,
                  let openSecond = evaluator.store.secondReader else {
                return try ids.map { part(try publication.evaluate($0, request)) }
            }
            let worker = SecondThread(open: openSecond, vintage: try BatchLog(store: evaluator.store).latest(),
                                      definitions: evaluator.definitions, preloaded: try evaluator.session.preloaded(),
                                      useRollups: evaluator.useRollups, useCache: evaluator.useCache,
                                      minimumCell: publication.minimumCell, suppress: publication.suppress)
            let queue = WorkQueue<Part>(count: ids.count)
            let finished = DispatchSemaphore(value: 0)
            let thread = Thread {
                worker.run(ids, request, queue: queue, part: part)
                finished.signal()
            }
            thread.stackSize = 8 << 20
            beforeSecondThread()
            thread.start()
            while let index = queue.take() {
                queue.finish(index, Result { part(try publication.evaluate(ids[index], request)) })
            }
            finished.wait()
            let cache = ResultCache(database: evaluator.store.database)
            for (key, results) in queue.takeCacheWrites() { cache.store(key, results) }
            return try queue.parts()
        }
    }

    /// What the second thread needs: how to open its connection, and values.
    private struct SecondThread: Sendable {
        let open: @Sendable () throws -> Store
        let vintage: Int?
        let definitions: DefinitionSet
        let preloaded: EvaluationSession.Preloaded
        let useRollups: Bool
        let useCache: Bool
        let minimumCell: Double?
        let suppress: Bool

        /// Evaluates nothing when it cannot open its connection or reads another batch: the first
        /// thread then takes every indicator.
        func run<Part>(_ ids: [String], _ request: EvaluationRequest, queue: WorkQueue<Part>,
                       part: ([IndicatorResult]) -> Part) {
            guard let store = try? open() else { return }
            try? store.database.readTransaction {
                guard try BatchLog(store: store).latest() == vintage else { return }
                var evaluator = Evaluator(session: EvaluationSession(store: store, definitions: definitions,
                                                                     preloaded: preloaded))
                evaluator.useRollups = useRollups
                evaluator.useCache = useCache
                evaluator.keepInCache = { key, results in queue.keep(key, results) }
                let publication = try Publication(evaluator: evaluator, minimumCell: minimumCell, suppress: suppress)
                while let index = queue.take() {
                    queue.finish(index, Result { part(try publication.evaluate(ids[index], request)) })
                }
            }
        }
    }

    /// The indicators not yet taken, and what came of each one taken. Indicators are handed out in
    /// order, and none after a failed one, so every indicator before the first failure is finished.
    private final class WorkQueue<Part: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0
        private var firstFailure: Int?
        private var outcomes: [Result<Part, any Error>?]
        private var cacheWrites: [(String, [IndicatorResult])] = []

        init(count: Int) { outcomes = Array(repeating: nil, count: count) }

        func take() -> Int? {
            lock.withLock {
                guard next < outcomes.count, next < firstFailure ?? .max else { return nil }
                next += 1
                return next - 1
            }
        }

        func finish(_ index: Int, _ outcome: Result<Part, any Error>) {
            lock.withLock {
                outcomes[index] = outcome
                if case .failure = outcome { firstFailure = min(firstFailure ?? index, index) }
            }
        }

        func keep(_ key: String, _ results: [IndicatorResult]) {
            lock.withLock { cacheWrites.append((key, results)) }
        }

        func takeCacheWrites() -> [(String, [IndicatorResult])] {
            lock.withLock {
                defer { cacheWrites = [] }
                return cacheWrites
            }
        }

        /// Every part in order, or the first failure in order (once both threads are done).
        func parts() throws -> [Part] {
            var parts: [Part] = []
            for outcome in lock.withLock({ outcomes }) {
                guard let outcome else { break }
                parts.append(try outcome.get())
            }
            return parts
        }
    }
}
