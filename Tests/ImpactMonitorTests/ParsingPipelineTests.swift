import Testing
import TestHarness
@testable import ImpactCore
@testable import ImpactSources

/// The parser thread hands records over in order, stops when the consumer fails, and never
/// outlives the call.
@Suite(.scratch) struct ParsingPipelineTests {
    struct Stop: Error {}

    @Test func recordsArriveInOrderAcrossBatches() throws {
        let count = ParsingPipeline<Int>.batchSize * 3 + 17
        var received: [Int] = []
        let outcome = try ParsingPipeline<Int>.run(limit: 5, parse: { diagnostics, emit in
            for number in 0..<count where !emit(number) { break }
            for line in 1...8 { diagnostics.append(Diagnostic(.emptyGeoField, file: "f", line: line, column: 1)) }
            return count
        }, emit: { received.append($0) })
        #expect(received == Array(0..<count))
        #expect(outcome.rows == count)
        var merged = DiagnosticList(limit: 5)
        merged.append(contentsOf: outcome.diagnostics)
        #expect(merged.items.count == 5 && merged.dropped == 3)
    }

    @Test func aFailingConsumerStopsTheParser() {
        let produced = Counter()
        #expect(throws: Stop.self) {
            _ = try ParsingPipeline<Int>.run(limit: 5, parse: { _, emit in
                var number = 0
                while emit(number) {
                    produced.increment()
                    number += 1
                }
                return number
            }, emit: { if $0 == 5000 { throw Stop() } })
        }
        #expect(produced.value < 5000 + ParsingPipeline<Int>.batchSize * 6, "the parser stopped soon after the failure")
    }

    final class Counter: @unchecked Sendable {
        private(set) var value = 0
        func increment() { value += 1 }
    }
}
