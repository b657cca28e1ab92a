import Foundation
import Testing
import TestHarness

/// Plugins that deliver doubtful records, misbehave as processes or read more than they should:
/// each is refused or contained with a clear message, and the store keeps its figures.
@Suite(.scratch) struct PluginHardeningTests {
    let root = ImpactBinary.projectRoot

    /// A store holding the West-Brabant regional figures 2015–2018 (VTWB 2018 meldingen 6039).
    func store() throws -> String {
        let path = ImpactBinary.temporaryDirectory() + "/plugins.sqlite"
        #expect(try ImpactBinary.run(["import", "geography", root + "/fixtures/geography", "--store", path])
                    .status == 0)
        let file = root + "/fixtures/vt-west-brabant/regio-2015-2018.csv"
        #expect(try ImpactBinary.run(["import", "csv", file, "--store", path]).status == 0)
        return path
    }

    /// A directory with `sources/impact-source-NAME` holding `script`.
    func plugin(_ name: String, _ script: String) throws -> String {
        let directory = ImpactBinary.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory + "/sources", withIntermediateDirectories: true)
        let path = directory + "/sources/impact-source-\(name)"
        try script.write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o755)
        return directory
    }

    /// A shell plugin printing these records, one per line.
    func records(_ lines: [String]) -> String {
        "#!/bin/sh\ncat <<'END'\n" + lines.joined(separator: "\n") + "\nEND\n"
    }

    func meldingen2018(_ store: String) throws -> String {
        let history = try ImpactBinary.run(["history", "vt.meldingen", "--geo", "VTWB", "--period", "2018",
                                            "--store", store, "--format", "csv"])
        return history.stdout
    }

    static let valid = #"{"version":1,"type":"observation","series":"vt.meldingen","geo":"VTWB","#
        + #""period":"2019","value":1}"#

    /// Records a lenient reader would have stored as something else; each is refused with its number.
    @Test(arguments: [
        (#""dimensions":{"melder":"Politie","aard":1},"value":7"#, "IMP-S102", "'aard' is not a non-empty string"),
        (#""dimensions":["Politie"],"value":7"#, "IMP-S102", "it is not an object"),
        (#""valeu":7"#, "IMP-S100", #"unknown field "valeu""#),
        (#""value":7,"n":-30"#, "IMP-S104", #""n" -30 must not be negative"#),
        (#""value":7,"n":"29""#, "IMP-S105", #""n" must be a JSON number or null"#),
        (#""value":1e400"#, "IMP-S103", #""value" 1e400 is too large"#),
        (#""value":9007199254740993"#, "IMP-S103", "more digits than can be stored exactly"),
    ])
    func doubtfulRecordsAreRefused(fields: String, code: String, text: String) throws {
        let store = try store()
        let before = try meldingen2018(store)
        let record = #"{"version":1,"type":"observation","series":"vt.meldingen","geo":"VTWB","period":"2018","#
            + fields + "}"
        let directory = try plugin("doubt", records([Self.valid, record]))
        let result = try ImpactBinary.run(["import", "doubt", "--store", store], directory: directory)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("plugin doubt:2:1: error[\(code)]: record 2: "), "\(result.stderr)")
        #expect(result.stderr.contains(text), "\(result.stderr)")
        #expect(try meldingen2018(store) == before)
    }

    @Test func versionMustBeExactlyOne() throws {
        let store = try store()
        let directory = try plugin("version", records([Self.valid.replacingOccurrences(of: "\"version\":1",
                                                                                         with: "\"version\":1.9")]))
        let result = try ImpactBinary.run(["import", "version", "--store", store], directory: directory)
        #expect(result.status == 1 && result.stderr.contains("error[IMP-S035]"), "\(result.stderr)")
    }

    /// `"value": null` stays the way to say "missing"; it is not confused with a forgotten value.
    @Test func explicitNullIsMissing() throws {
        let store = try store()
        let directory = try plugin("null", records([Self.valid.replacingOccurrences(of: "\"value\":1",
                                                                                      with: "\"value\":null")]))
        let result = try ImpactBinary.run(["import", "null", "--store", store], directory: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let history = try ImpactBinary.run(["history", "vt.meldingen", "--geo", "VTWB", "--period", "2019",
                                            "--store", store, "--format", "csv"])
        #expect(history.stdout.split(separator: "\n").count == 2, "\(history.stdout)")
    }

    /// Plugins that leave processes behind or keep a descriptor open end within the timeout.
    @Test(arguments: [
        ("closer", "exec >&-\nsleep 30\n", 1 as Int32, "did not finish within 3 s"),
        ("leaver", "sleep 30 &\nexit 0\n", 0, "imported batch"),
        ("daemon", "setsid sleep 30 &\nexit 0\n", 0, "imported batch"),
    ])
    func runawayPluginsCannotHang(name: String, tail: String, status: Int32, text: String) throws {
        let store = try store()
        let directory = try plugin(name, "#!/bin/sh\necho '\(Self.valid)'\n" + tail)
        let started = Date()
        let result = try ImpactBinary.run(["import", name, "--store", store, "--timeout", "3"], directory: directory)
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(result.status == status && result.stderr.contains(text), "\(result.stderr)")
    }

    /// Secrets in the caller's environment do not reach a plugin; the allow-listed variables do.
    @Test func pluginSeesOnlyTheAllowList() throws {
        let store = try store()
        let script = "#!/bin/sh\necho \"secret=${AWS_SECRET_ACCESS_KEY:-none} region=${IMPACT_REGION:-none}"
            + " tz=${TZ:-none} path=${PATH:+set}\" >&2\nexit 4\n"
        let result = try ImpactBinary.run(["import", "env", "--store", store],
                                          environment: ["AWS_SECRET_ACCESS_KEY": "hunter2", "IMPACT_REGION": "wb",
                                                        "TZ": "Europe/Amsterdam"],
                                          directory: try plugin("env", script))
        #expect(result.status == 1 && result.stderr.contains("exited with status 4"), "\(result.stderr)")
        #expect(result.stderr.contains("secret=none region=wb tz=Europe/Amsterdam path=set"), "\(result.stderr)")
    }

    /// A plugin pouring out stderr is judged by its tail; the tool's memory stays bounded.
    @Test func stderrIsABoundedTail() throws {
        let store = try store()
        let script = "#!/bin/sh\nhead -c 50000000 /dev/zero | tr '\\0' 'x' >&2\necho 'the real reason' >&2\nexit 2\n"
        let directory = try plugin("chatty", script)
        let result = try ImpactBinary.run(["import", "chatty", "--store", store, "--timeout", "60"],
                                          directory: directory)
        #expect(result.status == 1 && result.stderr.contains("the real reason"))
        #expect(result.stderr.utf8.count < 10_000, "\(result.stderr.utf8.count) bytes of stderr")
    }
}
