import Foundation
import Testing
import TestHarness

/// Table output for daily use: fitted to the terminal width (`COLUMNS`) with numbers intact, whole
/// lines with `--wide` or in a pipe, Dutch headers and statuses with `--lang nl`, and coverage filters.
@Suite(.scratch) struct TableOutputEndToEndTests {
    static func demoStore() throws -> String {
        let store = ImpactBinary.temporaryDirectory() + "/demo.sqlite"
        let demo = try ImpactBinary.run(["demo", "--store", store])
        #expect(demo.status == 0, "\(demo.stderr)")
        return store
    }

    static func lines(_ text: String) -> [Substring] { text.split(separator: "\n") }

    /// Every line within 80 characters, and each number the wide table prints appears whole.
    @Test func tablesFitEightyColumnsWithEveryNumberWhole() throws {
        let store = try Self.demoStore()
        let requests = [["eval", "--level", "gemeente", "--period", "2018"], ["catalogue"], ["history"],
                        ["coverage"], ["sources"], ["alerts", "list"]]
        for request in requests {
            let fitted = try ImpactBinary.run(request + ["--store", store], environment: ["COLUMNS": "80"])
            #expect(fitted.status == 0, "\(request): \(fitted.stderr)")
            for line in Self.lines(fitted.stdout) { #expect(line.count <= 80, "\(request): \(line)") }
            let wide = try ImpactBinary.run(request + ["--store", store, "--wide"], environment: ["COLUMNS": "80"])
            let piped = try ImpactBinary.run(request + ["--store", store])
            #expect(wide.stdout == piped.stdout, "--wide prints what a pipe gets")
            #expect(Self.lines(piped.stdout).contains { $0.count > 80 }, "\(request) needed no fitting")
            #expect(Self.lines(fitted.stdout).count >= Self.lines(piped.stdout).count)
        }
        let eval = ["eval", "--level", "gemeente", "--period", "2018", "--store", store, "--no-cache"]
        let fitted = try ImpactBinary.run(eval, environment: ["COLUMNS": "80"]).stdout
        let numbers = try ImpactBinary.run(eval + ["--format", "csv"]).stdout
        let whole = try ImpactBinary.run(eval).stdout
        let shown = Self.lines(whole).dropFirst(2).flatMap { $0.split(separator: " ") }
            .filter { $0.first?.isNumber == true && $0.contains(",") }
        #expect(!shown.isEmpty && !numbers.isEmpty)
        for number in Set(shown) { #expect(fitted.contains(number), "\(number) was cut") }
    }

    /// An unusable COLUMNS is ignored (a pipe: whole lines); a narrow one where numbers cannot fit prints whole.
    @Test func unusableOrTooNarrowWidthsPrintWholeLines() throws {
        let store = try Self.demoStore()
        let request = ["catalogue", "--programme", "wb", "--store", store]
        let whole = try ImpactBinary.run(request).stdout
        for columns in ["abc", "0", "-5", ""] {
            #expect(try ImpactBinary.run(request, environment: ["COLUMNS": columns]).stdout == whole, "\(columns)")
        }
        #expect(try ImpactBinary.run(request, environment: ["COLUMNS": "10"]).stdout == whole)
    }

    /// Without COLUMNS the width of the terminal counts: `script` (util-linux, essential on Debian;
    /// `.ci/run` installs it where missing) gives the command a 70-column one.
    @Test
    func aTerminalWithoutColumnsIsFittedToItsWidth() throws {
        let store = try Self.demoStore()
        let command = "stty cols 70; exec '\(ImpactBinary.path)' catalogue --store '\(store)'"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-q", "-c", command, "/dev/null"]
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "COLUMNS")
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let lines = Self.lines(text.replacingOccurrences(of: "\r", with: ""))
        #expect(lines.count > 10 && text.contains("…"), "\(text)")
        for line in lines { #expect(line.count <= 70, "\(line)") }
    }

    /// A cached eval answer fitted to one width is not served to another.
    /// A file is no terminal: `--out FILE` gets whole lines, whatever `COLUMNS` says.
    @Test func aTableWrittenToAFileIsNotFitted() throws {
        let store = try Self.demoStore()
        let file = ImpactBinary.temporaryDirectory() + "/eval.txt"
        let request = ["eval", "--geo", "VTWB", "--period", "2018", "--store", store]
        #expect(try ImpactBinary.run(request + ["--out", file], environment: ["COLUMNS": "80"]).status == 0)
        let written = try String(contentsOfFile: file, encoding: .utf8)
        #expect(written == (try ImpactBinary.run(request + ["--wide"])).stdout)
        #expect(Self.lines(written).contains { $0.count > 80 })
    }

    @Test func evalCacheKeepsEachWidthApart() throws {
        let store = try Self.demoStore()
        let request = ["eval", "--level", "gemeente", "--period", "2018", "--store", store]
        let narrow = try ImpactBinary.run(request, environment: ["COLUMNS": "80"]).stdout
        let whole = try ImpactBinary.run(request).stdout
        #expect(narrow != whole && Self.lines(whole).contains { $0.count > 80 })
        #expect(try ImpactBinary.run(request, environment: ["COLUMNS": "80"]).stdout == narrow)
    }

    @Test func dutchHeadersAndStatusesWithLangNlOnly() throws {
        let store = try Self.demoStore()
        let request = ["eval", "--geo", "VTWB", "--period", "2018", "--store", store]
        let dutch = try ImpactBinary.run(request + ["--lang", "nl"])
        #expect(dutch.status == 0, "\(dutch.stderr)")
        #expect(dutch.stdout.hasPrefix("indicator") && dutch.stdout.contains("gebied")
                && dutch.stdout.contains("periode") && dutch.stdout.contains("waarde"))
        #expect(dutch.stdout.contains("voorlopig") && dutch.stdout.contains("geen cijfer"))
        let english = try ImpactBinary.run(request)
        #expect(try ImpactBinary.run(request + ["--lang", "en"]).stdout == english.stdout)
        #expect(english.stdout.contains("  geo  ") && english.stdout.contains("missing"))
        let markdown = try ImpactBinary.run(request + ["--lang", "nl", "--format", "markdown"]).stdout
        #expect(markdown.hasPrefix("| indicator | gebied | periode | waarde | teller | noemer | n | status |"))
        for format in ["csv", "json"] {
            let machine = try ImpactBinary.run(request + ["--format", format, "--lang", "nl"]).stdout
            #expect(machine == (try ImpactBinary.run(request + ["--format", format]).stdout), "\(format)")
            #expect(machine.contains("geo") && !machine.contains("gebied"))
        }
        let catalogue = try ImpactBinary.run(["catalogue", "--store", store, "--lang", "nl"]).stdout
        #expect(catalogue.hasPrefix("programma") && catalogue.contains("beschikbaar"))
        let wrong = try ImpactBinary.run(request + ["--lang", "de"])
        #expect(wrong.status == 64 && wrong.stderr.contains("--lang"))
    }

    @Test func coverageFiltersPeriodsAndSeries() throws {
        let store = try Self.demoStore()
        let base = ["coverage", "--store", store, "--series", "vt.meldingen"]
        let all = try ImpactBinary.run(base)
        #expect(all.stdout.contains("2016") && all.stdout.contains("2018"))
        let window = try ImpactBinary.run(base + ["--from", "2017", "--to", "2017"])
        #expect(window.status == 0, "\(window.stderr)")
        let header = try #require(Self.lines(window.stdout).first)
        #expect(header.hasPrefix("series") && header.hasSuffix("2017") && !header.contains("2016"))
        #expect(!window.stdout.contains("pop.inwoners"))
        let from = try #require(Self.lines(try ImpactBinary.run(base + ["--from", "2018"]).stdout).first)
        #expect(from.contains("2018") && !from.contains("2017"))
        let to = try #require(Self.lines(try ImpactBinary.run(base + ["--to", "2016"]).stdout).first)
        #expect(to.contains("2016") && !to.contains("2017") && !to.contains("2018"))
        let reversed = try ImpactBinary.run(base + ["--from", "2018", "--to", "2017"])
        #expect(reversed.status == 64 && reversed.stderr.contains("ends before --from"))
        let invalid = try ImpactBinary.run(base + ["--from", "2018-S1"])
        #expect(invalid.status == 64 && invalid.stderr.contains("--from"))
        let unknown = try ImpactBinary.run(base + ["--series", "vt.meldngen"])
        #expect(unknown.status == 64 && unknown.stderr.contains("did you mean"))
    }
}
