import Foundation
import Testing
import ImpactStore

@Suite(.serialized) struct ImportEndToEndTests {
    let fixtures = ImpactBinary.projectRoot + "/fixtures"

    func freshStore() throws -> String {
        let store = ImpactBinary.temporaryDirectory() + "/store.sqlite"
        let result = try ImpactBinary.run(["import", "geography", fixtures + "/geography", "--store", store])
        #expect(result.status == 0, "\(result.stderr)")
        return store
    }

    @Test func everyFixtureImportsAndASecondRunIsUnchanged() throws {
        let store = try freshStore()
        let files = try FileManager.default.subpathsOfDirectory(atPath: fixtures)
            .filter { $0.hasSuffix(".csv") && $0.hasPrefix("vt-") }.sorted()
        #expect(files.count >= 8)
        for file in files {
            let first = try ImpactBinary.run(["import", "csv", fixtures + "/" + file, "--store", store])
            #expect(first.status == 0 && first.stderr.contains("imported batch"), "\(file): \(first.stderr)")
            let second = try ImpactBinary.run(["--store", store, "import", "csv", fixtures + "/" + file])
            #expect(second.status == 0 && second.stderr.contains("unchanged"), "\(file): \(second.stderr)")
        }
        let mode = try FileManager.default.attributesOfItem(atPath: store)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func brokenCopyIsRejectedWithEveryProblemAndTheStoreUnchanged() throws {
        let store = try freshStore()
        let result = try ImpactBinary.run(["import", "csv", fixtures + "/broken/broken-import.csv", "--store", store])
        #expect(result.status == 1)
        for expected in ["broken-import.csv:3:14: error[IMP-I001]: unknown geo code 'GM0759'",
                         "broken-import.csv:4:21: error[IMP-C010]: row has 3 fields but the header has 4",
                         "broken-import.csv:5:25: error[IMP-C015]: value '1x1' is not a number",
                         "broken-import.csv:6:20: error[IMP-C013]: invalid period '2018-13'",
                         "broken-import.csv:8:1: error[IMP-I003]: conflicting values", "did you mean 'GM0758'",
                         "nothing was written"] {
            #expect(result.stderr.contains(expected), "missing: \(expected)\n\(result.stderr)")
        }
        #expect(result.stdout.isEmpty)
        let count = try Store(path: store).database.scalarInt("SELECT count(*) FROM observation")
        #expect(count == 0)
    }

    @Test func storeFromEnvironmentVariable() throws {
        let store = try freshStore()
        let result = try ImpactBinary.run(["import", "csv", fixtures + "/vt-gelderland/regio-2018.csv"],
                                          environment: ["IMPACT_STORE": store])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Store(path: store).database.scalarInt("SELECT count(*) FROM observation") == 6)
    }

    /// SIGKILL during an import must leave the store exactly as before: intact and with the old counts.
    /// The kill points are fractions of how long the same import takes on this machine (timed on a
    /// copy of the store), so the process is interrupted early, midway and near its commit however
    /// fast the machine is.
    @Test func killMidImportLeavesTheStoreAsBefore() throws {
        let store = try freshStore()
        let seed = try ImpactBinary.run(["import", "csv", fixtures + "/vt-west-brabant/regio-2015-2018.csv",
                                         "--store", store])
        #expect(seed.status == 0)
        let big = ImpactBinary.temporaryDirectory() + "/big.csv"
        try Self.writeLargeFile(big, rows: 150_000)
        let copy = ImpactBinary.temporaryDirectory() + "/timed.sqlite"
        try FileManager.default.copyItem(atPath: store, toPath: copy)
        let started = Date()
        let timed = try ImpactBinary.run(["import", "csv", big, "--store", copy])
        let duration = Date().timeIntervalSince(started)
        #expect(timed.status == 0, "\(timed.stderr)")
        for fraction in [0.1, 0.25, 0.45] {
            let (process, _, _) = ImpactBinary.process(["import", "csv", big, "--store", store])
            try process.run()
            Thread.sleep(forTimeInterval: duration * fraction)
            #expect(process.isRunning, "the import finished before \(fraction) of its measured \(duration) s")
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal)
            let reopened = try Store(path: store)
            #expect(try reopened.database.scalar("PRAGMA integrity_check") == .text("ok"))
            #expect(try reopened.database.scalarInt("SELECT count(*) FROM observation") == 26)
            #expect(try reopened.database.scalarInt("SELECT count(*) FROM import_batch") == 2)
        }
    }

    static func writeLargeFile(_ path: String, rows: Int) throws {
        let codes = ["GM0758", "GM0748", "GM0826", "GM1674", "GM0777"]
        var text = "series,geo,period,value\n"
        var written = 0
        outer: for series in 0..<100 {
            for code in codes {
                for year in 1900..<2020 {
                    for month in 1...12 {
                        text += "syn.s\(series),\(code),\(year)-\(month < 10 ? "0" : "")\(month),\(written % 997)\n"
                        written += 1
                        if written == rows { break outer }
                    }
                }
            }
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
