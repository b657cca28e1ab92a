import Foundation
import Testing
import TestHarness

/// The benchmark at a tiny size: every step runs and ImpactMonitor, DuckDB and the sqlite3 CLI
/// agree on every cell, and the case-level part agrees with DuckDB on every cell of its four
/// measures, computed and read from the kept results. Timings at this size mean nothing; the full
/// run is `scripts/bench --cases`.
/// The PostgreSQL side (`--backend postgresql`) is left out: on a debug build it made the run 47 s
/// instead of 16 s (a cluster, two imports, readers during the second; load average 7), not the few
/// seconds a smoke test may cost. The server's figures are checked by the Postgres*Tests instead.
@Suite(.scratch) struct BenchmarkSmokeTests {
    @Test func tinyBenchmarkRunsWithThreeWayEquality() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", ImpactBinary.projectRoot + "/scripts/bench", "--quick", "--cases", "--impact",
                             ImpactBinary.path,
                             "--work", ImpactBinary.temporaryDirectory()]
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
        #expect(stdout.contains("read from the kept results:"), "\(stdout)")
        #expect(stdout.components(separatedBy: "280 cells equal").count - 1 == 8, "\(stdout)")
    }
}
