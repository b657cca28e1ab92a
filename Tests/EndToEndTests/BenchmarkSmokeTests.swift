import Foundation
import Testing

/// The benchmark at a tiny size: every step runs and ImpactMonitor, DuckDB and the sqlite3 CLI
/// agree on every cell. Timings at this size mean nothing; the full run is `scripts/bench`.
/// A build with the PostgreSQL trait runs the PostgreSQL side too (`--backend postgresql`, two
/// readers): its cells join the equality check and the readers during an import see no mix.
@Suite struct BenchmarkSmokeTests {
    #if PostgreSQL
    static let backend = ["--backend", "postgresql", "--readers", "2"]
    #else
    static let backend: [String] = []
    #endif

    @Test func tinyBenchmarkRunsWithThreeWayEquality() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", ImpactBinary.projectRoot + "/scripts/bench", "--quick", "--impact", ImpactBinary.path,
                             "--work", ImpactBinary.temporaryDirectory()] + Self.backend
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(stdout)\n\(stderr)")
        #expect(stdout.contains("cells equal in all three"))
        #expect(stdout.contains("| warm evaluation (result cache) vs cold |"))
        if !Self.backend.isEmpty {
            #expect(stdout.contains("cells equal in all four; CSV equal to SQLite's byte for byte"))
            #expect(stdout.contains("0 saw a mix of before and after"))
        }
    }
}
