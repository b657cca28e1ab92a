#if PostgreSQL
import Foundation
import TestHarness
import Testing

/// The generated national data (`scripts/generate-national.py`, 8 municipalities in 28 regions and
/// 12 provinces, a year of months and the month after) on a SQLite file and on a PostgreSQL store:
/// every output compared byte for byte — evaluation at each level, disclosure-controlled and not,
/// diffs, an evaluation as of the first delivery, and the alert check with the state it leaves behind.
@Suite(.serialized, .scratch) struct PostgresNationalConformanceTests {
    static let requests: [[String]] = [
        ["eval", "--level", "gemeente", "--period", "2019", "--format", "csv"],
        ["eval", "--level", "gemeente", "--period", "2019-06", "--format", "csv"],
        ["eval", "--level", "gemeente", "--period", "2019-06", "--no-suppress", "--format", "csv"],
        ["eval", "--level", "regio", "--from", "2019-Q1", "--to", "2019-Q4", "--format", "csv"],
        ["eval", "--level", "provincie", "--period", "2019-Q4", "--format", "csv"],
        ["eval", "--region-set", "vt", "--period", "2020-01", "--format", "csv"],
        ["eval", "--region-set", "vt", "--period", "2020-01", "--as-of", "2", "--format", "csv"],
        ["diff", "2019-H1", "2019-H2", "--level", "regio", "--format", "csv"],
        ["diff", "2019-Q3", "2019-Q4", "--level", "gemeente", "--format", "csv"],
        ["alerts", "check", "--period", "2020-01"],
        ["alerts", "list", "--format", "csv"],
    ]

    /// A small national data set in a fresh folder: seconds to generate and import.
    static func generate() throws -> String {
        let folder = ImpactBinary.temporaryDirectory() + "/national"
        let generator = try SpawnedChild(["/usr/bin/env", "python3", ImpactBinary.projectRoot
                                            + "/scripts/generate-national.py", folder,
                                          "--municipalities", "8", "--years", "1"])
        let generated = try generator.wait(seconds: 60)
        #expect(generated.status == 0, "\(generated.stderr)")
        return folder
    }

    /// Geography, the two years, then the month after them: two deliveries, so `--as-of` has a past.
    static func load(_ folder: String, into store: String) throws {
        let indicators = ["--indicators", folder + "/indicators", "--store", store]
        let geography = try ImpactBinary.run(["import", "geography", folder + "/geography", "--store", store])
        #expect(geography.status == 0, "\(geography.stderr)")
        for delivery in ["data.csv", "next-month.csv"] {
            let imported = try ImpactBinary.run(["import", "csv", folder + "/" + delivery] + indicators)
            #expect(imported.status == 0, "\(delivery): \(imported.stderr)")
        }
    }

    /// The transitions' `at` is when the check ran: the one part of its output that differs.
    static func withoutTimes(_ output: String) -> String {
        output.replacingOccurrences(of: #""at":"[^"]*""#, with: #""at":"""#, options: .regularExpression)
    }

    @Test func nationalDataGivesTheSameOutputsOnBothBackends() throws {
        let folder = try Self.generate()
        let cluster = try PostgresCluster()
        defer { cluster.stop() }
        let server = try cluster.createDatabase("national")
        let file = ImpactBinary.temporaryDirectory() + "/national.sqlite"
        try Self.load(folder, into: server)
        try Self.load(folder, into: file)
        for request in Self.requests {
            let indicators = ["--indicators", folder + "/indicators"]
            let sqlite = try ImpactBinary.run(request + indicators + ["--store", file])
            let postgres = try ImpactBinary.run(request + indicators + ["--store", server])
            #expect(sqlite.status == 0 || request.starts(with: ["alerts", "check"]), "\(request): \(sqlite.stderr)")
            #expect(postgres.status == sqlite.status, "\(request): \(postgres.stderr)")
            #expect(sqlite.stdout.split(separator: "\n").count > 1, "\(request) gave nothing")
            #expect(Self.withoutTimes(postgres.stdout) == Self.withoutTimes(sqlite.stdout),
                    "\(request) differs between SQLite and PostgreSQL")
        }
        let again = try [file, server].map {
            try ImpactBinary.run(["alerts", "check", "--period", "2020-01", "--indicators", folder + "/indicators",
                                  "--store", $0])
        }
        #expect(again[0].status == again[1].status && again.allSatisfy(\.stdout.isEmpty),
                "the alert state was kept on both: a second check reports no new transition")
        let suppressed = try ImpactBinary.run(Self.requests[1] + ["--indicators", folder + "/indicators",
                                                                  "--store", server])
        #expect(suppressed.stdout.contains("suppressed"), "the month's small cells are disclosure-controlled")
        let past = try ImpactBinary.run(Self.requests[6] + ["--indicators", folder + "/indicators", "--store", server])
        let now = try ImpactBinary.run(Self.requests[5] + ["--indicators", folder + "/indicators", "--store", server])
        #expect(past.stdout != now.stdout, "as of the first delivery, 2020-01 was not there yet")
    }
}
#endif
