import Foundation
import Testing
import TestHarness
@testable import ImpactEngine

/// The documented row schemas list exactly the statuses, verdicts and tests the engine produces.
@Suite(.scratch) struct JSONSchemaEnumTests {
    static func enumeration(_ schema: String, _ property: String) throws -> Set<String> {
        let path = TestSupport.projectRoot + "/docs/schema/\(schema).schema.json"
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]
        let properties = object?["properties"] as? [String: [String: Any]]
        return Set(try #require(properties?[property]?["enum"] as? [String]))
    }

    @Test func schemasNameEveryStatusVerdictAndTest() throws {
        #expect(try Self.enumeration("eval-row", "status") == Set(ResultStatus.allCases.map(\.rawValue)))
        #expect(try Self.enumeration("diff-row", "verdict") == Set(Verdict.allCases.map(\.rawValue)))
        #expect(try Self.enumeration("diff-row", "test") == Set(SignificanceTest.allCases.map(\.rawValue)))
    }
}
