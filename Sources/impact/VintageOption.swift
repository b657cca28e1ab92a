import ImpactCommandLine
import ImpactCompiler
import ImpactCore
import ImpactStore

/// `--as-of DATE|BATCH`: read the data as it was.
struct VintageOption {
    static let option = CommandSpec.Option("--as-of", value: "DATE|BATCH",
                                           help: "read the data as it was at a date (YYYY-MM-DD) "
                                               + "or after a batch number")

    private enum Bound {
        case batch(Int)
        /// An exclusive upper bound on the batch's finishing time (ISO date or timestamp).
        case finishedBefore(String)
    }

    private let bound: Bound?
    let text: String?

    init(_ arguments: ParsedArguments) throws {
        text = arguments.value(Self.option)
        guard let text else { bound = nil; return }
        if let batch = Int(text) {
            bound = .batch(batch)
        } else if let date = CivilDate(iso: text) {
            bound = .finishedBefore(date.adding(days: 1).iso)
        } else if text.count >= 19, text.contains("T") {
            bound = .finishedBefore(text)
        } else {
            throw UsageError("--as-of expects a date (YYYY-MM-DD), a timestamp or a batch number, not '\(text)'")
        }
    }

    func resolve(_ store: Store) throws -> Vintage {
        switch bound {
        case nil: return .current
        case .batch(let batch):
            guard try BatchLog(store: store).contains(batch) else {
                throw UsageError("--as-of \(batch): there is no batch \(batch)",
                                 hint: "see the batches with: impact history")
            }
            return .asOfBatch(batch)
        case .finishedBefore(let bound):
            return .asOfBatch(try BatchLog(store: store).latest(finishedBefore: bound))
        }
    }
}
