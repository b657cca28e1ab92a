import Foundation
import Testing
import ImpactStore
import TestHarness

@Suite(.serialized, .scratch) struct ImportEndToEndTests {
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
    /// copy), so the process is interrupted early, midway and late however fast the machine is. Each
    /// attempt imports into its own copy of the seeded store; when a busy machine lets the import
    /// finish before the kill, that attempt proves nothing and is repeated with half the delay.
    @Test func killMidImportLeavesTheStoreAsBefore() throws {
        let store = try freshStore()
        let seed = try ImpactBinary.run(["import", "csv", fixtures + "/vt-west-brabant/regio-2015-2018.csv",
                                         "--store", store])
        #expect(seed.status == 0)
        let directory = ImpactBinary.temporaryDirectory()
        let big = directory + "/big.csv"
        try Self.writeLargeFile(big, rows: 150_000)
        try FileManager.default.copyItem(atPath: store, toPath: directory + "/timed.sqlite")
        let started = Date()
        let timed = try ImpactBinary.run(["import", "csv", big, "--store", directory + "/timed.sqlite"])
        let duration = Date().timeIntervalSince(started)
        #expect(timed.status == 0, "\(timed.stderr)")
        var attempt = 0
        for fraction in [0.1, 0.3, 0.6] {
            var delay = duration * fraction
            var interrupted = false
            while !interrupted && delay > 0.01 {
                attempt += 1
                let copy = directory + "/attempt-\(attempt).sqlite"
                try FileManager.default.copyItem(atPath: store, toPath: copy)
                let killed = try Self.importKilled(after: delay, file: big, store: copy)
                delay /= 2
                let reopened = try Store(path: copy)
                #expect(try reopened.database.scalar("PRAGMA integrity_check") == .text("ok"))
                let observations = try reopened.database.scalarInt("SELECT count(*) FROM observation")
                let batches = try reopened.database.scalarInt("SELECT count(*) FROM import_batch")
                // All or nothing: killed after its commit, the import is simply complete.
                let before = observations == 26 && batches == 2
                let after = observations == 26 + 150_000 && batches == 3
                #expect(before || after, "a killed import left \(observations ?? -1) observations, \(batches ?? -1) batches")
                interrupted = killed && before
            }
            #expect(interrupted, "no import of \(duration) s could be interrupted near \(fraction) of it")
        }
    }

    /// A first load (into a store without observations) writes through a rollback journal: killed
    /// midway, it leaves a journal that the next reader, even a read-only command, rolls back; the
    /// store is as before and back in WAL mode once opened for writing.
    @Test func killingAFirstLoadLeavesTheStoreAsBefore() throws {
        let directory = ImpactBinary.temporaryDirectory()
        let big = directory + "/big.csv"
        try Self.writeLargeFile(big, rows: 150_000)
        let timedStore = try freshStore()
        let started = Date()
        #expect(try ImpactBinary.run(["import", "csv", big, "--store", timedStore]).status == 0)
        var delay = Date().timeIntervalSince(started) * 0.5
        var interrupted = false
        while !interrupted && delay > 0.01 {
            let store = try freshStore()
            interrupted = try Self.importKilled(after: delay, file: big, store: store)
            delay /= 2
            guard interrupted else { continue }
            #expect(FileManager.default.fileExists(atPath: store + "-journal"))
            let read = try ImpactBinary.run(["history", "--store", store])
            #expect(read.status == 0, "\(read.stderr)")
            #expect(!read.stdout.contains("big.csv"))
            let reopened = try Store(path: store)
            #expect(try reopened.database.scalar("PRAGMA integrity_check") == .text("ok"))
            #expect(try reopened.database.scalarInt("SELECT count(*) FROM observation") == 0)
            #expect(try reopened.database.scalar("PRAGMA journal_mode") == .text("wal"))
        }
        #expect(interrupted, "no first load could be interrupted")
    }

    /// Starts an import and kills it after `delay`; false when it had already finished.
    static func importKilled(after delay: TimeInterval, file: String, store: String) throws -> Bool {
        let (process, _, _) = ImpactBinary.process(["import", "csv", file, "--store", store])
        try process.run()
        Thread.sleep(forTimeInterval: delay)
        guard process.isRunning else {
            process.waitUntilExit()
            return false
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal
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
