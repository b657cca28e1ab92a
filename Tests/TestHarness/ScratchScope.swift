import Foundation
import Synchronization

/// The folders one test made and what must be undone when it ends. Removing them per test, not
/// only at the process's exit, keeps the suite's disk use at what the tests running at once hold
/// (a whole run once peaked above 5 GB and filled a CI machine's disk).
public final class ScratchScope: Sendable {
    private let folders = Mutex<[String]>([])
    private let cleanups = Mutex<[@Sendable () -> Void]>([])

    func removeAtEnd(_ folder: String) {
        folders.withLock { $0.append(folder) }
    }

    /// Runs `cleanup` when the test ends, before its folders go (a server database, say).
    public func atEnd(_ cleanup: @escaping @Sendable () -> Void) {
        cleanups.withLock { $0.append(cleanup) }
    }

    /// Runs on the test's own task when it returns; a server cleanup (`psql`) blocks it briefly.
    func end() {
        for cleanup in cleanups.withLock({ $0 }).reversed() { cleanup() }
        for folder in folders.withLock({ $0 }) { try? FileManager.default.removeItem(atPath: folder) }
    }
}
