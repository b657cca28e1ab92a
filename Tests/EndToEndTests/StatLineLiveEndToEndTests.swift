import Foundation
import Testing
import TestHarness

/// `impact import statline --table ID`: the live import fetches the table from the OData API (here a
/// local server, `ODataTestServer`) and imports exactly what the saved export of the same pages gives.
@Suite(.scratch) struct StatLineLiveEndToEndTests {
    let root = ImpactBinary.projectRoot
    var mapping: String { root + "/fixtures/statline/vt-west-brabant.mapping" }

    func storeWithGeography() throws -> String {
        let store = ImpactBinary.temporaryDirectory() + "/live.sqlite"
        let geography = try ImpactBinary.run(["import", "geography", root + "/fixtures/geography", "--store", store])
        #expect(geography.status == 0)
        return store
    }

    func importLive(_ base: String, store: String, _ extra: [String] = []) throws -> ImpactBinary.Output {
        try ImpactBinary.run(["import", "statline", "--table", "99999NED", "--base-url", base, "--mapping", mapping,
                              "--store", store] + extra)
    }

    /// What the store holds, without when and from where it came.
    func contents(_ store: String) throws -> [String] {
        try [["eval"], ["coverage"]].map { command in
            try ImpactBinary.run(command + ["--store", store, "--format", "csv"]).stdout
        }
    }

    /// Paged answers, one HTTP 503 on the way: the same observations as the saved files.
    @Test func aLiveImportEqualsTheImportOfTheSavedFiles() throws {
        let server = try ODataTestServer()
        defer { server.stop() }
        let fromFiles = try storeWithGeography()
        let files = try ImpactBinary.run(["import", "statline", root + "/fixtures/statline/vt-west-brabant",
                                          "--mapping", mapping, "--store", fromFiles])
        let live = try storeWithGeography()
        let result = try importLive(server.baseURL(.flaky), store: live)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("note: HTTP 503 from \(server.baseURL(.flaky))99999NED/TypedDataSet?$skip=2; "
                                       + "trying again"), "\(result.stderr)")
        #expect(result.stderr.contains("fetched table 99999NED: 4 resources in 6 pages"))
        #expect(result.stderr.contains("imported batch 2: 4 rows, 28 new, 0 revised"))
        #expect(files.stderr.contains("imported batch 2: 4 rows, 28 new, 0 revised"))
        #expect(try contents(live) == contents(fromFiles))
        let history = try ImpactBinary.run(["history", "--store", live, "--format", "csv"]).stdout
        #expect(history.contains("2,statline,\(server.baseURL(.flaky))99999NED/,"), "\(history)")
    }

    /// The digest of a live import is that of the fetched content: the same table again is an
    /// identical delivery.
    @Test func fetchingTheSameTableAgainIsAnIdenticalDelivery() throws {
        let server = try ODataTestServer()
        defer { server.stop() }
        let store = try storeWithGeography()
        #expect(try importLive(server.baseURL(.paged), store: store).status == 0)
        let again = try importLive(server.baseURL(.paged), store: store)
        #expect(again.status == 0)
        #expect(again.stderr.contains("unchanged: all 4 rows equal the current values; identical to batch 2"),
                "\(again.stderr)")
    }

    /// `--timeout` bounds each request: the first answer of TypedDataSet takes 3 s, so it is tried again.
    @Test func timeoutBoundsEachRequest() throws {
        let server = try ODataTestServer()
        defer { server.stop() }
        let store = try storeWithGeography()
        let result = try importLive(server.baseURL(.sluggish), store: store, ["--timeout", "1", "--dry-run"])
        #expect(result.status == 0, "\(result.stderr)")
        let note = "note: no answer in time from \(server.baseURL(.sluggish))99999NED/TypedDataSet"
        #expect(result.stderr.contains(note), "\(result.stderr)")
        #expect(result.stderr.contains("dry run: 4 rows valid"))
    }

    @Test func aServerThatStaysBusyFailsNamingTheURLAndTheStatusAndLeavesNoStore() throws {
        let server = try ODataTestServer()
        defer { server.stop() }
        let store = ImpactBinary.temporaryDirectory() + "/never.sqlite"
        let result = try importLive(server.baseURL(.busy), store: store)
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(server.baseURL(.busy))99999NED/DataProperties?$top=10000: error[IMP-S131]: "
                                       + "HTTP 503 ("), "\(result.stderr)")
        #expect(result.stderr.contains("on all 4 tries; gave up"))
        #expect(server.requests.count == 4)
        #expect(!FileManager.default.fileExists(atPath: store))
    }

    /// No network: the host cannot be found, and the import says so at once.
    @Test func offlineFailsFastWithAClearMessage() throws {
        let store = try storeWithGeography()
        let started = Date()
        let result = try importLive("https://impact-offline.invalid/ODataApi/odata/", store: store)
        #expect(result.status == 2)
        #expect(result.stderr.contains("error[IMP-S130]: cannot reach impact-offline.invalid (offline?)"),
                "\(result.stderr)")
        #expect(!result.stderr.contains("trying again"))
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test func helpNamesTheDefaultServiceRoot() throws {
        let help = try ImpactBinary.run(["import", "--help"]).stdout
        #expect(help.contains("--table ID") && help.contains("--base-url URL"))
        #expect(help.contains("https://opendata.cbs.nl/ODataApi/odata/"))
    }

    @Test(arguments: [
        (["import", "csv", "--table", "99999NED"], "--table is an option of the statline source, not of 'csv'"),
        (["import", "statline", "fixtures/statline/vt-west-brabant", "--table", "99999NED", "--mapping", "m"],
         "--table fetches the table itself; give no INPUT files with it"),
        (["import", "statline", "fixtures/statline/vt-west-brabant", "--base-url", "http://localhost/"],
         "--base-url is only used with --table ID"),
        (["import", "statline", "--table", "99999NED/../x", "--mapping", "m"],
         "--table expects a StatLine table id such as 83765NED, not '99999NED/../x'"),
        (["import", "statline", "--table", "99999NED", "--mapping", "m", "--base-url", "ftp://mirror/odata/"],
         "--base-url must be an http or https URL, not 'ftp://mirror/odata/'"),
        (["import", "statline", "--table", "99999NED"], "--table needs --mapping FILE"),
    ])
    func tableUsageErrors(arguments: [String], message: String) throws {
        let store = ImpactBinary.temporaryDirectory() + "/usage.sqlite"
        let result = try ImpactBinary.run(arguments + ["--store", store])
        #expect(result.status == 64)
        #expect(result.stderr.contains("error: " + message), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: store))
    }
}
