import Foundation
import Testing
import TestHarness

/// Progress of `impact import` on a terminal (a pseudo-terminal from `script`, as in
/// `TableOutputEndToEndTests`), and none at all when stderr is a pipe or with `--quiet`.
@Suite(.serialized, .scratch) struct ImportProgressEndToEndTests {
    let fixtures = ImpactBinary.projectRoot + "/fixtures"

    private func freshStore() throws -> String {
        let store = ImpactBinary.temporaryDirectory() + "/store.sqlite"
        let result = try ImpactBinary.run(["import", "geography", fixtures + "/geography", "--store", store])
        #expect(result.status == 0, "\(result.stderr)")
        return store
    }

    private func importArguments(_ store: String) -> [String] {
        ["import", "csv", fixtures + "/vt-west-brabant/regio-2015-2018.csv", "--store", store]
    }

    /// What the command writes to its terminal (stderr; stdout goes to /dev/null), run from the
    /// project root so its definitions keep the rollups current.
    private func onTerminal(_ arguments: [String], environment extra: [String: String] = [:]) throws -> String {
        let quoted = ([ImpactBinary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-q", "-c", "exec \(quoted) >/dev/null", "/dev/null"]
        process.currentDirectoryURL = URL(fileURLWithPath: ImpactBinary.projectRoot)
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "IMPACT_STORE")
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        return text
    }

    @Test func aTerminalShowsEveryPhaseInPlaceThenTheUnchangedSummary() throws {
        let piped = try ImpactBinary.run(importArguments(try freshStore()))
        #expect(piped.status == 0, "\(piped.stderr)")
        let text = try onTerminal(importArguments(try freshStore()))
        for phase in ["parse", "check", "merge", "rollups 0/"] {
            #expect(text.contains("\rimport: \(phase)"), "no \(phase) in \(text.debugDescription)")
        }
        #expect(text.contains(" rows"))
        // The line is erased before the summary, which then reads as it does on a pipe.
        let erase = "\r\u{1B}[K"
        let summary = text.components(separatedBy: erase).last ?? ""
        #expect(summary.replacingOccurrences(of: "\r\n", with: "\n") == piped.stderr, "\(text.debugDescription)")
    }

    /// An event import names its own phases: the case days and the case results it keeps.
    @Test func anEventImportShowsItsPhasesThenTheUnchangedSummary() throws {
        let key = ["IMPACT_PSEUDONYM_KEY": "impact-demo-key-for-the-synthetic-fixtures-only"]
        func arguments(_ store: String) -> [String] {
            ["import", "events", fixtures + "/cases/west-brabant", "--event-source", "vt_casus_wb", "--store", store]
        }
        let piped = try ImpactBinary.run(arguments(try freshStore()), environment: key)
        #expect(piped.status == 0, "\(piped.stderr)")
        let text = try onTerminal(arguments(try freshStore()), environment: key)
        for phase in ["parse", "check", "merge", "case days", "case results 0/3"] {
            #expect(text.contains("\rimport: \(phase)"), "no \(phase) in \(text.debugDescription)")
        }
        let summary = text.components(separatedBy: "\r\u{1B}[K").last ?? ""
        #expect(summary.replacingOccurrences(of: "\r\n", with: "\n") == piped.stderr, "\(text.debugDescription)")
    }

    /// A store copy counts the rows it copied of all the source holds.
    @Test func aStoreCopyShowsTheRowsCopied() throws {
        let source = try freshStore()
        #expect(try ImpactBinary.run(importArguments(source)).status == 0)
        let text = try onTerminal(["store", "copy", source, ImpactBinary.temporaryDirectory() + "/copy.sqlite"])
        #expect(text.contains("\rstore: copy · 0 of "), "\(text.debugDescription)")
        let summary = text.components(separatedBy: "\r\u{1B}[K").last ?? ""
        #expect(summary.hasPrefix("copied "), "\(text.debugDescription)")
    }

    @Test func pipedStderrAndQuietCarryNoProgressBytes() throws {
        let piped = try ImpactBinary.run(importArguments(try freshStore()))
        #expect(piped.status == 0 && piped.stderr.contains("imported batch"), "\(piped.stderr)")
        #expect(!piped.stderr.contains("\r") && !piped.stderr.contains("\u{1B}") && !piped.stderr.contains("parse"))
        let quiet = try onTerminal(importArguments(try freshStore()) + ["--quiet"])
        #expect(quiet.contains("imported batch"), "\(quiet.debugDescription)")
        #expect(!quiet.contains("import: ") && !quiet.contains("\u{1B}"), "\(quiet.debugDescription)")
    }
}
