import Foundation
import ImpactCore

/// What paging needs from one OData JSON answer: how many rows it holds and where the next page is.
struct ODataPage {
    let rowCount: Int
    /// `odata.nextLink` (OData v3, as CBS writes it) or `@odata.nextLink` (v4), resolved against the
    /// page's own URL because a mirror may write it relative.
    let nextLink: URL?

    /// Throws IMP-S135 at `url` when the answer is not a JSON object with a `value` array.
    init(_ data: Data, url: URL) throws {
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
              let rows = object["value"] as? [Any] else {
            throw Diagnostic(.responseNotOData, file: url.absoluteString)
        }
        rowCount = rows.count
        let link = (object["odata.nextLink"] ?? object["@odata.nextLink"]) as? String
        nextLink = link.flatMap { URL(string: $0, relativeTo: url)?.absoluteURL }
    }
}
