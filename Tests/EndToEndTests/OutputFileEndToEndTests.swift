import Foundation
import Testing
import TestHarness

/// `--out FILE` and `--out -` (docs/cli.md): the same bytes as stdout, written in one step with the
/// store's permissions, and a clear failure before any work when the file cannot be written.
@Suite(.scratch) struct OutputFileEndToEndTests {
    /// A demo store (0600) and a folder for the output files.
    struct Setup {
        let directory = ImpactBinary.temporaryDirectory()
        var store: String { directory + "/demo.sqlite" }
        var alerts: String { directory + "/alerts.sqlite" }

        init() throws {
            #expect(try DemoStore.copy(to: store))
        }

        func mode(_ path: String) throws -> Int {
            try (FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int ?? 0) & 0o777
        }
    }

    /// Every data command: the file holds exactly what stdout would, and stdout stays empty.
    @Test func everyDataCommandWritesWhatItWouldPrint() throws {
        let setup = try Setup()
        let store = ["--store", setup.store]
        let commands: [([String], Int)] = [
            (["eval", "--period", "2018", "--geo", "VTWB", "--format", "csv"] + store, 0o600),
            (["diff", "2017", "2018", "--geo", "VTWB"] + store, 0o600),
            (["explain", "wb_meldingen", "--geo", "VTWB", "--period", "2018"] + store, 0o600),
            (["catalogue", "--format", "markdown"] + store, 0o600), (["coverage", "--format", "json"] + store, 0o600),
            (["history"] + store, 0o600), (["alerts", "list"] + store, 0o600), (["alerts", "history"] + store, 0o600),
            (["alerts", "outbox"] + store, 0o600), (["sources"], 0o644), (["completions", "zsh"], 0o644),
            (["help", "--man"], 0o644), (["help", "eval"], 0o644),
        ]
        for (index, (arguments, mode)) in commands.enumerated() {
            let call = "impact " + arguments.joined(separator: " ")
            let printed = try ImpactBinary.run(arguments)
            let file = setup.directory + "/out-\(index).txt"
            let written = try ImpactBinary.run(arguments + ["--out", file])
            #expect(written.status == 0 && written.stdout.isEmpty, "\(call): \(written.stderr)")
            #expect(try String(contentsOfFile: file, encoding: .utf8) == printed.stdout, "\(call)")
            #expect(try setup.mode(file) == mode, "\(call)")
            let dash = try ImpactBinary.run(arguments + ["--out", "-"])
            #expect(dash.stdout == printed.stdout, "\(call) --out -")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: setup.directory)
            .filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty, "temporary files left behind: \(leftovers)")
    }

    /// A repeated eval is answered from the cache, into the file as well.
    @Test func aCachedEvalWritesTheSameFile() throws {
        let setup = try Setup()
        let arguments = ["eval", "--period", "2018", "--format", "csv", "--store", setup.store]
        let first = setup.directory + "/first.csv", second = setup.directory + "/second.csv"
        #expect(try ImpactBinary.run(arguments + ["--out", first]).status == 0)
        #expect(try ImpactBinary.run(arguments + ["--out", second]).status == 0)
        #expect(try String(contentsOfFile: first, encoding: .utf8) == String(contentsOfFile: second, encoding: .utf8))
    }

    /// `alerts check` that finds something firing (exit 1) still writes its transitions.
    @Test func alertsCheckWritesItsTransitionsWhenSomethingFires() throws {
        let setup = try Setup()
        try importAlertData(setup.alerts)
        let file = setup.directory + "/transitions.jsonl"
        for year in ["2016", "2017"] {
            let check = try ImpactBinary.run(["alerts", "check", "--period", year, "--store", setup.alerts,
                                              "--out", file])
            #expect(check.stdout.isEmpty, "\(check.stderr)")
        }
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("\"to\":\"firing\""))
    }

    @Test func reportWritesToStdoutWithADash() throws {
        let setup = try Setup()
        let folder = ImpactBinary.temporaryDirectory()
        let report = try ImpactBinary.run(["report", "--period", "2018", "--region", "VTWB", "--store", setup.store,
                                           "--indicators", ImpactBinary.projectRoot + "/indicators", "--out", "-"],
                                          directory: folder)
        #expect(report.status == 0 && report.stdout.hasPrefix("<!DOCTYPE html>"), "\(report.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(!files.contains { $0.hasPrefix("report-") }, "no report file next to the output: \(files)")
        let mode = try ImpactBinary.run(["report", "--period", "2018", "--programme", "wb", "--store", setup.store, "--out", "-",
                                         "--mode", "0640"])
        #expect(mode.status == 64 && mode.stderr.contains("--mode"))
    }

    /// A missing folder, a file where a folder should be and a folder where the file should be fail
    /// with exit 2 before the command works: `alerts check` records no transition it cannot report.
    @Test func anUnwritablePathFailsBeforeTheWork() throws {
        let setup = try Setup()
        try importAlertData(setup.alerts)
        let plain = setup.directory + "/plain.txt"
        try "x".write(toFile: plain, atomically: true, encoding: .utf8)
        let cases: [(String, String)] = [
            (setup.directory + "/missing/out.csv", "there is no directory"), (plain + "/out.csv", "is not a directory"),
            (setup.directory, "is a directory"),
        ]
        for (path, message) in cases {
            for arguments in [["eval", "--store", setup.store], ["alerts", "check", "--period", "2017",
                                                                "--store", setup.alerts]] {
                let result = try ImpactBinary.run(arguments + ["--out", path])
                #expect(result.status == 2 && result.stderr.contains("cannot write '\(path)': ")
                            && result.stderr.contains(message), "\(arguments) --out \(path): \(result.stderr)")
            }
        }
        let history = try ImpactBinary.run(["alerts", "history", "--format", "csv", "--store", setup.alerts])
        #expect(history.stdout.split(separator: "\n").count == 1, "no transitions recorded: \(history.stdout)")
        let report = try ImpactBinary.run(["report", "--period", "2018", "--programme", "wb", "--store", setup.store,
                                           "--out", setup.directory + "/missing/r.html"])
        #expect(report.status == 2 && report.stderr.contains("cannot write"), "\(report.stderr)")
        #expect(try ImpactBinary.run(["eval", "--store", setup.store, "--out", ""]).status == 64)
        #expect(try ImpactBinary.run(["alerts", "outbox", "drop", "1", "--store", setup.alerts,
                                      "--out", plain]).status == 64)
    }

    private func importAlertData(_ store: String) throws {
        #expect(try ImpactBinary.run(["import", "geography", "fixtures/geography", "--store", store]).status == 0)
        #expect(try ImpactBinary.run(["import", "csv", "indicators/tests/politie-input.csv",
                                      "--store", store]).status == 0)
    }
}
