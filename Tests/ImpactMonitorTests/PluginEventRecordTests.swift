import Foundation
import Testing
@testable import ImpactCore
@testable import ImpactSources
import ImpactStore
import TestHarness

/// A plugin's event record gives the same pseudonymised record as the CSV row with the same fields,
/// and every bad record is a numbered message that quotes nothing of the record.
@Suite(.scratch) struct PluginEventRecordTests {
    let key = try! PseudonymKey(bytes: Array("plugin-event-record-test-key-32-bytes!".utf8))

    func decode(_ line: String) throws(DiagnosticMessage) -> CaseEventRecord {
        var pseudonyms = CaseEventCSV.Pseudonyms(key: key)
        return try PluginEventRecord.decode(Data(line.utf8), number: 7, origin: "plugin vt", pseudonyms: &pseudonyms)
    }

    @Test func aRecordIsPseudonymisedLikeACSVRow() throws {
        let record = try decode(#"{"version":1,"type":"event","case_id":" Z-1 ","person_id":"P-9","role":"kind","#
                                + #""event":"melding","date":"2018-01-02","geo":"GM0758","#
                                + #""dimensions":{"leeftijd":"4-11"}}"#)
        #expect(record.caseKey == key.pseudonym("Z-1", domain: "case"))
        #expect(record.personKey == key.pseudonym("P-9", domain: "person"))
        #expect(record.role == "kind" && record.event == "melding" && record.geo == "GM0758")
        #expect(record.date.iso == "2018-01-02")
        #expect(record.dimensions == ["leeftijd": "4-11"])
        #expect(record.file == "plugin vt" && record.line == 7)
    }

    @Test func withoutPersonOrRoleTheyStayEmpty() throws {
        let record = try decode(#"{"version":1,"type":"event","case_id":"Z-1","person_id":null,"#
                                + #""event":"einde_onderzoek","date":"2018-04-01","geo":"GM0758"}"#)
        #expect(record.personKey.isEmpty && record.role.isEmpty && record.dimensions.isEmpty)
    }

    @Test(arguments: [
        (#"Z-1"#, DiagnosticCode.recordNotJSON),
        (#"{"version":2,"type":"event"}"#, .recordVersion),
        (#"{"version":1,"type":"observation","case_id":"Z-1"}"#, .eventRecordType),
        (#"{"version":1,"type":"event","Z-1":"x","event":"melding","date":"2018-01-02","geo":"GM0758"}"#,
         .eventRecordUnknownField),
        (#"{"version":1,"type":"event","case_id":1234,"event":"melding","date":"2018-01-02","geo":"GM0758"}"#,
         .eventRecordField),
        (#"{"version":1,"type":"event","case_id":"Z-1","event":"melding","date":"2018-01-02"}"#, .eventEmptyField),
        (#"{"version":1,"type":"event","case_id":"Z-1","event":"melding","date":"Z-1","geo":"GM0758"}"#,
         .eventInvalidDate),
        (#"{"version":1,"type":"event","case_id":"Z-1","role":"Z-1","event":"melding","date":"2018-01-02","#
            + #""geo":"GM0758"}"#, .eventInvalidName),
        (#"{"version":1,"type":"event","case_id":"Z-1","event":"melding","date":"2018-01-02","geo":"GM0758","#
            + #""dimensions":{"Z-1":"a"}}"#, .eventRecordDimensions),
    ])
    func aBadRecordIsNumberedAndQuotesNothing(line: String, code: DiagnosticCode) {
        let message = #expect(throws: DiagnosticMessage.self) { try decode(line) }
        #expect(message?.code == code)
        #expect(message.map { !($0.text + ($0.hint ?? "")).contains("Z-1") } == true)
    }
}
