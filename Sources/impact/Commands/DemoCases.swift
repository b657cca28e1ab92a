import ImpactCore
import ImpactEngine
import ImpactLanguage
import ImpactSources
import ImpactStore

/// The demo's case events: the synthetic deliveries under `fixtures/cases/`, one per VT region.
enum DemoCases {
    /// Pseudonymises the synthetic demo events only; it is public, so real deliveries need a key of
    /// their own (`docs/privacy.md`).
    static let key = "impact-demo-key-for-the-synthetic-fixtures-only"
    static let deliveries = [("vt_casus_wb", "west-brabant"), ("vt_casus_mb", "midden-brabant")]

    /// Imports each delivery, keeping the results of the case measures `definitions` name.
    static func importEvents(_ project: ProjectFiles, keeping definitions: DefinitionSet, into store: Store,
                             context: CommandContext) throws {
        let pseudonymKey: PseudonymKey
        do { pseudonymKey = try PseudonymKey(bytes: Array(key.utf8)) } catch {
            throw CommandFailure(message: "the demo pseudonym key is too short")
        }
        var events = 0
        for (source, folder) in deliveries {
            var delivery = CaseEventDelivery(source: source, inputs: [project.fixtures + "/cases/" + folder],
                                             key: pseudonymKey)
            delivery.afterMerge = CaseResultMaintainer(store: store, definitions: definitions).keeping(source: source)
            let result = try delivery.run(into: store)
            guard !result.failed else {
                throw CommandFailure(message: "the demo case events did not import; the checkout may be damaged")
            }
            events += result.rows
        }
        context.write("\nImported \(events) case events (synthetische gegevens, fixtures/cases) from "
                      + "\(deliveries.count) deliveries, pseudonymised at import.\n")
    }
}
