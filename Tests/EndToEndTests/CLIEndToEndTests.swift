import Foundation
import Testing
import TestHarness

@Suite(.scratch) struct CLIEndToEndTests {
    @Test func versionAndHelp() throws {
        let version = try ImpactBinary.run(["--version"])
        #expect(version.status == 0 && version.stdout.hasPrefix("impact "))
        let help = try ImpactBinary.run(["--help"])
        #expect(help.status == 0)
        for command in ["init", "import", "demo", "help"] { #expect(help.stdout.contains("  \(command) ")) }
        let commandHelp = try ImpactBinary.run(["help", "import"])
        #expect(commandHelp.status == 0 && commandHelp.stdout.contains("EXAMPLES:"))
        let flagHelp = try ImpactBinary.run(["import", "--help"])
        #expect(flagHelp.stdout == commandHelp.stdout)
    }

    @Test func unknownCommandOrFlagSuggestsAndExits64() throws {
        let command = try ImpactBinary.run(["imprt"])
        #expect(command.status == 64)
        #expect(command.stderr.contains("unknown command 'imprt'") && command.stderr.contains("did you mean 'import'?"))
        let flag = try ImpactBinary.run(["import", "csv", "x.csv", "--stor", "a"])
        #expect(flag.status == 64 && flag.stderr.contains("did you mean '--store'?"))
        let missing = try ImpactBinary.run(["import"])
        #expect(missing.status == 64 && missing.stderr.contains("usage: impact import"))
        let noArguments = try ImpactBinary.run([])
        #expect(noArguments.status == 64)
        let source = try ImpactBinary.run(["import", "cvs", "fixtures/broken/broken-import.csv"])
        #expect(source.status == 64 && source.stderr.contains("did you mean 'csv'?"))
    }

    @Test func missingInputAndBadStoreDirectoryAreClearFailures() throws {
        let directory = ImpactBinary.temporaryDirectory()
        let input = try ImpactBinary.run(["import", "csv", directory + "/nope.csv", "--store", directory + "/s.sqlite"])
        #expect(input.status == 2 && input.stderr.contains("does not exist"))
        let store = try ImpactBinary.run(["init", "--store", directory + "/no/such/dir/s.sqlite"])
        #expect(store.status == 2 && store.stderr.contains("does not exist") && store.stderr.contains("--store"))
        let notAStore = directory + "/text.sqlite"
        try String(repeating: "hello ", count: 200).write(toFile: notAStore, atomically: true, encoding: .utf8)
        let wrong = try ImpactBinary.run(["init", "--store", notAStore])
        #expect(wrong.status == 2 && wrong.stderr.contains("not an ImpactMonitor store"))
        #expect(!wrong.stderr.contains("Fatal error"))
    }

    @Test func demoImportsTheFixturesAndShowsCoverage() throws {
        let store = ImpactBinary.temporaryDirectory() + "/demo.sqlite"
        let demo = try ImpactBinary.run(["demo", "--store", store])
        #expect(demo.status == 0, "\(demo.stderr)")
        #expect(demo.stdout.contains("vt.meldingen"))
        #expect(FileManager.default.fileExists(atPath: store))
        let again = try ImpactBinary.run(["demo", "--store", store])
        #expect(again.status == 2 && again.stderr.contains("already exists"))
    }

    /// A store named without a folder puts the report into the working folder, beside the store
    /// (it went to "/report-VTWB-2018.html", the file system's root).
    @Test func theDemoReportGoesBesideAStoreNamedWithoutAFolder() throws {
        let folder = ImpactBinary.temporaryDirectory()
        let demo = try ImpactBinary.run(["demo", "--store", "demo.sqlite"], directory: folder)
        #expect(demo.status == 0, "\(demo.stderr)")
        #expect(demo.stdout.contains("(open in a browser): report-VTWB-2018.html\n"), "\(demo.stdout)")
        #expect(FileManager.default.fileExists(atPath: folder + "/report-VTWB-2018.html"))
    }

    /// `impact version` and `-V` print the version; `--version` after a command says where it belongs
    /// instead of suggesting an unrelated option.
    @Test func versionInEveryCommonSpelling() throws {
        for spelling in [["--version"], ["-V"], ["version"]] {
            let result = try ImpactBinary.run(spelling)
            #expect(result.status == 0 && result.stdout.hasPrefix("impact "), "\(spelling)")
        }
        let misplaced = try ImpactBinary.run(["eval", "--version"])
        #expect(misplaced.status == 64 && misplaced.stderr.contains("run 'impact --version'"))
        #expect(!misplaced.stderr.contains("--period"))
    }
}
