import CSQLite
import ImpactCore

/// `median(x)`: SQLite has no median, and the language promises one. Values are collected per
/// group in a Swift array owned through the aggregate context.
enum MedianAggregate {
    final class Accumulator {
        var values: [Double] = []
    }

    static func register(on database: Database) throws {
        let code = sqlite3_create_function_v2(
            database.handle, "median", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nil, nil,
            { context, _, arguments in
                guard let context, let arguments, let argument = arguments[0],
                      sqlite3_value_type(argument) != SQLITE_NULL else { return }
                MedianAggregate.accumulator(context, create: true)?.values.append(sqlite3_value_double(argument))
            },
            { context in
                guard let context else { return }
                guard let accumulator = MedianAggregate.accumulator(context, create: false) else {
                    sqlite3_result_null(context)
                    return
                }
                MedianAggregate.release(context)
                if let median = Median.of(accumulator.values) {
                    sqlite3_result_double(context, median)
                } else {
                    sqlite3_result_null(context)
                }
            },
            nil)
        guard code == SQLITE_OK else {
            throw StoreError(code: code, message: "cannot register median(): \(database.lastErrorMessage)")
        }
    }


    private typealias Slot = UnsafeMutablePointer<UnsafeMutableRawPointer?>

    private static func slot(_ context: OpaquePointer, create: Bool) -> Slot? {
        let size = create ? Int32(MemoryLayout<UnsafeMutableRawPointer?>.size) : 0
        return sqlite3_aggregate_context(context, size)?.assumingMemoryBound(to: UnsafeMutableRawPointer?.self)
    }

    private static func accumulator(_ context: OpaquePointer, create: Bool) -> Accumulator? {
        guard let slot = slot(context, create: create) else { return nil }
        if let pointer = slot.pointee {
            return Unmanaged<Accumulator>.fromOpaque(pointer).takeUnretainedValue()
        }
        guard create else { return nil }
        let accumulator = Accumulator()
        slot.pointee = Unmanaged.passRetained(accumulator).toOpaque()
        return accumulator
    }

    private static func release(_ context: OpaquePointer) {
        guard let slot = slot(context, create: false), let pointer = slot.pointee else { return }
        Unmanaged<Accumulator>.fromOpaque(pointer).release()
        slot.pointee = nil
    }
}
