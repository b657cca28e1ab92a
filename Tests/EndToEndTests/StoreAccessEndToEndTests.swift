import Foundation
import Testing
import TestHarness

/// Only `init`, `import` and `demo` create a store; every other command reads an existing one,
/// read-only, and says so when there is none.
@Suite(.scratch) struct StoreAccessEndToEndTests {
    static let readCommands: [[String]] = [
        ["eval", "--period", "2018"], ["explain", "wb_meldingen"], ["diff", "2017", "2018"], ["history"],
        ["coverage"], ["report", "--period", "2018", "--programme", "wb"], ["alerts", "check", "--latest"],
        ["alerts", "list"],
        ["alerts", "history"], ["catalogue"],
    ]

    @Test func readCommandsNeverCreateAStoreAtAMistypedPath() throws {
        let directory = ImpactBinary.temporaryDirectory()
        let missing = directory + "/mistyped.sqlite"
        let empty = directory + "/empty.sqlite"
        _ = FileManager.default.createFile(atPath: empty, contents: Data())
        for command in Self.readCommands {
            for path in [missing, empty] {
                let result = try ImpactBinary.run(command + ["--store", path], directory: ImpactBinary.projectRoot)
                #expect(result.status == 2, "\(command) on \(path): \(result.stderr)")
                #expect(result.stderr.contains("no store at \(path) (create one with impact init)"), "\(command)")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: missing))
        #expect(try FileManager.default.attributesOfItem(atPath: empty)[.size] as? Int == 0)
    }

    @Test func dryRunAndRejectedImportsLeaveNoStoreBehind() throws {
        let store = ImpactBinary.temporaryDirectory() + "/new.sqlite"
        let dryRun = try ImpactBinary.run(["import", "csv", "fixtures/vt-west-brabant/regio-2015-2018.csv",
                                           "--dry-run", "--store", store])
        #expect(dryRun.status == 2 && dryRun.stderr.contains("no store at \(store)"))
        let rejected = try ImpactBinary.run(["import", "csv", "fixtures/broken/broken-import.csv", "--store", store])
        #expect(rejected.status == 1 && rejected.stderr.contains("import rejected"))
        #expect(!FileManager.default.fileExists(atPath: store))
        #expect(!FileManager.default.fileExists(atPath: store + "-wal"))
        let geography = try ImpactBinary.run(["import", "geography", "fixtures/geography", "--store", store])
        #expect(geography.status == 0 && FileManager.default.fileExists(atPath: store))
    }

    @Test func readCommandsWorkInAReadOnlyDirectory() throws {
        let directory = ImpactBinary.temporaryDirectory()
        let store = directory + "/store.sqlite"
        #expect(try ImpactBinary.run(["demo", "--store", store]).status == 0)
        // Read-only for this process (mode bits, or the immutable attribute for root); where root
        // may not set that attribute, the commands run as user nobody, whom the mode bits bind.
        let immutable = try ReadOnlyDirectory.protect(directory)
        defer { ReadOnlyDirectory.release(directory) }
        let asNobody = !immutable
        if asNobody {
            try #require(getuid() == 0, "cannot make a read-only directory for this test")
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: store)
        }
        let outputs = ImpactBinary.temporaryDirectory()
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: outputs)
        let report = ["--out", outputs + "/r.md"]
        for command in Self.readCommands where command != ["alerts", "check", "--latest"] {
            let output = command.first == "report" ? report : []
            let result = try ImpactBinary.run(command + output + ["--store", store], asNobody: asNobody)
            #expect(result.status == 0, "\(command): \(result.stderr)")
        }
        let check = try ImpactBinary.run(["alerts", "check", "--latest", "--store", store], asNobody: asNobody)
        #expect(check.status == 2 && check.stderr.contains("read-only") && !check.stderr.contains("Fatal error"))
        let history = try ImpactBinary.run(["history", "--store", store, "--format", "csv"], asNobody: asNobody)
        #expect(history.stdout.hasPrefix("batch,source"))
    }
}

/// A directory this process cannot write, also when the tests run as root (which ignores mode
/// bits): the immutable attribute binds root too. Where neither works the test cannot be made.
enum ReadOnlyDirectory {
    static func protect(_ path: String) throws -> Bool {
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: path)
        if !writable(path) { return true }
        _ = try? ImpactBinary.shell(["chattr", "+i", path])
        if !writable(path) { return true }
        release(path)
        return false
    }

    static func release(_ path: String) {
        _ = try? ImpactBinary.shell(["chattr", "-i", path])
        try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
    }

    private static func writable(_ path: String) -> Bool {
        let probe = path + "/probe"
        guard FileManager.default.createFile(atPath: probe, contents: Data()) else { return false }
        try? FileManager.default.removeItem(atPath: probe)
        return true
    }
}
