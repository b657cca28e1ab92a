import Foundation
import ImpactCore

/// Runs a parser on its own thread and hands its records over in batches, so reading and checking
/// the next rows overlaps with writing the previous ones (the import's two halves each take about
/// as long). Bounded: at most a few batches wait, so memory does not grow with the file. The
/// parser keeps its own diagnostics; they are merged when it is done. No thread outlives `run`.
final class ParsingPipeline<Record: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var batches: [[Record]] = []
    private var finished = false
    private var cancelled = false
    private var outcome: (rows: Int, diagnostics: DiagnosticList)?
    private let capacity = 4
    static var batchSize: Int { 2048 }

    /// `parse` runs on the worker thread and calls its `emit` per record; `emit` here runs on the
    /// caller's thread. An error from `emit` stops the parser and is rethrown after it has stopped.
    static func run(limit: Int, parse: @escaping @Sendable (inout DiagnosticList, (Record) -> Bool) -> Int,
                    emit: (Record) throws -> Void) throws -> (rows: Int, diagnostics: DiagnosticList) {
        let pipeline = ParsingPipeline()
        let worker = Thread {
            var diagnostics = DiagnosticList(limit: limit)
            var batch: [Record] = []
            batch.reserveCapacity(batchSize)
            let rows = parse(&diagnostics) { record in
                batch.append(record)
                guard batch.count == batchSize else { return true }
                defer { batch.removeAll(keepingCapacity: true) }
                return pipeline.push(batch)
            }
            if !batch.isEmpty { _ = pipeline.push(batch) }
            pipeline.finish(rows: rows, diagnostics: diagnostics)
        }
        worker.start()
        do {
            while let batch = pipeline.pop() {
                for record in batch { try emit(record) }
            }
        } catch {
            pipeline.cancelAndWait()
            throw error
        }
        return pipeline.waitForOutcome()
    }

    /// False when the consumer gave up: the parser should stop.
    private func push(_ batch: [Record]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= capacity && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        batches.append(batch)
        condition.broadcast()
        return true
    }

    private func pop() -> [Record]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !finished { condition.wait() }
        guard !batches.isEmpty else { return nil }
        condition.broadcast()
        return batches.removeFirst()
    }

    private func finish(rows: Int, diagnostics: DiagnosticList) {
        condition.lock()
        outcome = (rows, diagnostics)
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    private func cancelAndWait() {
        condition.lock()
        cancelled = true
        batches.removeAll()
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
    }

    private func waitForOutcome() -> (rows: Int, diagnostics: DiagnosticList) {
        condition.lock()
        defer { condition.unlock() }
        while !finished { condition.wait() }
        return outcome!
    }
}
