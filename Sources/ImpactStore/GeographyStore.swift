import ImpactCore

/// Reads and writes the geography reference in the store.
public struct GeographyStore {
    public let store: Store
    private var database: Database { store.database }

    public init(store: Store) { self.store = store }

    /// Rebuilds `member_area` from the memberships (`Migrations.memberAreaFill` says what it holds).
    /// Runs the text migration 9 fills the table with: a change to what the table holds is a new
    /// migration with its own text, which this then runs.
    static let refreshMemberAreas = "DELETE FROM member_area;\n" + Migrations.memberAreaFill

    /// The whole reference, small enough (thousands of rows) to hold in memory.
    public func load() throws -> Geography {
        let units = try database.query("SELECT code, name, level, kind, valid_from, valid_until FROM geo_unit") { row in
            GeoUnit(code: row.string(0)!, name: row.string(1)!, level: GeoLevel(rawValue: row.string(2)!) ?? .gemeente,
                    kind: GeoKind(rawValue: row.string(3)!) ?? .area,
                    validFrom: row.string(4).flatMap(CivilDate.init(iso:)),
                    validUntil: row.string(5).flatMap(CivilDate.init(iso:)))
        }
        let sets = try database.query("SELECT id, name FROM region_set") {
            RegionSet(id: $0.string(0)!, name: $0.string(1)!)
        }
        let memberships = try database.query("""
            SELECT region_set, region, member, valid_from, valid_until FROM membership
            """) { row in
            Membership(regionSet: row.string(0)!, region: row.string(1)!, member: row.string(2)!,
                       validFrom: row.string(3).flatMap(CivilDate.init(iso:)),
                       validUntil: row.string(4).flatMap(CivilDate.init(iso:)))
        }
        let successions = try database.query("SELECT old_code, new_code, effective, weight FROM succession") { row in
            Succession(oldCode: row.string(0)!, newCode: row.string(1)!, effective: CivilDate(iso: row.string(2)!)!,
                       weight: row.double(3)!)
        }
        return Geography(units: units, regionSets: sets, memberships: memberships, successions: successions)
    }

    /// Checks references against the file and the store, then upserts everything in one
    /// transaction. Returns whether the reference changed (for a dry run: would change, and the
    /// transaction is rolled back) and the problems; nothing is written when there is any error.
    public func importContents(_ contents: GeographyContents, origin: String, sha256: String,
                               dryRun: Bool = false) throws -> (written: Bool, diagnostics: [Diagnostic]) {
        let existing = try load()
        let merged = Geography(units: Array(existing.units.values) + contents.units,
                               regionSets: Array(existing.regionSets.values) + contents.sets,
                               memberships: existing.memberships + contents.memberships,
                               successions: Self.upsert(existing.successions, contents.successions) {
                                   "\($0.oldCode) \($0.newCode) \($0.effective)"
                               })
        let problems = referenceProblems(contents, in: merged, origin: origin)
        guard problems.isEmpty else { return (false, problems) }
        do {
            return (try write(contents, origin: origin, sha256: sha256, dryRun: dryRun), [])
        } catch is DryRunRollback {
            return (true, [])
        }
    }

    /// Thrown inside the transaction to undo a dry run that would have changed the reference.
    private struct DryRunRollback: Error {}

    private func write(_ contents: GeographyContents, origin: String, sha256: String, dryRun: Bool) throws -> Bool {
        try database.transaction { () -> Bool in
            let before = try fingerprint()
            for unit in contents.units { try upsert(unit) }
            for set in contents.sets {
                try database.execute("""
                    INSERT INTO region_set (id, name) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name
                    """, [.text(set.id), .text(set.name)])
            }
            for membership in contents.memberships {
                try database.execute("""
                    INSERT INTO membership (region_set, region, member, valid_from, valid_until) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (region_set, region, member, valid_from)
                    DO UPDATE SET valid_until = excluded.valid_until
                    """, [.text(membership.regionSet), .text(membership.region), .text(membership.member),
                          .text(membership.validFrom?.iso ?? "0000-01-01"),
                          membership.validUntil?.iso.sqlValue ?? .null])
            }
            for succession in contents.successions {
                try database.execute("""
                    INSERT INTO succession (old_code, new_code, effective, weight) VALUES (?, ?, ?, ?)
                    ON CONFLICT (old_code, new_code, effective) DO UPDATE SET weight = excluded.weight
                    """, [.text(succession.oldCode), .text(succession.newCode), .text(succession.effective.iso),
                          .real(succession.weight)])
            }
            guard try fingerprint() != before else { return false }
            if dryRun { throw DryRunRollback() }
            // Region values depend on memberships: rollups and case results are kept anew by the next import.
            try database.execute(sql: "DELETE FROM rollup; DELETE FROM member_rollup; DELETE FROM rollup_series;"
                                 + CaseResultStore.clearAll + Self.refreshMemberAreas)
            try database.execute("""
                INSERT INTO data_source (id, description) VALUES ('geography', 'Geography reference files')
                ON CONFLICT (id) DO NOTHING
                """)
            try database.execute("""
                INSERT INTO import_batch (source_id, origin, sha256, row_count, started_at, finished_at, status)
                VALUES ('geography', ?, ?, ?, ?, ?, 'committed')
                """, [.text(origin), .text(sha256), .integer(Int64(contents.rows)), .text(Timestamp.now()),
                      .text(Timestamp.now())])
            return true
        }
    }

    /// `existing` with rows of `incoming` replacing those with the same key, as the upsert will.
    static func upsert<T>(_ existing: [T], _ incoming: [T], key: (T) -> String) -> [T] {
        var byKey: [String: T] = [:]
        var order: [String] = []
        for item in existing + incoming {
            let itemKey = key(item)
            if byKey.updateValue(item, forKey: itemKey) == nil { order.append(itemKey) }
        }
        return order.map { byKey[$0]! }
    }

    /// Inserts or updates one unit (inside the caller's transaction).
    func upsert(_ unit: GeoUnit) throws {
        try database.execute("""
            INSERT INTO geo_unit (code, name, level, kind, valid_from, valid_until) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (code) DO UPDATE SET name = excluded.name, level = excluded.level, kind = excluded.kind,
                valid_from = excluded.valid_from, valid_until = excluded.valid_until
            """, [.text(unit.code), .text(unit.name), .text(unit.level.rawValue), .text(unit.kind.rawValue),
                  unit.validFrom?.iso.sqlValue ?? .null, unit.validUntil?.iso.sqlValue ?? .null])
    }

    /// Adds a unit the store does not hold (inside the caller's transaction); an existing code is
    /// a constraint error, never an overwrite. The kept case results hold no row for it, so they go.
    public func insert(_ unit: GeoUnit) throws {
        try database.execute(sql: CaseResultStore.clearAll)
        try database.execute("""
            INSERT INTO geo_unit (code, name, level, kind, valid_from, valid_until) VALUES (?, ?, ?, ?, ?, ?)
            """, [.text(unit.code), .text(unit.name), .text(unit.level.rawValue), .text(unit.kind.rawValue),
                  unit.validFrom?.iso.sqlValue ?? .null, unit.validUntil?.iso.sqlValue ?? .null])
    }

    /// A cheap summary of the reference tables, to tell a re-import that changed nothing.
    private func fingerprint() throws -> String {
        let queries = [
            "SELECT code, name, level, kind, valid_from, valid_until FROM geo_unit ORDER BY code",
            "SELECT id, name FROM region_set ORDER BY id",
            "SELECT region_set, region, member, valid_from, valid_until FROM membership ORDER BY 1, 2, 3, 4",
            "SELECT old_code, new_code, effective, weight FROM succession ORDER BY 1, 2, 3",
        ]
        var digest = SHA256()
        for query in queries {
            try database.statement(query).forEach { row in
                let fields = (0..<row.count).map { row.string($0) ?? "" }
                digest.update(Array((fields.joined(separator: "\u{1F}") + "\u{1E}").utf8))
            }
            digest.update([0x1D])
        }
        return digest.finalize()
    }

    private func referenceProblems(_ contents: GeographyContents, in geography: Geography,
                                   origin: String) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        func problem(_ message: DiagnosticMessage) {
            problems.append(Diagnostic(message, file: origin))
        }
        let codes = Array(geography.units.keys)
        let references = contents.memberships.flatMap { [$0.region, $0.member] }
            + contents.successions.flatMap { [$0.oldCode, $0.newCode] }
        for code in references where geography.unit(code) == nil {
            problem(.unknownUnitReference(code, known: codes))
        }
        for membership in contents.memberships where geography.regionSets[membership.regionSet] == nil {
            problem(.unknownRegionSet(membership.regionSet))
        }
        let byOldCode = Dictionary(grouping: geography.successions) { "\($0.oldCode) \($0.effective)" }
        for (key, steps) in byOldCode.sorted(by: { $0.key < $1.key }) {
            let total = steps.reduce(0) { $0 + $1.weight }
            if abs(total - 1) > 1e-9 {
                problem(.successionWeights(key, total: total))
            }
        }
        var seen = Set<String>()
        return problems.filter { seen.insert($0.message).inserted }
    }
}
