import Foundation
import Testing
import TestHarness
@testable import ImpactCore
@testable import ImpactSources
@testable import ImpactStore

/// The StatLine source reads fetched pages and saved files through the same documents.
@Suite(.scratch) struct StatLineDocumentTests {
    static let export = TestSupport.fixtures + "/statline/vt-west-brabant"

    /// The saved export as the API would page it: TypedDataSet in two pages.
    static func fetched() throws -> [StatLineDocument] {
        try ["DataProperties", "TypedDataSet", "RegioS", "Perioden"].map { name in
            let data = try #require(FileManager.default.contents(atPath: export + "/\(name).json"))
            guard name == "TypedDataSet" else { return StatLineDocument(name: name, location: name, pages: [data]) }
            let document = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            let rows = try #require(document?["value"] as? [Any])
            let pages = try [rows[..<2], rows[2...]].map {
                try JSONSerialization.data(withJSONObject: ["value": Array($0)], options: .sortedKeys)
            }
            return StatLineDocument(name: name, location: "https://example.org/T/TypedDataSet", pages: pages)
        }
    }

    func importing(_ source: StatLineSource, inputs: [String]) throws -> (ImportResult, Store) {
        let store = try TestSupport.storeWithGeography()
        var options = ImportOptions(mapping: TestSupport.fixtures + "/statline/vt-west-brabant.mapping")
        options.geography = try GeographyStore(store: store).load()
        return (try DataImport(source: source, inputs: inputs, options: options).run(into: store), store)
    }

    @Test func fetchedPagesImportLikeTheSavedFiles() throws {
        let source = StatLineSource(fetched: try Self.fetched())
        let (live, liveStore) = try importing(source, inputs: ["https://example.org/T/"])
        let (files, fileStore) = try importing(StatLineSource(), inputs: [Self.export])
        #expect(!live.failed, "\(live.diagnostics)")
        #expect((live.rows, live.added) == (files.rows, files.added))
        let observations = "SELECT count(*) FROM observation"
        #expect(try liveStore.database.scalarInt(observations) == fileStore.database.scalarInt(observations))
    }

    /// The digest of a live import is that of the fetched content, not of the (absent) input files.
    @Test func theDigestOfAFetchedTableIsThatOfItsContent() throws {
        let documents = try Self.fetched()
        let digest = try StatLineSource(fetched: documents).digest(["https://example.org/T/"])
        #expect(digest == (try StatLineSource(fetched: Self.fetched()).digest(["elsewhere"])))
        var changed = documents
        changed[3] = StatLineDocument(name: "Perioden", location: "Perioden", pages: [Data("{\"value\":[]}".utf8)])
        #expect(digest != (try StatLineSource(fetched: changed).digest(["https://example.org/T/"])))
    }

    @Test func anExportWithoutTypedDataSetIsReported() throws {
        let folder = TestSupport.temporaryDirectory()
        try FileManager.default.copyItem(atPath: Self.export + "/DataProperties.json",
                                         toPath: folder + "/DataProperties.json")
        let (result, _) = try importing(StatLineSource(), inputs: [folder])
        #expect(result.failed)
        #expect(result.diagnostics.contains { $0.code == .missingExportFile && $0.file == "TypedDataSet.json" })
    }

    /// GeoDetail properties have no code list of their own, so none is fetched for them.
    @Test func codeListsAreFetchedForDimensionsOnly() {
        let properties: [[String: Any]] = [["Type": "GeoDimension", "Key": "RegioS"], ["Type": "Topic", "Key": "A_1"],
                                           ["Type": "GeoDetail", "Key": "Codering_3"],
                                           ["Type": "TimeDimension", "Key": "Perioden"],
                                           ["Type": "Dimension", "Key": "Melder"]]
        #expect(StatLineSource.codeListKeys(properties) == ["RegioS", "Perioden", "Melder"])
    }
}
