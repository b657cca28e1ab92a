import Foundation
import Testing
import TestHarness
@testable import ImpactCore
@testable import ImpactEngine
@testable import ImpactLanguage
@testable import ImpactRender
@testable import ImpactSources
@testable import ImpactStore

/// The report's source list names the case event deliveries its case indicators rest on: event
/// source, deliveries, the months covered and the synthetic marking (issue #17).
@Suite(.scratch) struct ReportEventSourceTests {
    /// The demo store with the hand-made rule-test events delivered twice as West-Brabant's event source.
    static func report(events: Bool) throws -> ReportData {
        let (store, publication) = try DemoReport.publication()
        if events {
            let key = try PseudonymKey(bytes: Array(String(repeating: "k", count: 32).utf8))
            let file = TestSupport.fixtures + "/cases/rule-test/events.csv"
            let copy = TestSupport.temporaryDirectory() + "/correction.csv"
            let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").map(String.init)
            let later = lines.last!.replacingOccurrences(of: "2019-12-15", with: "2019-12-20")
            try [lines[0], later].joined(separator: "\n").write(toFile: copy, atomically: true, encoding: .utf8)
            for path in [file, copy] {
                let result = try CaseEventDelivery(source: "vt_casus_wb", inputs: [path], key: key).run(into: store)
                #expect(!result.failed, "\(result.diagnostics)")
            }
        }
        return try DemoReport.westBrabant2018(publication)
    }

    @Test func theReportListsEachEventSourceWithDeliveriesMonthsAndTheSyntheticMark() throws {
        let data = try Self.report(events: true)
        let delivery = try #require(data.eventDeliveries.first)
        #expect(data.eventDeliveries.count == 1)
        #expect(delivery.source == "vt_casus_wb" && delivery.batches.count == 2)
        #expect(delivery.first == CivilDate(year: 2016, month: 1, day: 1))
        #expect(delivery.last == CivilDate(year: 2019, month: 12, day: 31))
        #expect(delivery.synthetic != nil)
        let latest = ReportText(language: "nl").date(try #require(delivery.batches.last?.finished))
        let dutch = "Casussen Veilig Thuis West-Brabant: januari 2016 t/m december 2019, 2 leveringen (\(latest)), synthetische gegevens"
        let html = HTMLReport(data: data, text: ReportText(language: "nl")).html
        #expect(html.contains("<dt>Casusgegevens</dt><dd><span class=\"events\">\(dutch)</span></dd>"))
        let markdown = MarkdownReport(data: data, text: ReportText(language: "nl")).markdown
        #expect(markdown.contains("- Casusgegevens: \(dutch)\n"))
        let english = HTMLReport(data: data, text: ReportText(language: "en")).html
        #expect(english.contains("<dt>Case data</dt><dd><span class=\"events\">Casussen Veilig Thuis West-Brabant: January 2016 to "
                                 + "December 2019, 2 deliveries ("))
        #expect(english.contains(", synthetic data</span>"))
    }

    /// Observation deliveries stay the "data" count: the event batches are listed on their own line.
    @Test func withoutEventsThereIsNoCaseDataLine() throws {
        let data = try Self.report(events: false)
        #expect(data.eventDeliveries.isEmpty)
        #expect(!HTMLReport(data: data, text: ReportText(language: "nl")).html.contains("Casusgegevens"))
        #expect(data.batches.allSatisfy { $0.source != "vt_casus_wb" })
    }
}
