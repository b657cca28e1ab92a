#if PostgreSQL
import Foundation
import TestHarness
import Testing

/// Pseudonymisation happens in the reader, before anything reaches the server: after importing
/// known raw ids into a PostgreSQL store (and rejecting rows that hold them in the wrong places),
/// no byte sequence of any raw id is in a `pg_dump` of the database, the server's log, or anything
/// `import`, `eval` or `explain` printed.
@Suite(.scratch) struct PostgresPrivacyTests {
    @Test func noRawIDReachesTheServerItsLogOrAnyOutput() throws {
        let cluster = try PostgresCluster()
        defer { cluster.stop() }
        let store = try cluster.createDatabase("privacy")
        let directory = ImpactBinary.temporaryDirectory()
        try PrivacyEndToEndTests.events.write(toFile: directory + "/events.csv", atomically: true, encoding: .utf8)
        try PrivacyEndToEndTests.broken.write(toFile: directory + "/broken.csv", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: directory + "/indicators", withIntermediateDirectories: true)
        try PrivacyEndToEndTests.definitions.write(toFile: directory + "/indicators/cases.ind", atomically: true,
                                                   encoding: .utf8)
        let key = ["IMPACT_PSEUDONYM_KEY": "c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00"]
        let keyed = ["--event-source", "vt_casus", "--store", store]
        var outputs = [try ImpactBinary.run(["import", "geography", ImpactBinary.projectRoot + "/fixtures/geography",
                                             "--store", store])]
        let imported = try ImpactBinary.run(["import", "events", directory + "/events.csv"] + keyed, environment: key)
        #expect(imported.status == 0 && imported.stderr.contains("6 new"), "\(imported.stderr)")
        let rejected = try ImpactBinary.run(["import", "events", directory + "/broken.csv"] + keyed, environment: key)
        #expect(rejected.status == 1 && rejected.stderr.contains("broken.csv:2:"), "\(rejected.stderr)")
        outputs += [imported, rejected]
        let definitions = ["--indicators", directory + "/indicators", "--store", store]
        outputs += try PrivacyEndToEndTests.readCommands(definitions)
        #expect(outputs[3].stdout.contains("personen"))
        let dump = try SpawnedChild([PostgresCluster.binaries + "/pg_dump", "-h", cluster.directory,
                                     "-p", String(cluster.port), "-U", "postgres", "privacy"])
            .wait(seconds: PostgresSession.deadline)
        #expect(dump.status == 0 && dump.stdout.contains("COPY public.case_event"), "\(dump.stderr)")
        let log = try Data(contentsOf: URL(fileURLWithPath: cluster.directory + "/log"))
        let written = [Data(dump.stdout.utf8), log] + outputs.flatMap { [Data($0.stdout.utf8), Data($0.stderr.utf8)] }
        for id in PrivacyEndToEndTests.rawIDs {
            #expect(PrivacyEndToEndTests.events.contains(id), "the search finds \(id) where it is")
            for (index, data) in written.enumerated() {
                #expect(data.range(of: Data(id.utf8)) == nil, "raw id \(id) found in written item \(index)")
            }
        }
    }
}
#endif
