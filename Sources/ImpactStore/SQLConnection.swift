import ImpactCore

/// A store held by a database server instead of a file. `PostgresConnection` implements it over libpq
/// (only with the `PostgreSQL` trait), so the store's own statements run there unchanged and the
/// default build needs SQLite only.
public protocol SQLConnection: AnyObject {
    /// The store as users name it (`postgresql://analyst@db/impact`), never with a password.
    var location: String { get }
    var engine: DatabaseEngine { get }
    /// Runs statements without arguments (schema, transaction control).
    func execute(sql: String) throws
    /// Runs one statement with `?N`/`?` placeholders bound to `arguments`; `body` sees each row.
    func run(_ sql: String, _ arguments: [SQLValue], _ body: ([SQLValue]) throws -> Void) throws
    /// Applies pending migrations (`.create`, `.readWrite`) or checks the schema is current (`.readOnly`).
    func prepareSchema(access: StoreAccess) throws
    /// Imports one batch the server's way (bulk load, per-series locks) with the same checks and
    /// vintages as the SQLite path.
    func importObservations(_ configuration: ObservationImport,
                            produce: (inout DiagnosticList, (ImportItem) throws -> Void) throws -> Int) throws
        -> ImportResult
    /// Stages a case-event import into `source` the server's way (bulk load, a lock per source).
    func caseEventStaging(source: String) throws -> any CaseEventStaging
    /// After rows were inserted with their ids (`StoreCopy`): new rows continue after the highest id.
    func restartIdentities(tables: [String]) throws
}

/// Which SQL the store speaks; the compiler renders its plans in the matching dialect.
public enum DatabaseEngine: String, Sendable {
    case sqlite
    case postgresql
}
