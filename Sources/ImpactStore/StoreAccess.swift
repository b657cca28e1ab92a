/// How a command opens the store. Only the commands that write data may create one: a read
/// command pointed at a mistyped path must say so, not answer from a new empty store.
public enum StoreAccess: Sendable {
    /// Create the file (mode 0600) when missing, and apply pending migrations.
    case create
    /// An existing store, written to (alert state) and migrated when older.
    case readWrite
    /// An existing store, never written: works on a read-only file or directory.
    case readOnly
}
