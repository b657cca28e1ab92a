import Foundation
import Testing
import ImpactCore
import ImpactSources
import TestHarness

/// The HTTP side of the live StatLine import, against a local server (`ODataTestServer`) with tiny
/// retry delays: paging by link and by `$skip`, retries with backoff, timeouts, and one catalogue
/// diagnostic, located at the URL, for every way a fetch can fail.
@Suite(.scratch) struct ODataClientTests {
    static let quick = RetryPolicy(tries: 3, firstDelay: 0.01)

    /// The rows of fetched pages, for comparing them with the saved files.
    static func rows(_ pages: [Data]) throws -> [NSDictionary] {
        try pages.flatMap { page in
            let object = try #require(try JSONSerialization.jsonObject(with: page) as? [String: Any])
            return try #require(object["value"] as? [NSDictionary])
        }
    }

    static func savedRows(_ name: String) throws -> [NSDictionary] {
        let path = ImpactBinary.projectRoot + "/fixtures/statline/vt-west-brabant/\(name).json"
        return try rows([try #require(FileManager.default.contents(atPath: path))])
    }

    /// The diagnostic a failing fetch throws.
    static func failure(_ fetch: () throws -> Void) throws -> Diagnostic {
        do {
            try fetch()
        } catch let diagnostic as Diagnostic {
            return diagnostic
        }
        Issue.record("the fetch did not fail")
        throw CancellationError()
    }

    static func url(_ server: ODataTestServer, _ mode: ODataTestServer.Mode, _ resource: String) throws -> URL {
        try #require(URL(string: server.baseURL(mode) + "99999NED/" + resource))
    }

    @Test func pagesFollowBothKindsOfNextLinkAndRetryAFailedPage() throws {
        let server = try ODataTestServer()
        defer { server.stop() }
        var retries: [String] = []
        let client = ODataClient(retry: Self.quick) { url, reason in retries.append("\(reason) \(url.query ?? "")") }
        let data = try client.pages(of: Self.url(server, .flaky, "TypedDataSet"))
        #expect(data.count == 2)
        #expect(try Self.rows(data) == Self.savedRows("TypedDataSet"))
        #expect(retries == ["HTTP 503 $skip=2"])
        let periods = try client.pages(of: Self.url(server, .flaky, "Perioden"))
        #expect(periods.count == 2)
        #expect(try Self.rows(periods) == Self.savedRows("Perioden"))
        #expect(server.requests.filter { $0.contains("TypedDataSet") } == [
            "200 /flaky/odata/99999NED/TypedDataSet?$top=10000", "503 /flaky/odata/99999NED/TypedDataSet?$skip=2",
            "200 /flaky/odata/99999NED/TypedDataSet?$skip=2",
        ])
    }

    /// A server that caps its pages without linking on (as the ODataApi does at 10 000 rows).
    @Test func fullPagesWithoutALinkContinueWithSkip() throws {
        let server = try ODataTestServer()
        defer { server.stop() }
        let client = ODataClient(retry: Self.quick, pageSize: 4)
        let data = try client.pages(of: Self.url(server, .plain, "DataProperties"))
        #expect(data.count == 3)
        #expect(try Self.rows(data) == Self.savedRows("DataProperties"))
        #expect(server.requests.map { $0.split(separator: "?").last ?? "" } == ["$top=4", "$top=4&$skip=4",
                                                                                 "$top=4&$skip=8"])
    }

    @Test func aServerThatStaysBusyIsGivenUpOnNamingTheURLAndTheStatus() throws {
        let server = try ODataTestServer()
        defer { server.stop() }
        let url = try Self.url(server, .busy, "DataProperties")
        let diagnostic = try Self.failure { _ = try ODataClient(retry: Self.quick).pages(of: url) }
        #expect(diagnostic.code == .serverKeptFailing)
        #expect(diagnostic.file == url.absoluteString + "?$top=10000")
        #expect(diagnostic.message.hasPrefix("HTTP 503 (") && diagnostic.message.hasSuffix("on all 3 tries; gave up"))
        #expect(server.requests.count == 3)
    }

    @Test func retryDelaysDoubleFromTheFirst() {
        let policy = RetryPolicy()
        #expect(policy.tries == 4)
        #expect([2, 3, 4].map(policy.delay(beforeTry:)) == [0.25, 0.5, 1])
        #expect(RetryPolicy(tries: 0, firstDelay: -1).tries == 1)
    }

    @Test func aRefusalSuchAsAnUnknownTableIsNotRetried() throws {
        let server = try ODataTestServer()
        defer { server.stop() }
        let url = try #require(URL(string: server.baseURL(.paged) + "00000XXX/DataProperties"))
        let diagnostic = try Self.failure { _ = try ODataClient(retry: Self.quick).pages(of: url) }
        #expect(diagnostic.code == .requestRefused)
        #expect(diagnostic.message.hasPrefix("HTTP 404 ("))
        #expect(diagnostic.hint == "check the table id (--table) and --base-url")
        #expect(server.requests.count == 1)
    }

    @Test func aRequestThatTakesTooLongTimesOutOnEveryTry() throws {
        let server = try ODataTestServer()
        defer { server.stop() }
        let client = ODataClient(timeout: 1, retry: RetryPolicy(tries: 2, firstDelay: 0.01))
        let started = Date()
        let diagnostic = try Self.failure { _ = try client.pages(of: Self.url(server, .slow, "DataProperties")) }
        #expect(diagnostic.code == .requestTimedOut)
        #expect(diagnostic.message == "no answer within 1 s on any of 2 tries")
        #expect(Date().timeIntervalSince(started) < 5)
    }

    /// Offline, the host cannot be found: that fails at once, without waiting for retries.
    @Test func anUnknownHostFailsAtOnceAsOffline() throws {
        var retried = false
        let client = ODataClient { _, _ in retried = true }
        let url = try #require(URL(string: "https://impact-offline.invalid/odata/99999NED/DataProperties"))
        let started = Date()
        let diagnostic = try Self.failure { _ = try client.pages(of: url) }
        #expect(diagnostic.code == .cannotReachHost)
        #expect(diagnostic.message.hasPrefix("cannot reach impact-offline.invalid (offline?)"))
        #expect(!retried && Date().timeIntervalSince(started) < 5)
    }

    @Test func aRefusedConnectionIsRetriedThenReported() throws {
        let closed = try ODataTestServer()
        closed.stop()
        let url = try Self.url(closed, .paged, "DataProperties")
        let diagnostic = try Self.failure { _ = try ODataClient(retry: Self.quick).pages(of: url) }
        #expect(diagnostic.code == .connectionFailed)
        #expect(diagnostic.message.hasPrefix("connection failed on all 3 tries: "))
    }

    @Test func anAnswerThatIsNotODataIsReported() throws {
        let server = try ODataTestServer()
        defer { server.stop() }
        let diagnostic = try Self.failure {
            _ = try ODataClient(retry: Self.quick).pages(of: Self.url(server, .html, "DataProperties"))
        }
        #expect(diagnostic.code == .responseNotOData)
    }

    /// Only web addresses are fetched: a `file:` link (from a server's next link or anywhere) is
    /// refused before any request, not retried as a failed connection.
    @Test func aLinkThatIsNotHTTPIsRefusedWithoutFetching() throws {
        let local = try #require(URL(string: "file:///etc/hostname"))
        let diagnostic = try Self.failure { _ = try ODataClient(retry: Self.quick).pages(of: local) }
        #expect(diagnostic.code == .nextLinkNotHTTP)
    }

    @Test func aNextLinkBackToAFetchedPageStopsTheFetch() throws {
        let server = try ODataTestServer()
        defer { server.stop() }
        let diagnostic = try Self.failure {
            _ = try ODataClient(retry: Self.quick).pages(of: Self.url(server, .loop, "DataProperties"))
        }
        #expect(diagnostic.code == .pagingLoop)
        #expect(server.requests.count == 1)
    }

    /// A server that ignores `$skip` answers the same full page again: that is a loop too.
    @Test func aServerIgnoringSkipStopsTheFetch() throws {
        let server = try ODataTestServer()
        defer { server.stop() }
        let client = ODataClient(retry: Self.quick, pageSize: 1)
        let diagnostic = try Self.failure { _ = try client.pages(of: Self.url(server, .stuck, "DataProperties")) }
        #expect(diagnostic.code == .pagingLoop)
        #expect(server.requests.count == 2)
    }

    @Test func theDownloadFetchesWhatASavedExportHolds() throws {
        let server = try ODataTestServer()
        defer { server.stop() }
        let base = try #require(URL(string: server.baseURL(.paged)))
        let documents = try StatLineDownload(table: "99999NED", baseURL: base, client: ODataClient()).fetch()
        #expect(documents.map(\.name) == ["DataProperties", "TypedDataSet", "RegioS", "Perioden"])
        #expect(documents[1].location == server.baseURL(.paged) + "99999NED/TypedDataSet")
        for document in documents {
            #expect(try Self.rows(document.pages) == Self.savedRows(document.name), "\(document.name)")
        }
    }
}
