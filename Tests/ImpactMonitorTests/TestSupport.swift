import Foundation
import TestHarness
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
    static func storeWithGeography(on backend: TestBackend = .sqlite) throws -> Store {
        let store = try backend.emptyStore()
        try importGeography(into: store)
        return store
    }

    private static func importGeography(into store: Store) throws {
        let outcome = try GeographyImport(paths: [fixtures + "/geography"]).run(into: store)
        precondition(!outcome.failed, "fixture geography must import: \(outcome.diagnostics)")
    }

    /// A new store holding every fixture.
    static func demoStore(on backend: TestBackend = .sqlite) throws -> Store {
        switch backend {
        case .sqlite:
            let store = try storeWithGeography()
            try importFixtures(into: store)
            return store
        case .postgresql:
            #if PostgreSQL
            let template = try SharedServer.template("demo_template") { store in
                try importGeography(into: store)
                try importFixtures(into: store)
            }
            return try SharedServer.store(copying: template)
            #else
            preconditionFailure("PostgreSQL is not in this build")
            #endif
        }
    }

    private static func importFixtures(into store: Store) throws {
        let files = FileManager.default.enumerator(atPath: fixtures)!.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".csv") && $0.hasPrefix("vt-") }
            .sorted().map { fixtures + "/" + $0 }
        let result = try CSVImport(paths: files).run(into: store)
        precondition(!result.failed, "fixtures must import: \(result.diagnostics)")
    }
}
