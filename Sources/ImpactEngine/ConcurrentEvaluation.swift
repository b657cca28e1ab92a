import Foundation
import ImpactLanguage
import ImpactStore

/// Evaluates the indicators of one request on two threads, each with its own connection: a SQLite
/// connection runs one statement at a time, and the indicators of a request do not depend on each
/// other. Both threads take the next indicator nobody has taken, so a slow one does not hold up the
/// rest. The second connection must read the data the first reads: it compares the newest import
/// batch in its own transaction, and evaluates nothing when an import has committed in between.
/// Results come back in the order of `ids`, and the error thrown is the first failing indicator's,
/// as on one thread. On a server, with `--trace-sql` (statements in order) or for a few indicators,
/// everything is evaluated on the calling thread.
public struct ConcurrentEvaluation {
    public let publication: Publication
    /// Below this many indicators a second connection costs more than it saves.
    static let minimumIndicators = 4

    public init(publication: Publication) { self.publication = publication }

    /// Call inside the store's read transaction, so the calling thread's data is fixed.
    public func evaluate(_ ids: [String], _ request: EvaluationRequest) throws -> [[IndicatorResult]] {
        try evaluate(ids, request) { $0 }
    }

    /// `part` of each indicator's results, made on the thread that evaluated it (a command's rows).
    public func evaluate<Part: Sendable>(_ ids: [String], _ request: EvaluationRequest,
                                         each part: @escaping @Sendable ([IndicatorResult]) -> Part) throws -> [Part] {
        let evaluator = publication.evaluator
        guard ids.count >= Self.minimumIndicators, evaluator.trace == nil,
              let openSecond = evaluator.store.secondReader else {
            return try ids.map { part(try publication.evaluate($0, request)) }
        }
        let queue = WorkQueue<Part>(count: ids.count)
        let finished = DispatchSemaphore(value: 0)
        let worker = SecondThread(open: openSecond, vintage: try BatchLog(store: evaluator.store).latest(),
                                  definitions: evaluator.definitions, preloaded: try evaluator.session.preloaded(),
                                  useRollups: evaluator.useRollups,
                                  useCache: evaluator.useCache, minimumCell: publication.minimumCell,
                                  suppress: publication.suppress)
        let thread = Thread {
            worker.run(ids, request, queue: queue, part: part)
            finished.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
        while let index = queue.take() {
            queue.finish(index, Result { part(try publication.evaluate(ids[index], request)) })
        }
        finished.wait()
        let cache = ResultCache(database: evaluator.store.database)
        for (key, results) in queue.cacheWrites { cache.store(key, results) }
        return try ids.indices.map { index in
            try queue.outcome(index)?.get() ?? part(publication.evaluate(ids[index], request))
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

    /// The indicators not yet taken, and what came of each one taken.
    private final class WorkQueue<Part>: @unchecked Sendable {
        private let lock = NSLock()
        private let count: Int
        private var next = 0
        private var outcomes: [Result<Part, any Error>?]
        private(set) var cacheWrites: [(String, [IndicatorResult])] = []

        init(count: Int) {
            self.count = count
            outcomes = Array(repeating: nil, count: count)
        }

        func take() -> Int? {
            lock.withLock {
                guard next < count else { return nil }
                next += 1
                return next - 1
            }
        }

        func finish(_ index: Int, _ outcome: Result<Part, any Error>) {
            lock.withLock { outcomes[index] = outcome }
        }

        func keep(_ key: String, _ results: [IndicatorResult]) {
            lock.withLock { cacheWrites.append((key, results)) }
        }

        /// Nil for an indicator taken by a thread that stopped before finishing it.
        func outcome(_ index: Int) -> Result<Part, any Error>? {
            lock.withLock { outcomes[index] }
        }
    }
}
