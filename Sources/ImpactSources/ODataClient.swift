import Foundation
import ImpactCore

/// Reads OData collections over HTTP for the live StatLine import. A scheduled import must neither
/// fail on one busy moment of the server, nor hang on a dead one, nor loop on a broken mirror: a
/// request that may succeed later is retried with backoff (`RetryPolicy`), every request has a
/// timeout, paging stops where it would repeat itself, and every failure is a catalogue diagnostic
/// located at the URL. An unknown host fails at once, because retrying cannot help offline.
public struct ODataClient {
    /// Seconds one request may take, from sending it to the last byte of the answer.
    public let timeout: TimeInterval
    public let retry: RetryPolicy
    /// Rows asked for per request (`$top`); the CBS ODataApi answers at most 10 000.
    public let pageSize: Int
    /// Told the URL and the reason before every retry, so the log of a scheduled job shows a flaky server.
    let onRetry: (URL, String) -> Void

    public init(timeout: TimeInterval = 120, retry: RetryPolicy = RetryPolicy(), pageSize: Int = 10_000,
                onRetry: @escaping (URL, String) -> Void = { _, _ in }) {
        self.timeout = timeout
        self.retry = retry
        self.pageSize = max(1, pageSize)
        self.onRetry = onRetry
    }

    /// The answers making up the collection at `url`, in order. A page's next link is followed; a
    /// full page without one is continued with `$skip`, so a server that caps its answers without
    /// linking on (the ODataApi at 10 000 rows) is still read to the end.
    public func pages(of url: URL) throws -> [Data] {
        var pages: [Data] = []
        var requested: Set<URL> = []
        var rows = 0
        var next: URL? = Self.window(url, skip: 0, top: pageSize)
        while let current = next {
            guard ["http", "https"].contains(current.scheme?.lowercased() ?? "") else {
                throw Diagnostic(.nextLinkNotHTTP(current.absoluteString), file: url.absoluteString)
            }
            guard requested.insert(current).inserted else { throw Self.loop(at: current) }
            let body = try get(current)
            guard body != pages.last else { throw Self.loop(at: current) }
            let page = try ODataPage(body, url: current)
            pages.append(body)
            rows += page.rowCount
            next = page.nextLink ?? (page.rowCount >= pageSize ? Self.window(url, skip: rows, top: pageSize) : nil)
        }
        return pages
    }

    /// A link back to a page already read, or a page equal to the one before (a server ignoring `$skip`).
    private static func loop(at url: URL) -> Diagnostic {
        Diagnostic(.pagingLoop, file: url.absoluteString)
    }

    /// `url` asking for rows `skip ..< skip + top`.
    static func window(_ url: URL, skip: Int, top: Int) -> URL {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: true) else { return url }
        let kept = (components.queryItems ?? []).filter { $0.name != "$top" && $0.name != "$skip" }
        let skipping = skip > 0 ? [URLQueryItem(name: "$skip", value: String(skip))] : []
        components.queryItems = kept + [URLQueryItem(name: "$top", value: String(top))] + skipping
        return components.url ?? url
    }

    /// The body of a successful GET of `url`, trying again while the failure may pass.
    func get(_ url: URL) throws -> Data {
        var number = 1
        while true {
            switch request(url) {
            case .success(let body): return body
            case .failure(let failure):
                guard failure.isTransient, number < retry.tries else {
                    throw Diagnostic(failure.message(tries: number, timeout: timeout), file: url.absoluteString)
                }
                onRetry(url, failure.summary)
                number += 1
                Thread.sleep(forTimeInterval: retry.delay(beforeTry: number))
            }
        }
    }

    /// One GET, waited for: the import has nothing else to do meanwhile. libcurl bounds the whole
    /// transfer by the timeout, so no misbehaving server can hold the import forever.
    private func request(_ url: URL) -> Result<Data, HTTPFailure> {
        HTTPGet.get(url, timeout: timeout)
    }
}
