import ImpactCore

/// Persistence of alert state, transitions and the notification outbox.
public struct AlertStore {
    public let store: Store
    private var database: Database { store.database }

    public init(store: Store) { self.store = store }

    public struct Stored: Sendable {
        public let memory: AlertMemory
        public let lastPeriodStart: String
        public let lastValue: Double?
    }

    public func state(indicator: String, rule: String, geo: String) throws -> Stored? {
        try database.query("""
            SELECT state, active_count, inactive_count, last_period_start, last_value FROM alert_state
            WHERE indicator = ? AND rule = ? AND geo = ?
            """, [.text(indicator), .text(rule), .text(geo)]) { row in
            let state = AlertState(rawValue: row.string(0)!) ?? .ok
            return Stored(memory: AlertMemory(state: state, activeCount: row.int(1)!, inactiveCount: row.int(2)!),
                          lastPeriodStart: row.string(3)!, lastValue: row.double(4))
        }.first
    }

    public func save(indicator: String, rule: String, geo: String, memory: AlertMemory, period: Period, value: Double?,
                     at: String) throws {
        try database.execute("""
            INSERT INTO alert_state (indicator, rule, geo, state, active_count, inactive_count, last_period, \
            last_period_start, last_value, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (indicator, rule, geo) DO UPDATE SET state = excluded.state, \
            active_count = excluded.active_count,
                inactive_count = excluded.inactive_count, last_period = excluded.last_period, \
            last_period_start = excluded.last_period_start,
                last_value = excluded.last_value, updated_at = excluded.updated_at
            """, [.text(indicator), .text(rule), .text(geo), .text(memory.state.rawValue),
                  .integer(Int64(memory.activeCount)), .integer(Int64(memory.inactiveCount)), .text(period.code),
                  .text(period.start.iso), value.sqlValue, .text(at)])
    }

    @discardableResult
    public func record(_ transition: AlertTransition) throws -> Int {
        try database.execute("""
            INSERT INTO alert_transition (indicator, rule, geo, period, from_state, to_state, value, batch_id, at) \
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.text(transition.indicator), .text(transition.rule), .text(transition.geo), .text(transition.period),
                  .text(transition.from.rawValue), .text(transition.to.rawValue), transition.value.sqlValue,
                  transition.batch.sqlValue, .text(transition.at)])
        return Int(database.lastInsertedRowID)
    }

    /// Queues the message of a transition; the command that delivers it is the delivering run's.
    public func enqueue(transition: Int, payload: String) throws {
        try database.execute("INSERT INTO alert_outbox (transition_id, payload) VALUES (?, ?)",
                             [.integer(Int64(transition)), .text(payload)])
    }

    public struct OutboxEntry: Sendable {
        public let id: Int
        public let payload: String
        public let attempts: Int
        public let lastError: String?
        public let deliveredAt: String?
        /// The transition as `indicator rule geo period from → to`.
        public let transition: String
    }

    public func undelivered() throws -> [OutboxEntry] {
        try outbox(onlyUndelivered: true)
    }

    /// The outbox, oldest first; delivered messages too unless `onlyUndelivered`.
    public func outbox(onlyUndelivered: Bool = false) throws -> [OutboxEntry] {
        let sql = """
            SELECT o.id, o.payload, o.attempts, o.last_error, o.delivered_at,
                   t.indicator || ' ' || t.rule || ' ' || t.geo || ' ' || t.period || ' '
                       || t.from_state || ' → ' || t.to_state
            FROM alert_outbox AS o JOIN alert_transition AS t ON t.id = o.transition_id
            WHERE ? = 0 OR o.delivered_at IS NULL ORDER BY o.id
            """
        return try database.query(sql, [.integer(onlyUndelivered ? 1 : 0)]) {
            OutboxEntry(id: $0.int(0)!, payload: $0.string(1)!, attempts: $0.int(2)!, lastError: $0.string(3),
                        deliveredAt: $0.string(4), transition: $0.string(5)!)
        }
    }

    /// Why a message cannot be dropped.
    public enum DropRefusal: Error, Equatable, Sendable {
        case unknown
        case delivered(at: String)
    }

    /// Removes one undelivered message; a delivered one is history and stays.
    public func drop(_ id: Int) throws -> DropRefusal? {
        let found = try database.query("SELECT delivered_at FROM alert_outbox WHERE id = ?",
                                       [.integer(Int64(id))]) { [$0.string(0)] }
        guard let row = found.first else { return .unknown }
        if let deliveredAt = row[0] { return .delivered(at: deliveredAt) }
        try database.execute("DELETE FROM alert_outbox WHERE id = ? AND delivered_at IS NULL", [.integer(Int64(id))])
        return nil
    }

    public func markDelivered(_ id: Int, at: String) throws {
        try database.execute(
            "UPDATE alert_outbox SET delivered_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?",
            [.text(at), .integer(Int64(id))])
    }

    public func markFailed(_ id: Int, error: String) throws {
        try database.execute("UPDATE alert_outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?",
                             [.text(error), .integer(Int64(id))])
    }

    /// Every stored state (for `alerts list` and `--all`).
    public func states() throws
        -> [(indicator: String, rule: String, geo: String, state: AlertState, period: String, value: Double?)] {
        let sql = """
            SELECT indicator, rule, geo, state, last_period, last_value FROM alert_state ORDER BY indicator, rule, geo
            """
        return try database.query(sql) {
            let state = AlertState(rawValue: $0.string(3)!) ?? .ok
            return ($0.string(0)!, $0.string(1)!, $0.string(2)!, state, $0.string(4)!, $0.double(5))
        }
    }

    /// The period and time of an alert's latest transition to `firing`: since when it has been firing.
    public func firingSince(indicator: String, rule: String, geo: String) throws -> (period: String, at: String)? {
        try database.query("""
            SELECT period, at FROM alert_transition WHERE indicator = ? AND rule = ? AND geo = ? AND to_state = ?
            ORDER BY id DESC LIMIT 1
            """, [.text(indicator), .text(rule), .text(geo), .text(AlertState.firing.rawValue)]) {
            ($0.string(0)!, $0.string(1)!)
        }.first
    }

    public func transitions(limit: Int = 1000) throws -> [AlertTransition] {
        try database.query("""
            SELECT id, indicator, rule, geo, period, from_state, to_state, value, batch_id, at FROM alert_transition \
            ORDER BY id DESC LIMIT ?
            """, [.integer(Int64(limit))]) { row in
            AlertTransition(id: row.int(0), indicator: row.string(1)!, rule: row.string(2)!, geo: row.string(3)!,
                            period: row.string(4)!, from: AlertState(rawValue: row.string(5)!) ?? .ok,
                            to: AlertState(rawValue: row.string(6)!) ?? .ok, value: row.double(7), batch: row.int(8),
                            at: row.string(9)!)
        }.reversed()
    }
}
