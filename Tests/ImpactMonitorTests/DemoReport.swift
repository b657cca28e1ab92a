import Foundation
@testable import ImpactEngine
@testable import ImpactLanguage
@testable import ImpactStore

/// The demo's West-Brabant 2018 report (compared with 2017), which several suites read.
enum DemoReport {
    /// A publication over a new demo store and the shipped definitions.
    static func publication() throws -> (store: Store, publication: Publication) {
        let store = try TestSupport.demoStore()
        let definitions = DefinitionLoader.load(directory: TestSupport.indicators).definitions
        return (store, try Publication(evaluator: Evaluator(store: store, definitions: definitions)))
    }

    static func westBrabant2018(_ publication: Publication) throws -> ReportData {
        try ReportBuilder(publication: publication).build(region: "VTWB", period: .year(2018), compare: .year(2017))
    }

    static func westBrabant2018() throws -> ReportData {
        try westBrabant2018(publication().publication)
    }
}
