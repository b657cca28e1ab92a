import Foundation
import Synchronization
import Testing
@testable import ImpactStore
#if PostgreSQL
import TestHarness
#endif

/// The store engines a conformance test runs on: SQLite always, PostgreSQL in the build with the
/// `PostgreSQL` trait (`.ci/run` and the README's test command), on one throwaway server per test
/// process. Tests that take a `TestBackend` argument check the same figures on both.
enum TestBackend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite
    case postgresql

    static var available: [TestBackend] {
        #if PostgreSQL
        return [.sqlite, .postgresql]
        #else
        return [.sqlite]
        #endif
    }

    var testDescription: String { rawValue }

    /// A new, empty store on this engine.
    func emptyStore() throws -> Store {
        switch self {
        case .sqlite:
            return try Store(path: TestSupport.temporaryDirectory() + "/test.sqlite")
        case .postgresql:
            #if PostgreSQL
            return try SharedServer.store(copying: nil)
            #else
            preconditionFailure("PostgreSQL is not in this build")
            #endif
        }
    }
}

#if PostgreSQL
/// One PostgreSQL server for the unit tests of a process, started on first use and stopped at exit.
/// A store is a new database, dropped when its test ends; the demo store is built once and then copied as a template, which
/// costs a file copy instead of an import per test.
enum SharedServer {
    static let cluster: PostgresCluster = {
        do {
            let cluster = try PostgresCluster()
            atexit { SharedServer.cluster.stop() }
            return cluster
        } catch {
            fatalError("cannot start the tests' PostgreSQL server: \(error)")
        }
    }()

    private static let counter = Mutex(0)

    /// A new database, empty or a copy of `template`, opened as a store.
    static func store(copying template: String?) throws -> Store {
        let name = "t\(counter.withLock { value in value += 1; return value })_\(getpid())"
        try cluster.psql("postgres", "CREATE DATABASE \(name)" + (template.map { " TEMPLATE \($0)" } ?? ""))
        Scratch.scope?.atEnd {
            do {
                try cluster.psql("postgres", "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            } catch {
                FileHandle.standardError.write(Data("warning: test database \(name) not dropped: \(error)\n".utf8))
            }
        }
        return try ServerStore.open(cluster.url(database: name), access: .create)
    }

    /// The template `name`, made once by `build` on a fresh store whose connection is closed before
    /// any copy (PostgreSQL copies only a template nobody is connected to).
    static func template(_ name: String, build: (Store) throws -> Void) throws -> String {
        try templates.withLock { made in
            if !made.contains(name) {
                try cluster.psql("postgres", "CREATE DATABASE \(name)")
                try build(try ServerStore.open(cluster.url(database: name), access: .create))
                made.insert(name)
            }
        }
        return name
    }

    private static let templates = Mutex(Set<String>())
}
#endif
