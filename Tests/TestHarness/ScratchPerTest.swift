import Testing

/// A suite trait: each test case of the suite runs in its own `ScratchScope`. Work a test starts
/// outside its task tree (a `Thread`, a detached task) sees no scope and keeps its folders until exit.
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
