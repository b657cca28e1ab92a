import CSQLite

/// The SQLite result codes the store acts on, by name instead of number (`sqlite3.h`).
/// Extended codes are on, so compare `StoreError.primaryCode` with these.
public enum ResultCode {
    /// A generic error; also used for the store's own refusals (a schema from a newer version).
    public static let error = SQLITE_ERROR
    public static let cannotOpen = SQLITE_CANTOPEN
    /// A write to a database opened read-only, or whose file or directory cannot be written.
    public static let readOnly = SQLITE_READONLY
    /// The file is not a SQLite database (or is encrypted).
    public static let notADatabase = SQLITE_NOTADB
    /// Another connection held a lock for longer than the busy timeout.
    public static let busy = SQLITE_BUSY
    /// A unique, foreign-key or check constraint refused a row.
    public static let constraint = SQLITE_CONSTRAINT
}
