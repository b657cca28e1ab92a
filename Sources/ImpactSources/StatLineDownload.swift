import Foundation

/// Fetches one StatLine table from the OData API: the resources a saved export holds and
/// `StatLineSource` reads — DataProperties, TypedDataSet and the code list of every dimension — so a
/// live import parses exactly what a file import would. The default service root is the CBS
/// ODataApi, whose answers the saved exports in `fixtures/statline/` reproduce
/// (`https://opendata.cbs.nl/ODataApi/odata/99999NED/$metadata#…`).
public struct StatLineDownload {
    public static let defaultBaseURL = "https://opendata.cbs.nl/ODataApi/odata/"

    public let table: String
    /// The table's own service root, such as `https://opendata.cbs.nl/ODataApi/odata/83765NED/`:
    /// the origin of the batch.
    public let tableURL: URL
    public let client: ODataClient

    /// `baseURL` is the service root under which tables are folders.
    public init(table: String, baseURL: URL, client: ODataClient) {
        self.table = table
        tableURL = Self.url(of: table, under: baseURL)
        self.client = client
    }

    /// The service root of `table` under `baseURL`.
    public static func url(of table: String, under baseURL: URL) -> URL {
        baseURL.appendingPathComponent(table, isDirectory: true)
    }

    /// Every resource, DataProperties first: it names the dimensions whose code lists follow.
    public func fetch() throws -> [StatLineDocument] {
        let properties = try document("DataProperties")
        let codeLists = StatLineSource.codeListKeys(properties.rows() ?? [])
        return try [properties, document("TypedDataSet")] + codeLists.map(document)
    }

    private func document(_ name: String) throws -> StatLineDocument {
        let url = tableURL.appendingPathComponent(name)
        return StatLineDocument(name: name, location: url.absoluteString, pages: try client.pages(of: url))
    }
}
