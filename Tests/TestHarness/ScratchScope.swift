import Foundation
import Synchronization
import Testing

/// The folders one test made and what must be undone when it ends. Removing them per test, not
/// only at the process's exit, keeps the suite's disk use at what the tests running at once hold
/// (a whole run once peaked above 5 GB and filled a CI machine's disk).
public final class ScratchScope: Sendable {
    private let folders = Mutex<[String]>([])
    private let cleanups = Mutex<[@Sendable () -> Void]>([])

    func keep(_ folder: String) {
        folders.withLock { $0.append(folder) }
    }

    /// Runs `cleanup` when the test ends, before its folders go (a server database, say).
    public func atEnd(_ cleanup: @escaping @Sendable () -> Void) {
        cleanups.withLock { $0.append(cleanup) }
    }

    fileprivate func end() {
        for cleanup in cleanups.withLock({ $0 }).reversed() { cleanup() }
        for folder in folders.withLock({ $0 }) { try? FileManager.default.removeItem(atPath: folder) }
    }
}

/// A suite trait: each test case of the suite runs in its own `ScratchScope`.
public struct ScratchPerTest: SuiteTrait, TestTrait, TestScoping {
    public var isRecursive: Bool { true }

    public func provideScope(for test: Test, testCase: Test.Case?,
                             performing function: @Sendable () async throws -> Void) async throws {
        let scope = ScratchScope()
        defer { scope.end() }
        try await Scratch.$scope.withValue(scope) { try await function() }
    }
}

extension Trait where Self == ScratchPerTest {
    /// Removes what each test wrote under `Scratch` when that test ends.
    public static var scratch: Self { ScratchPerTest() }
}
