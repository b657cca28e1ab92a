import Foundation

/// The digest of a delivery's inputs, computed on a thread of its own while the import parses them:
/// hashing 300 MB of files before parsing them held the import up by a second and a half.
final class InputDigest: @unchecked Sendable {
    private let condition = NSCondition()
    private var outcome: Result<String, any Error>?

    init(_ compute: @escaping @Sendable () throws -> String) {
        Thread { [self] in
            let result = Result(catching: compute)
            condition.lock()
            outcome = result
            condition.broadcast()
            condition.unlock()
        }.start()
    }

    /// Waits for the digest; rethrows what computing it threw.
    func value() throws -> String {
        condition.lock()
        defer { condition.unlock() }
        while outcome == nil { condition.wait() }
        return try outcome!.get()
    }
}
