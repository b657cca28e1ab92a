import Foundation
import TestHarness

/// The store `impact demo` builds, made once per test run and copied for each test that only needs
/// its data: the demo imports every fixture, case events included, which costs seconds a run.
/// Tests of the demo itself (its output, files and modes) still run it.
enum DemoStore {
    private static let template: Result<String, any Error> = Result {
        let store = Scratch.processDirectory("e2e") + "/template.sqlite"
        let demo = try ImpactBinary.run(["demo", "--store", store])
        guard demo.status == 0 else { throw DemoFailure(stderr: demo.stderr) }
        return store
    }

    private struct DemoFailure: Error, CustomStringConvertible {
        let stderr: String
        var description: String { "impact demo failed: \(stderr)" }
    }

    /// Copies the demo store (with its file mode) to `path`; true when it is there.
    static func copy(to path: String) throws -> Bool {
        let source = try template.get()
        let manager = FileManager.default
        try manager.copyItem(atPath: source, toPath: path)
        for suffix in ["-wal", "-shm"] where manager.fileExists(atPath: source + suffix) {
            try manager.copyItem(atPath: source + suffix, toPath: path + suffix)
        }
        let attributes = try manager.attributesOfItem(atPath: source)
        try manager.setAttributes([.posixPermissions: attributes[.posixPermissions] ?? 0o600], ofItemAtPath: path)
        return manager.fileExists(atPath: path)
    }
}
