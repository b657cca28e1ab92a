import ImpactCore
import ImpactEngine
import ImpactLanguage
import ImpactSources
import ImpactStore

/// One scheduled run: evaluates every alert rule for every applicable area in a period, moves the
/// state machines, records transitions and queues their notifications — all in one transaction,
/// so the run sees one vintage of the data and a crash loses nothing.
public struct AlertCheck {
    public let publication: Publication
    public let alertStore: AlertStore
    /// Whether each transition's message goes into the outbox (the run has a `--notify`); the
    /// command itself is not stored: whichever run delivers the message uses its own.
    public let queuesNotifications: Bool
    /// Supplies "now"; rule tests pass a fixed value so they do not depend on the clock.
    public let clock: @Sendable () -> String

    public init(publication: Publication, alertStore: AlertStore, queuesNotifications: Bool = false,
                clock: @escaping @Sendable () -> String = Timestamp.now) {
        self.publication = publication
        self.alertStore = alertStore
        self.queuesNotifications = queuesNotifications
        self.clock = clock
    }

    private var definitions: DefinitionSet { publication.evaluator.definitions }

    public struct Outcome: Sendable {
        public var transitions: [AlertTransition] = []
        public var firing: [(indicator: String, rule: String, geo: String)] = []
        public var payloads: [String] = []
    }

    public func run(period: Period) throws -> Outcome {
        let database = alertStore.store.database
        return try database.transaction {
            var outcome = Outcome()
            let batch = try BatchLog(store: alertStore.store).latest()
            for indicator in definitions.indicators where !indicator.alerts.isEmpty && indicator.value != nil {
                for rule in indicator.alerts {
                    try evaluate(rule, of: indicator, period: period, batch: batch, into: &outcome)
                }
            }
            let firing = try alertStore.states().filter { $0.state == .firing }
            outcome.firing = firing.map { ($0.indicator, $0.rule, $0.geo) }
            return outcome
        }
    }

    private func evaluate(_ rule: AlertRule, of indicator: IndicatorDeclaration, period: Period, batch: Int?,
                          into outcome: inout Outcome) throws {
        let levels = rule.levels.isEmpty ? [GeoLevel.regio] : rule.levels
        let geos = levels.flatMap { publication.geography.units(at: $0, in: period).map(\.code) }
        guard !geos.isEmpty else { return }
        let (id, name) = (indicator.id.value, rule.name.value)
        let periods = [period] + AlertCondition.history(for: rule, at: period)
        let results = try publication.evaluate(id, EvaluationRequest(geos: geos, periods: periods))
        let byCell = Dictionary(results.map { ("\($0.geo) \($0.period)", $0) }, uniquingKeysWith: { first, _ in first })
        let condition = AlertCondition(rule: rule, indicator: indicator)
        let now = clock()
        for geo in geos {
            let stored = try alertStore.state(indicator: id, rule: name, geo: geo)
            if let stored, stored.lastPeriodStart >= period.start.iso { continue }
            let history = Dictionary(uniqueKeysWithValues: periods.dropFirst().compactMap { past in
                byCell["\(geo) \(past.code)"].map { (past.code, $0) }
            })
            let current = byCell["\(geo) \(period.code)"]
            let before = stored?.memory ?? AlertMemory()
            let observation = condition.observe(current, history: history, period: period)
            let after = AlertStateMachine.step(before, observation, rule: rule)
            try alertStore.save(indicator: id, rule: name, geo: geo, memory: after, period: period,
                                value: current?.value, at: now)
            guard after.state != before.state else { continue }
            let transition = AlertTransition(indicator: id, rule: name, geo: geo, period: period.code,
                                             from: before.state, to: after.state, value: current?.value,
                                             batch: batch, at: now)
            try record(transition, rule: rule, condition: condition, period: period, into: &outcome)
        }
    }

    /// The transition and its notification are written in the run's transaction, so a crash
    /// neither loses a notification nor sends it twice.
    private func record(_ transition: AlertTransition, rule: AlertRule, condition: AlertCondition, period: Period,
                        into outcome: inout Outcome) throws {
        var transition = transition
        transition.id = try alertStore.record(transition)
        let payload = self.payload(transition, rule: rule, condition: condition, period: period)
        if queuesNotifications, let id = transition.id {
            try alertStore.enqueue(transition: id, payload: payload)
        }
        outcome.transitions.append(transition)
        outcome.payloads.append(payload)
    }

    /// The alert as one JSON object: what a notifier receives on stdin and `--format jsonl` prints.
    func payload(_ transition: AlertTransition, rule: AlertRule, condition: AlertCondition, period: Period) -> String {
        let name = publication.geography.unit(transition.geo)?.name ?? transition.geo
        let summary = condition.summary(geo: transition.geo, geoName: name, period: period, value: transition.value)
        let fields: [(String, String)] = [
            ("version", "1"), ("indicator", JSONText.quote(transition.indicator)),
            ("rule", JSONText.quote(transition.rule)), ("geo", JSONText.quote(transition.geo)),
            ("geo_name", JSONText.quote(name)), ("period", JSONText.quote(transition.period)),
            ("from", JSONText.quote(transition.from.rawValue)), ("to", JSONText.quote(transition.to.rawValue)),
            ("value", transition.value.map { NumberText.exact($0) } ?? "null"),
            ("severity", JSONText.quote(rule.severity.rawValue)), ("summary", JSONText.quote(summary)),
            ("batch", transition.batch.map(String.init) ?? "null"), ("at", JSONText.quote(transition.at)),
        ]
        return "{" + fields.map { JSONText.quote($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }
}
