/// Schema migrations, applied in order and recorded in `PRAGMA user_version`.
/// Never edit a shipped migration: add a new one, so older stores upgrade without losing data.
public enum Migrations {
    public static let all: [String] = [version1, version2, version3, version4, version5, version6, version7,
                                       version8, version9, version10, version11, version12, version13]
    public static var latestVersion: Int { all.count }

    /// Foundation: sources, batches, series keys, geography, observations as append-only vintages.
    static let version1 = """
        CREATE TABLE data_source (
            id TEXT PRIMARY KEY,
            description TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE import_batch (
            id INTEGER PRIMARY KEY,
            source_id TEXT NOT NULL REFERENCES data_source(id),
            origin TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            row_count INTEGER NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('committed'))
        );
        CREATE TABLE series (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE
        );
        CREATE TABLE geo_unit (
            code TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            level TEXT NOT NULL CHECK (level IN ('gemeente', 'subregio', 'regio', 'provincie', 'land')),
            kind TEXT NOT NULL DEFAULT 'area' CHECK (kind IN ('area', 'unknown', 'outside')),
            valid_from TEXT,
            valid_until TEXT
        );
        CREATE TABLE region_set (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL
        );
        CREATE TABLE membership (
            region_set TEXT NOT NULL REFERENCES region_set(id),
            region TEXT NOT NULL REFERENCES geo_unit(code),
            member TEXT NOT NULL REFERENCES geo_unit(code),
            valid_from TEXT NOT NULL DEFAULT '0000-01-01',
            valid_until TEXT,
            PRIMARY KEY (region_set, region, member, valid_from)
        );
        CREATE TABLE succession (
            old_code TEXT NOT NULL REFERENCES geo_unit(code),
            new_code TEXT NOT NULL REFERENCES geo_unit(code),
            effective TEXT NOT NULL,
            weight REAL NOT NULL CHECK (weight > 0 AND weight <= 1),
            PRIMARY KEY (old_code, new_code, effective)
        );
        CREATE TABLE observation (
            id INTEGER PRIMARY KEY,
            series_id INTEGER NOT NULL REFERENCES series(id),
            geo TEXT NOT NULL REFERENCES geo_unit(code),
            period TEXT NOT NULL,
            grain TEXT NOT NULL CHECK (grain IN ('Y', 'H', 'Q', 'M', 'W')),
            period_start TEXT NOT NULL,
            period_end TEXT NOT NULL,
            months INTEGER NOT NULL,
            dims TEXT NOT NULL DEFAULT '{}',
            value REAL,
            n REAL,
            provisional INTEGER NOT NULL DEFAULT 0,
            suppressed INTEGER NOT NULL DEFAULT 0,
            batch_id INTEGER NOT NULL REFERENCES import_batch(id),
            superseded_by INTEGER REFERENCES import_batch(id)
        );
        CREATE UNIQUE INDEX observation_current
            ON observation(series_id, geo, period, dims) WHERE superseded_by IS NULL;
        CREATE INDEX observation_batch ON observation(batch_id);
        CREATE INDEX membership_member ON membership(member);
        """

    /// Filters on dimensions compare the set of dimension names first; a dedicated column
    /// and index keep that a range scan instead of JSON parsing every row.
    static let version2 = """
        ALTER TABLE observation ADD COLUMN dim_keys TEXT NOT NULL DEFAULT '';
        UPDATE observation SET dim_keys = coalesce(
            (SELECT group_concat(key, ',') FROM (SELECT key FROM json_each(observation.dims) ORDER BY key)), '');
        CREATE INDEX observation_lookup ON observation(series_id, dim_keys, geo, period_start);
        """

    /// Alerts: the state of every rule per area, the transitions, and an outbox so that no
    /// notification is lost or sent twice.
    static let version3 = """
        CREATE TABLE alert_state (
            indicator TEXT NOT NULL,
            rule TEXT NOT NULL,
            geo TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('ok', 'pending', 'firing', 'resolved', 'no_data')),
            active_count INTEGER NOT NULL DEFAULT 0,
            inactive_count INTEGER NOT NULL DEFAULT 0,
            last_period TEXT NOT NULL,
            last_period_start TEXT NOT NULL,
            last_value REAL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (indicator, rule, geo)
        );
        CREATE TABLE alert_transition (
            id INTEGER PRIMARY KEY,
            indicator TEXT NOT NULL,
            rule TEXT NOT NULL,
            geo TEXT NOT NULL,
            period TEXT NOT NULL,
            from_state TEXT NOT NULL,
            to_state TEXT NOT NULL,
            value REAL,
            batch_id INTEGER,
            at TEXT NOT NULL
        );
        CREATE TABLE alert_outbox (
            id INTEGER PRIMARY KEY,
            transition_id INTEGER NOT NULL REFERENCES alert_transition(id),
            command TEXT NOT NULL,
            payload TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            delivered_at TEXT
        );
        """

    /// Rollups: per series, dimensions and area the value for each period as the evaluator computes
    /// it, maintained at import so evaluation reads one row per cell instead of the history.
    /// `rollup_series` records for which series, dimensions and aggregation rule they are complete.
    /// The result cache keeps evaluated rows per query and data vintage.
    static let version4 = """
        CREATE TABLE rollup (
            series_id INTEGER NOT NULL,
            dims TEXT NOT NULL,
            geo TEXT NOT NULL,
            period_start TEXT NOT NULL,
            period_end TEXT NOT NULL,
            value REAL,
            n REAL,
            provisional INTEGER NOT NULL,
            suppressed INTEGER NOT NULL,
            complete INTEGER NOT NULL,
            partial INTEGER NOT NULL,
            direct INTEGER NOT NULL,
            PRIMARY KEY (series_id, dims, geo, period_start, period_end)
        ) WITHOUT ROWID;
        CREATE TABLE rollup_series (
            series_id INTEGER NOT NULL,
            dims TEXT NOT NULL,
            rule TEXT NOT NULL,
            PRIMARY KEY (series_id, dims)
        );
        CREATE TABLE result_cache (
            key TEXT PRIMARY KEY,
            vintage INTEGER NOT NULL,
            payload TEXT NOT NULL
        );
        """

    /// Rollups keyed by period first: the import writes them a series and a year at a time, which
    /// now appends to the table instead of inserting all over it. Rollups are derived data: the old
    /// ones are dropped and rebuilt by the next import with definitions (until then evaluation reads
    /// the raw observations).
    static let version5 = """
        DROP TABLE rollup;
        DELETE FROM rollup_series;
        CREATE TABLE rollup (
            series_id INTEGER NOT NULL,
            period_start TEXT NOT NULL,
            period_end TEXT NOT NULL,
            dims TEXT NOT NULL,
            geo TEXT NOT NULL,
            value REAL,
            n REAL,
            provisional INTEGER NOT NULL,
            suppressed INTEGER NOT NULL,
            complete INTEGER NOT NULL,
            partial INTEGER NOT NULL,
            direct INTEGER NOT NULL,
            PRIMARY KEY (series_id, period_start, period_end, dims, geo)
        ) WITHOUT ROWID;
        """

    /// The outbox holds the message, not the command: each delivering run uses its own `--notify`.
    /// SQLite cannot drop a NOT NULL constraint, so the table is rebuilt with a nullable `command`;
    /// every row is copied with its id, so undelivered messages stay deliverable and delivered ones
    /// keep their history.
    static let version6 = """
        CREATE TABLE alert_outbox_v6 (
            id INTEGER PRIMARY KEY,
            transition_id INTEGER NOT NULL REFERENCES alert_transition(id),
            command TEXT,
            payload TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            delivered_at TEXT
        );
        INSERT INTO alert_outbox_v6 (id, transition_id, command, payload, attempts, last_error, delivered_at)
            SELECT id, transition_id, command, payload, attempts, last_error, delivered_at FROM alert_outbox;
        DROP TABLE alert_outbox;
        ALTER TABLE alert_outbox_v6 RENAME TO alert_outbox;
        """

    /// Case events: pseudonymised case-level data (case, person, event type, date, area). Vintages
    /// work as for observations: a correction supersedes the current row of the same key (source,
    /// case, event type, date, person). `case_source` keeps a check value of the pseudonym key per
    /// event source, never the key. The indexes serve the compiler: events by date, by area, type and date, by type
    /// and date, a case's events by type and date, and a person's events by type and date (look-back and look-forward).
    static let version7 = """
        CREATE TABLE case_source (
            id TEXT PRIMARY KEY,
            key_check TEXT NOT NULL
        );
        CREATE TABLE case_event (
            id INTEGER PRIMARY KEY,
            source_id TEXT NOT NULL REFERENCES case_source(id),
            case_key TEXT NOT NULL,
            event_type TEXT NOT NULL,
            event_date TEXT NOT NULL,
            person_key TEXT NOT NULL DEFAULT '',
            role TEXT NOT NULL DEFAULT '',
            geo TEXT NOT NULL REFERENCES geo_unit(code),
            dims TEXT NOT NULL DEFAULT '{}',
            batch_id INTEGER NOT NULL REFERENCES import_batch(id),
            superseded_by INTEGER REFERENCES import_batch(id)
        );
        CREATE UNIQUE INDEX case_event_current
            ON case_event(source_id, case_key, event_type, event_date, person_key) WHERE superseded_by IS NULL;
        CREATE INDEX case_event_by_type ON case_event(source_id, event_type, event_date);
        CREATE INDEX case_event_by_person ON case_event(source_id, person_key, event_type, event_date);
        CREATE INDEX case_event_by_case ON case_event(source_id, case_key, event_type, event_date);
        CREATE INDEX case_event_by_date ON case_event(source_id, event_date);
        CREATE INDEX case_event_by_geo ON case_event(source_id, geo, event_type, event_date);
        CREATE INDEX case_event_batch ON case_event(batch_id);
        """

    /// No statement reads case events by batch (`--as-of` filters the rows an index on the source
    /// found, and a supersession updates rows by id), so the batch index only slowed every import
    /// (`EXPLAIN QUERY PLAN` of every case measure, docs/performance.md).
    static let version8 = """
        DROP INDEX case_event_batch;
        """

    /// Comparisons across members read each region's real member areas through `member_area`, one
    /// range per region, instead of seeking every membership's unit kind and an earlier duplicate
    /// per member (three quarters of a member statistic's index seeks).
    static let version9 = """
        CREATE TABLE member_area (
            region TEXT NOT NULL,
            member TEXT NOT NULL,
            region_set TEXT NOT NULL,
            valid_from TEXT NOT NULL,
            valid_until TEXT,
            earlier_until TEXT,
            PRIMARY KEY (region, member, valid_from, region_set)
        ) WITHOUT ROWID;
        """ + memberAreaFill

    /// Every membership of a real area (not Onbekend or Buiten regio), with the latest end of the same
    /// member's earlier memberships in the same region (in any region set; '9999-12-31' for an open
    /// one). A membership is the one that counts for a window when it overlaps the window and
    /// `earlier_until` is empty or not after the window's start: then no earlier one overlaps it, so
    /// each member is compared once. Part of migration 9 here and 5 on PostgreSQL: never edited.
    static let memberAreaFill = """
        INSERT INTO member_area (region, member, region_set, valid_from, valid_until, earlier_until)
        SELECT m.region, m.member, m.region_set, m.valid_from, m.valid_until,
               max(coalesce(m.valid_until, '9999-12-31')) OVER (
                   PARTITION BY m.region, m.member ORDER BY m.valid_from, m.region_set
                   ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
        FROM membership AS m JOIN geo_unit AS g ON g.code = m.member AND g.kind = 'area';
        """

    /// A region's comparison across its members (median, avg, min, max, count) per series,
    /// dimensions and window, kept by the import beside the rollups: a member statistic reads one row
    /// per cell instead of one per member. `rollup_series.member_statistics` says which combinations
    /// have them: none of the rollups a store holds, so those keep the members' rollups until an
    /// import rebuilds their series whole.
    static let version10 = """
        CREATE TABLE member_rollup (
            series_id INTEGER NOT NULL,
            period_start TEXT NOT NULL,
            period_end TEXT NOT NULL,
            dims TEXT NOT NULL,
            geo TEXT NOT NULL,
            members INTEGER NOT NULL,
            compared INTEGER NOT NULL,
            n REAL,
            provisional INTEGER NOT NULL,
            suppressed INTEGER NOT NULL,
            complete INTEGER NOT NULL,
            mean REAL,
            median REAL,
            minimum REAL,
            maximum REAL,
            PRIMARY KEY (series_id, period_start, period_end, dims, geo)
        ) WITHOUT ROWID;
        ALTER TABLE rollup_series ADD COLUMN member_statistics INTEGER NOT NULL DEFAULT 0;
        """

    /// Per case, event type and day, what the case measures would otherwise find with a window or
    /// an index probe per case: the day's first area, the case's previous day of the type, and the
    /// latest earlier day of the type of any person of the case. The import keeps it for the current
    /// events (`CaseDayStore`); `case_source.days_kept` says which sources have it, none of those a
    /// store holds, so they read their events until their next import. `case_event_by_geo` covers
    /// distinct counts (role, person, vintage and case beside area, type and date), which read
    /// the index alone instead of each event's row. The area comes first: led by the source, SQLite
    /// (without statistics) took the covering index for a case's persons, a scan of the source.
    static let version11 = """
        CREATE TABLE case_day (
            source_id TEXT NOT NULL,
            event_type TEXT NOT NULL,
            event_date TEXT NOT NULL,
            case_key TEXT NOT NULL,
            geo TEXT NOT NULL,
            previous_date TEXT,
            person_previous_date TEXT,
            PRIMARY KEY (source_id, event_type, event_date, case_key)
        ) WITHOUT ROWID;
        CREATE INDEX case_day_by_case ON case_day(source_id, case_key, event_type, event_date);
        ALTER TABLE case_source ADD COLUMN days_kept INTEGER NOT NULL DEFAULT 0;
        DROP INDEX case_event_by_geo;
        CREATE INDEX case_event_by_geo
            ON case_event(geo, source_id, event_type, event_date, role, person_key, superseded_by, batch_id, case_key);
        """

    /// The results of the case measures the definitions name, for every area and calendar month,
    /// quarter, half-year and year of the events' years, kept by the import (`CaseResultStore`):
    /// a measure is keyed by a digest of the statement that computes it from the events, so a changed
    /// definition or compiler reads its events again until the next import keeps it anew.
    static let version12 = """
        CREATE TABLE case_result_measure (
            source_id TEXT NOT NULL REFERENCES case_source(id),
            measure TEXT NOT NULL,
            first_year INTEGER NOT NULL,
            last_year INTEGER NOT NULL,
            data_end TEXT NOT NULL,
            PRIMARY KEY (source_id, measure)
        );
        CREATE TABLE case_result (
            source_id TEXT NOT NULL,
            measure TEXT NOT NULL,
            geo TEXT NOT NULL,
            period TEXT NOT NULL,
            value REAL,
            numerator REAL,
            denominator REAL,
            n REAL,
            coverage TEXT NOT NULL,
            excluded INTEGER NOT NULL,
            censored INTEGER NOT NULL,
            PRIMARY KEY (source_id, measure, geo, period)
        ) WITHOUT ROWID;
        """

    /// No statement reads observations by batch: `--as-of` compares batch ids inside rows an index on
    /// the series found, a supersession updates rows by id, and the list of batches behind current
    /// figures reads every current row either way. The index only cost every import a third
    /// insert per row (as `case_event_batch` did, version 8).
    static let version13 = """
        DROP INDEX observation_batch;
        """
}
