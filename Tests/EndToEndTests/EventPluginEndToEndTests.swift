import Foundation
import Testing
import TestHarness

/// Case events through the plugin protocol: `impact import events PLUGIN ARGS…` gives the same case
/// indicators as the event file with the same events, and, like the file, lets no byte of a raw
/// id reach the store, its WAL or any output — also when the plugin's records are wrong.
@Suite(.scratch) struct EventPluginEndToEndTests {
    /// PrivacyEndToEndTests.events as event records.
    static let records = [
        #"{"version":1,"type":"event","case_id":"ZAAK-2018-773104","person_id":"123456782","role":"kind","#
            + #""event":"melding","date":"2018-01-02","geo":"GM0758","dimensions":{"leeftijd":"4-11"}}"#,
        #"{"version":1,"type":"event","case_id":"ZAAK-2018-773104","person_id":"987654329","role":"ouder","#
            + #""event":"melding","date":"2018-01-02","geo":"GM0758"}"#,
        #"{"version":1,"type":"event","case_id":"ZAAK-2018-773104","event":"start_onderzoek","#
            + #""date":"2018-01-10","geo":"GM0758"}"#,
        #"{"version":1,"type":"event","case_id":"ZAAK-2018-773104","person_id":null,"role":null,"#
            + #""event":"einde_onderzoek","date":"2018-04-01","geo":"GM0758","dimensions":null}"#,
        #"{"version":1,"type":"event","case_id":"ZAAK-2018-773105","person_id":"123456782","role":"kind","#
            + #""event":"melding","date":"2018-06-02","geo":"GM0744","dimensions":{"leeftijd":"4-11"}}"#,
        #"{"version":1,"type":"event","case_id":"ZAAK-2018-773105","person_id":"PERSOON-X-4471","role":"ouder","#
            + #""event":"melding","date":"2018-12-30","geo":"GM0744"}"#,
    ]

    /// Every way a record can be wrong, each with a raw id where it could leak: in a line that is
    /// not JSON, as an unknown field's name, as a date, an area, a role, a number id and a dimension name.
    static let broken = [
        #"not json ZAAK-2018-773104"#,
        #"{"version":1,"type":"event","case_id":"ZAAK-2018-773104","123456782":"x","event":"melding","#
            + #""date":"2018-01-02","geo":"GM0758"}"#,
        #"{"version":1,"type":"event","case_id":"ZAAK-2018-773104","event":"melding","date":"987654329","#
            + #""geo":"GM0758"}"#,
        #"{"version":1,"type":"event","case_id":"ZAAK-2018-773105","event":"melding","date":"2018-01-02","#
            + #""geo":"123456782"}"#,
        #"{"version":1,"type":"event","case_id":"ZAAK-2018-773105","role":"PERSOON-X-4471","event":"melding","#
            + #""date":"2018-01-02","geo":"GM0758"}"#,
        #"{"version":1,"type":"event","case_id":987654329,"event":"melding","date":"2018-01-02","geo":"GM0758"}"#,
        #"{"version":1,"type":"event","case_id":"ZAAK-2018-773105","event":"melding","date":"2018-01-02","#
            + #""geo":"GM0758","dimensions":{"PERSOON-X-4471":"1"}}"#,
        #"{"version":1,"type":"observation","case_id":"ZAAK-2018-773105"}"#,
        #"{"version":1,"type":"event","event":"melding","date":"2018-01-02","geo":"GM0758"}"#,
    ]

    struct Setup {
        let directory: String
        let store: String
        let environment: [String: String]
        var keyed: [String] { ["--pseudonym-key-file", directory + "/key.txt", "--event-source", "vt_casus",
                               "--store", store] }
        var definitions: [String] { ["--indicators", directory + "/indicators", "--store", store] }
    }

    /// A store with the geography, a key, the definitions and plugins on PATH, each printing `lines`.
    func setup(plugins: [String: String]) throws -> Setup {
        let directory = ImpactBinary.temporaryDirectory()
        try "c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00\n".write(
            toFile: directory + "/key.txt", atomically: true, encoding: .utf8)
        for folder in ["indicators", "bin"] {
            try FileManager.default.createDirectory(atPath: directory + "/" + folder, withIntermediateDirectories: true)
        }
        try PrivacyEndToEndTests.definitions.write(toFile: directory + "/indicators/cases.ind", atomically: true,
                                                   encoding: .utf8)
        for (name, script) in plugins {
            let path = directory + "/bin/impact-source-" + name
            try script.write(toFile: path, atomically: true, encoding: .utf8)
            chmod(path, 0o755)
        }
        let path = directory + "/bin:" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let setup = Setup(directory: directory, store: directory + "/store.sqlite", environment: ["PATH": path])
        let geography = try ImpactBinary.run(["import", "geography", "fixtures/geography", "--store", setup.store])
        #expect(geography.status == 0, "\(geography.stderr)")
        return setup
    }

    /// A shell plugin printing `lines` and exiting with `status`; its error output names a raw id.
    static func script(_ lines: [String], status: Int = 0) -> String {
        "#!/bin/sh\necho \"reading ZAAK-2018-773104 for $1\" >&2\ncat <<'END'\n" + lines.joined(separator: "\n")
            + "\nEND\nexit \(status)\n"
    }

    func evaluate(_ setup: Setup) throws -> ImpactBinary.Output {
        try ImpactBinary.run(["eval", "--geo", "VTWB", "--geo", "GM0758", "--geo", "GM0744", "--period", "2018",
                              "--format", "json", "--no-suppress"] + setup.definitions)
    }

    /// No raw id in the store's files (database, WAL, shared memory, journal) or in `outputs`.
    func expectNoRawID(_ setup: Setup, _ outputs: [ImpactBinary.Output]) throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: setup.directory)
            .filter { $0.hasPrefix("store") }
        #expect(files.contains("store.sqlite"))
        let written = try files.map { try Data(contentsOf: URL(fileURLWithPath: setup.directory + "/" + $0)) }
            + outputs.flatMap { [Data($0.stdout.utf8), Data($0.stderr.utf8)] }
        for id in PrivacyEndToEndTests.rawIDs {
            #expect((Self.records + Self.broken).contains { $0.contains(id) }, "the plugins print \(id)")
            for (index, data) in written.enumerated() {
                #expect(data.range(of: Data(id.utf8)) == nil, "raw id \(id) found in written item \(index)")
            }
        }
    }

    @Test func pluginEventsEvaluateLikeTheEventFileAndLeaveNoRawID() throws {
        let plugin = try setup(plugins: ["vt": Self.script(Self.records)])
        let imported = try ImpactBinary.run(["import", "events", "vt", "2018"] + plugin.keyed,
                                            environment: plugin.environment)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.contains("6 rows, 6 new"), "\(imported.stderr)")
        let again = try ImpactBinary.run(["import", "events", "vt", "2018"] + plugin.keyed,
                                         environment: plugin.environment)
        #expect(again.status == 0)
        #expect(again.stderr.contains("unchanged"), "\(again.stderr)")
        let fromPlugin = try evaluate(plugin)
        #expect(fromPlugin.status == 0, "\(fromPlugin.stderr)")

        let file = try setup(plugins: [:])
        try PrivacyEndToEndTests.events.write(toFile: file.directory + "/events.csv", atomically: true,
                                              encoding: .utf8)
        let fromCSV = try ImpactBinary.run(["import", "events", file.directory + "/events.csv"] + file.keyed)
        #expect(fromCSV.status == 0, "\(fromCSV.stderr)")
        let fromFile = try evaluate(file)
        #expect(fromFile.stdout.contains("personen"))
        #expect(fromFile.stdout.contains("termijn"))
        #expect(fromPlugin.stdout == fromFile.stdout)
        try expectNoRawID(plugin, [imported, again, fromPlugin])
    }

    @Test func malformedPluginOutputIsRejectedWithoutRawIDs() throws {
        let valid = Array(Self.records.prefix(2))
        let plugin = try setup(plugins: ["broken": Self.script(valid + Self.broken),
                                         "failing": Self.script(valid, status: 3)])
        let before = try evaluate(plugin)
        let rejected = try ImpactBinary.run(["import", "events", "broken"] + plugin.keyed,
                                            environment: plugin.environment)
        #expect(rejected.status == 1)
        for record in 3...11 {
            #expect(rejected.stderr.contains("plugin broken:\(record):"), "record \(record): \(rejected.stderr)")
        }
        #expect(rejected.stderr.contains("IMP-I112"))
        #expect(rejected.stderr.contains("IMP-I102"))
        #expect(rejected.stderr.contains("nothing was written"))
        let failing = try ImpactBinary.run(["import", "events", "failing"] + plugin.keyed,
                                           environment: plugin.environment)
        #expect(failing.status == 1)
        #expect(failing.stderr.contains("IMP-I114"), "\(failing.stderr)")
        let unknown = try ImpactBinary.run(["import", "events", "nosuch"] + plugin.keyed,
                                           environment: plugin.environment)
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("no plugin impact-source-nosuch"), "\(unknown.stderr)")
        let after = try evaluate(plugin)
        #expect(after.status == 0)
        #expect(after.stdout == before.stdout)
        try expectNoRawID(plugin, [before, rejected, failing, after])
    }
}
