import Foundation
import Testing
import TestHarness

/// Raw case and person ids never leave the import: after importing known ids (and rejecting rows
/// that hold them in the wrong places), none of their bytes is in the store file, its WAL, shared
/// memory or journal, or in anything `import`, `eval`, `explain` or an error printed.
@Suite(.scratch) struct PrivacyEndToEndTests {
    static let rawIDs = ["ZAAK-2018-773104", "ZAAK-2018-773105", "123456782", "987654329", "PERSOON-X-4471"]

    static let events = """
        case_id,person_id,role,event,date,geo,leeftijd
        ZAAK-2018-773104,123456782,kind,melding,2018-01-02,GM0758,4-11
        ZAAK-2018-773104,987654329,ouder,melding,2018-01-02,GM0758,
        ZAAK-2018-773104,,,start_onderzoek,2018-01-10,GM0758,
        ZAAK-2018-773104,,,einde_onderzoek,2018-04-01,GM0758,
        ZAAK-2018-773105,123456782,kind,melding,2018-06-02,GM0744,4-11
        ZAAK-2018-773105,PERSOON-X-4471,ouder,melding,2018-12-30,GM0744,

        """

    /// Every way a row can be wrong, each with a raw id where a field is checked.
    static let broken = """
        case_id,person_id,role,event,date,geo,leeftijd
        ZAAK-2018-773104,123456782,kind,melding,987654329,GM0758,
        ZAAK-2018-773105,987654329,kind,melding,2018-02-01,123456782,
        ZAAK-2018-773104,123456782,kind,melding,2018-01-02,GM0758,4-11
        ZAAK-2018-773104,123456782,kind,melding,2018-01-02,GM0758,4-11
        ZAAK-2018-"773104,123456782,kind,melding,2018-01-02,GM0758,
        ZAAK-2018-773105,PERSOON-X-4471,PERSOON-X-4471,melding,2018-01-02,GM0758,
        ,987654329,kind,melding,2018-01-02,GM0758,
        ZAAK-2018-773105,987654329,kind,melding,2018-01-02

        """

    static let definitions = """
        cases vt_casus {
          title "Casussen"
          events melding start_onderzoek einde_onderzoek
          term onderzoek start_onderzoek to einde_onderzoek 10 weeks
          min_cell 1
        }
        indicator personen {
          title "Personen"
          criterion output
          unit persons
          better none
          value distinct_persons(vt_casus)
        }
        indicator termijn {
          title "Termijn"
          criterion output
          unit percent
          better lower
          value exceeding(vt_casus, onderzoek)
        }
        """

    @Test func noRawIDReachesTheStoreItsLogsOrAnyOutput() throws {
        let directory = ImpactBinary.temporaryDirectory()
        let store = directory + "/store.sqlite"
        let key = directory + "/key.txt"
        try "c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00\n".write(
            toFile: key, atomically: true, encoding: .utf8)
        try Self.events.write(toFile: directory + "/events.csv", atomically: true, encoding: .utf8)
        try Self.broken.write(toFile: directory + "/broken.csv", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: directory + "/indicators", withIntermediateDirectories: true)
        try Self.definitions.write(toFile: directory + "/indicators/cases.ind", atomically: true, encoding: .utf8)
        let keyed = ["--pseudonym-key-file", key, "--event-source", "vt_casus", "--store", store]
        let definitions = ["--indicators", directory + "/indicators", "--store", store]
        var outputs: [ImpactBinary.Output] = []
        outputs.append(try ImpactBinary.run(["import", "geography", "fixtures/geography", "--store", store]))
        let imported = try ImpactBinary.run(["import", "events", directory + "/events.csv"] + keyed)
        #expect(imported.status == 0, "\(imported.stderr)")
        let rejected = try ImpactBinary.run(["import", "events", directory + "/broken.csv"] + keyed)
        #expect(rejected.status == 1)
        #expect(rejected.stderr.contains("broken.csv:2:"))
        let withoutKey = try ImpactBinary.run(["import", "events", directory + "/events.csv", "--store", store])
        #expect(withoutKey.status != 0)
        #expect(withoutKey.stderr.contains("pseudonym key"))
        outputs += [imported, rejected, withoutKey]
        outputs += try Self.readCommands(definitions)
        #expect(outputs[5].stdout.contains("personen"))
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix("store") }
        #expect(files.contains("store.sqlite"))
        let written = try files.map { try Data(contentsOf: URL(fileURLWithPath: directory + "/" + $0)) }
            + outputs.flatMap { [Data($0.stdout.utf8), Data($0.stderr.utf8)] }
        let input = try Data(contentsOf: URL(fileURLWithPath: directory + "/events.csv"))
        for id in Self.rawIDs {
            #expect(input.range(of: Data(id.utf8)) != nil, "the search finds \(id) where it is")
            for (index, data) in written.enumerated() {
                #expect(data.range(of: Data(id.utf8)) == nil, "raw id \(id) found in written item \(index)")
            }
        }
    }

    /// The read commands whose outputs must not show a raw id: eval (with its SQL traced), JSON, explain.
    static func readCommands(_ definitions: [String]) throws -> [ImpactBinary.Output] {
        try [["eval", "--geo", "VTWB", "--geo", "GM0758", "--period", "2018", "--trace-sql"],
             ["eval", "--geo", "GM0744", "--period", "2018", "--format", "json", "--no-suppress"],
             ["explain", "termijn", "--geo", "VTWB", "--period", "2018"]].map { command in
            let output = try ImpactBinary.run(command + definitions)
            #expect(output.status == 0, "\(command): \(output.stderr)")
            return output
        }
    }
}
