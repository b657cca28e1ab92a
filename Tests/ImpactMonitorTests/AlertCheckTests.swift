import Testing
import TestHarness
@testable import ImpactAlerts
@testable import ImpactCore
@testable import ImpactEngine
@testable import ImpactLanguage
@testable import ImpactStore

/// The scheduled alert check on the demo fixtures, on each store engine: the state it keeps
/// between runs, the transitions it records, and that a repeated run changes nothing.
@Suite(.scratch) struct AlertCheckTests {
    static let definitions = DefinitionLoader.load(directory: TestSupport.indicators).definitions

    func check(_ store: Store, _ year: Int) throws -> AlertCheck.Outcome {
        let publication = try Publication(evaluator: Evaluator(store: store, definitions: Self.definitions))
        return try AlertCheck(publication: publication, alertStore: AlertStore(store: store), clock: { "2026-11-30" })
            .run(period: .year(year))
    }

    /// West-Brabant's police share (85.8 % in 2017, 77.9 % in 2018) against "above 80 % for 2 periods".
    @Test(arguments: TestBackend.available) func policeShareGoesPendingThenBackToOk(backend: TestBackend) throws {
        let store = try TestSupport.demoStore(on: backend)
        let first = try check(store, 2017)
        let rule = (indicator: "wb_politie_aandeel", rule: "politie_dominant", geo: "VTWB")
        #expect(first.transitions.map { "\($0.indicator).\($0.rule) \($0.geo): \($0.from) → \($0.to)" }
                == ["wb_politie_aandeel.politie_dominant VTWB: ok → pending"])
        #expect(first.firing.isEmpty)
        let pending = try #require(try AlertStore(store: store).state(indicator: rule.indicator, rule: rule.rule,
                                                                        geo: rule.geo))
        #expect(pending.memory.state == .pending && pending.memory.activeCount == 1)
        #expect(abs(pending.lastValue! - 100.0 * 6488 / 7561) < 1e-9)
        #expect(try check(store, 2017).transitions.isEmpty, "the same period again changes nothing")
        let second = try check(store, 2018)
        #expect(second.transitions.map { "\($0.from) → \($0.to)" } == ["pending → ok"])
        let back = try #require(try AlertStore(store: store).state(indicator: rule.indicator, rule: rule.rule,
                                                                     geo: rule.geo))
        #expect(back.memory.state == .ok && back.lastPeriodStart == "2018-01-01")
        #expect(try store.database.scalarInt("SELECT count(*) FROM alert_transition") == 2)
    }
}
