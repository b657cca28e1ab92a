import Foundation
import Synchronization
import Testing
import TestHarness

/// Each test's files go when the test ends, so a run's disk use stays at what the tests running at
/// once hold instead of growing with the suite.
@Suite(.scratch) struct ScratchTests {
    static let trait: ScratchPerTest = .scratch

    @Test func aScopedTestsFoldersAndCleanupsGoWhenItEnds() async throws {
        let made = Mutex<[String]>([])
        let cleaned = Mutex(false)
        try await Self.trait.provideScope(for: try #require(Test.current), testCase: nil) {
            let folder = Scratch.directory("scope")
            FileManager.default.createFile(atPath: folder + "/store.sqlite", contents: Data("x".utf8))
            made.withLock { $0.append(folder) }
            Scratch.scope?.atEnd { cleaned.withLock { $0 = true } }
        }
        let folder = try #require(made.withLock { $0.first })
        #expect(!FileManager.default.fileExists(atPath: folder))
        #expect(cleaned.withLock { $0 })
    }

    @Test func aProcessFolderOutlivesTheTest() async throws {
        let made = Mutex<[String]>([])
        try await Self.trait.provideScope(for: try #require(Test.current), testCase: nil) {
            made.withLock { $0.append(Scratch.processDirectory("shared")) }
        }
        #expect(FileManager.default.fileExists(atPath: try #require(made.withLock { $0.first })))
    }

    /// A suite without the trait would keep its files until the process exits.
    @Test func everySuiteIsMarked() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().path
        let files = FileManager.default.enumerator(atPath: root)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        var suites = 0
        for file in files {
            let text = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
            for line in text.split(separator: "\n") where line.hasPrefix("@Suite") {
                suites += 1
                #expect(line.contains(".scratch"), "\(file): \(line)")
            }
        }
        #expect(suites > 80)
    }
}
