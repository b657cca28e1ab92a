import Foundation
import TestScratch
@testable import ImpactSources
@testable import ImpactStore

/// Paths and scratch stores for tests.
enum TestSupport {
    static let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static var fixtures: String { projectRoot + "/fixtures" }
    static var indicators: String { projectRoot + "/indicators" }

    static func temporaryDirectory() -> String {
        Scratch.directory("test")
    }

    static func write(_ text: String, to name: String, in directory: String) -> String {
        let path = directory + "/" + name
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    /// A new store holding the fixture geography.
    static func storeWithGeography() throws -> Store {
        let store = try Store(path: temporaryDirectory() + "/test.sqlite")
        let outcome = try GeographyImport(paths: [fixtures + "/geography"]).run(into: store)
        precondition(!outcome.failed, "fixture geography must import: \(outcome.diagnostics)")
        return store
    }

    /// A new store holding every fixture.
    static func demoStore() throws -> Store {
        let store = try storeWithGeography()
        let files = FileManager.default.enumerator(atPath: fixtures)!.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".csv") && $0.hasPrefix("vt-") }
            .sorted().map { fixtures + "/" + $0 }
        let result = try CSVImport(paths: files).run(into: store)
        precondition(!result.failed, "fixtures must import: \(result.diagnostics)")
        return store
    }
}
