import Foundation

/// One resource of a StatLine table — DataProperties, TypedDataSet or a dimension's code list — as
/// saved in a file or as fetched from the OData API. `StatLineSource` parses both the same way, so a
/// live import reads exactly what a file import of the same pages reads.
public struct StatLineDocument: Sendable {
    /// The resource's name, such as `TypedDataSet`; a saved export holds it as `NAME.json`.
    public let name: String
    /// Where it came from, for messages: the file's path, or the URL of the resource.
    public let location: String
    /// The OData JSON documents in order: one for a file, one per page when fetched.
    public let pages: [Data]

    public init(name: String, location: String, pages: [Data]) {
        self.name = name
        self.location = location
        self.pages = pages
    }

    /// The rows of every page's `value` array (a bare array is accepted too, as some saved exports
    /// hold only that); nil when a page is neither.
    func rows() -> [[String: Any]]? {
        var rows: [[String: Any]] = []
        for page in pages {
            guard let object = try? JSONSerialization.jsonObject(with: page),
                  let values = ((object as? [String: Any])?["value"] ?? object) as? [[String: Any]] else {
                return nil
            }
            rows += values
        }
        return rows
    }
}
