import Foundation
import Testing
import TestHarness
@testable import ImpactCore
@testable import ImpactStore

/// The bulk path of the case event import: a delivery at least as large as the events already
/// stored is inserted without the non-unique indexes, which are rebuilt from their definitions.
@Suite(.scratch) struct CaseEventImportTests {
    static func indexes(_ store: Store) throws -> [String] {
        try store.database.query("""
            SELECT name || ': ' || sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'case_event' ORDER BY name
            """) { $0.string(0)! }
    }

    static func events(_ count: Int, year: Int) -> [CaseReference.Event] {
        (0..<count).map { number in
            CaseReference.Event(caseID: "c\(year)-\(number)", person: "p\(number % 997)", role: "kind",
                                type: "melding", date: CivilDate(year: year, month: 1 + number % 12, day: 1),
                                geo: "GM0758", dims: [:])
        }
    }

    @Test func aBulkDeliveryKeepsEveryIndexAndTheRowsAQueryFindsThroughThem() throws {
        let store = try TestSupport.storeWithGeography()
        let schema = try Self.indexes(store)
        #expect(schema.count == 6 && !schema.contains { $0.hasPrefix("case_event_batch") })
        try CaseEventFixture.importEvents(Self.events(12_000, year: 2018), into: store)
        #expect(try Self.indexes(store) == schema)
        try CaseEventFixture.importEvents(Self.events(500, year: 2019), into: store)
        let persons = try store.database.scalarInt("""
            SELECT count(DISTINCT person_key) FROM case_event INDEXED BY case_event_by_type
            WHERE source_id = 'rc' AND event_type = 'melding' AND event_date >= '2018-01-01' AND superseded_by IS NULL
            """)
        #expect(persons == 997)
        #expect(try store.database.scalar("PRAGMA integrity_check") == .text("ok"))
    }
}
