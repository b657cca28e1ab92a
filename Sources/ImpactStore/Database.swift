import CSQLite
import Foundation

/// One connection to a SQLite file, or to a server through an `SQLConnection`. The only type (with
/// `Statement`) that calls the SQLite C API.
public final class Database {
    /// Nil on a server connection.
    let handle: OpaquePointer?
    public let path: String
    /// The server connection; nil for a SQLite file.
    public let server: (any SQLConnection)?
    public var engine: DatabaseEngine { server?.engine ?? .sqlite }
    /// Number of statement executions started; lets tests prove evaluation is set-based.
    public internal(set) var statementsExecuted = 0
    private var statementCache: [String: Statement] = [:]

    /// Opens the database at `path`; `.create` creates a missing file with mode 0600 because the
    /// figures can identify families, the other modes need an existing file.
    public init(path: String, access: StoreAccess = .create) throws {
        if access == .create && !FileManager.default.fileExists(atPath: path) {
            let created = FileManager.default.createFile(atPath: path, contents: nil,
                                                         attributes: [.posixPermissions: 0o600])
            guard created else {
                throw StoreError(code: ResultCode.cannotOpen, message: "cannot create store file '\(path)'")
            }
        }
        var connection = try Self.open(path, readOnly: access == .readOnly)
        if access == .readOnly && Self.probe(connection) == SQLITE_CANTOPEN {
            sqlite3_close_v2(connection)
            connection = try Self.openImmutable(path)
        }
        self.handle = connection
        self.path = path
        self.server = nil
        sqlite3_busy_timeout(connection, 10_000)
        sqlite3_extended_result_codes(connection, 1)
        try MedianAggregate.register(on: self)
    }

    /// Configured once, before the first connection initializes SQLite.
    private static let configured: Bool = impact_sqlite_disable_memory_statistics() == SQLITE_OK

    private static func open(_ location: String, readOnly: Bool, uri: Bool = false) throws -> OpaquePointer {
        _ = configured
        var connection: OpaquePointer?
        let flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOMUTEX
            | (uri ? SQLITE_OPEN_URI : 0)
        let code = sqlite3_open_v2(location, &connection, flags, nil)
        guard code == SQLITE_OK, let connection else {
            let message = connection.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(connection)
            throw StoreError(code: code, message: "cannot open store '\(location)': \(message)")
        }
        return connection
    }

    /// SQLite opens lazily: the first read says whether the file can really be read.
    private static func probe(_ connection: OpaquePointer) -> Int32 {
        sqlite3_exec(connection, "SELECT count(*) FROM sqlite_master", nil, nil, nil) & 0xff
    }

    /// A WAL store in a directory this process cannot write: SQLite cannot create the shared-memory
    /// file (`-shm`) that readers coordinate through. With no write-ahead log beside it the file is
    /// complete and nobody can be writing it (that needs the log), so it is read without locks.
    private static func openImmutable(_ path: String) throws -> OpaquePointer {
        guard !FileManager.default.fileExists(atPath: path + "-wal") else {
            throw StoreError(code: ResultCode.cannotOpen, message: """
                cannot read store '\(path)': its directory is read-only and its write-ahead log \
                '\(path)-wal' needs a '-shm' file beside it; open it once where the directory is writable
                """)
        }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let escaped = absolute.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? absolute
        let connection = try open("file:" + escaped + "?immutable=1", readOnly: true, uri: true)
        guard probe(connection) == SQLITE_OK else {
            let message = String(cString: sqlite3_errmsg(connection))
            sqlite3_close_v2(connection)
            throw StoreError(code: ResultCode.cannotOpen, message: "cannot read store '\(path)': \(message)")
        }
        return connection
    }

    /// A store on a server; the server applies its own migrations (`Store`).
    public init(server: any SQLConnection) {
        self.handle = nil
        self.path = server.location
        self.server = server
    }

    deinit {
        statementCache.removeAll()
        sqlite3_close_v2(handle)
    }

    var lastErrorMessage: String { String(cString: sqlite3_errmsg(handle)) }

    /// Rows a multi-row `INSERT` of `columns` columns may carry on this SQLite: `preferred`, or fewer
    /// where the library binds fewer parameters (999 before version 3.32 unless raised).
    func rowsPerInsert(columns: Int, preferred: Int) -> Int {
        let parameters = Int(sqlite3_limit(handle, SQLITE_LIMIT_VARIABLE_NUMBER, -1))
        return max(1, min(preferred, parameters / max(1, columns)))
    }

    /// Executes one or more statements without arguments (schema, pragmas).
    public func execute(sql: String) throws {
        if let server {
            statementsExecuted += 1
            return try server.execute(sql: sql)
        }
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        statementsExecuted += 1
        if code != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? lastErrorMessage
            sqlite3_free(message)
            throw StoreError(code: code, message: text, sql: sql)
        }
    }

    /// A prepared statement, cached per SQL text so hot loops do not re-prepare.
    public func statement(_ sql: String) throws -> Statement {
        if let cached = statementCache[sql] { return cached }
        let statement = try Statement(database: self, sql: sql)
        statementCache[sql] = statement
        return statement
    }

    public func execute(_ sql: String, _ arguments: [SQLValue] = []) throws {
        try statement(sql).execute(arguments)
    }

    public func query<T>(_ sql: String, _ arguments: [SQLValue] = [], _ transform: (Row) throws -> T) throws -> [T] {
        try statement(sql).query(arguments, transform)
    }

    /// First column of the first row, or nil.
    public func scalar(_ sql: String, _ arguments: [SQLValue] = []) throws -> SQLValue? {
        try query(sql, arguments) { $0.value(0) }.first
    }

    public func scalarInt(_ sql: String, _ arguments: [SQLValue] = []) throws -> Int? {
        if case .integer(let value)? = try scalar(sql, arguments) { return Int(value) }
        return nil
    }

    public var lastInsertedRowID: Int64 {
        guard server != nil else { return sqlite3_last_insert_rowid(handle) }
        if case .integer(let id)? = try? scalar("SELECT lastval()") { return id }
        return 0
    }

    /// Runs `body` in a transaction; rolls back on any thrown error. IMMEDIATE takes the write
    /// lock up front so two importers never deadlock half-way.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute(sql: server == nil ? "BEGIN IMMEDIATE" : "BEGIN")
        do {
            let result = try body()
            try execute(sql: "COMMIT")
            return result
        } catch {
            try? execute(sql: "ROLLBACK")
            throw error
        }
    }

    /// Runs `body` in a read transaction so every query sees one snapshot.
    public func readTransaction<T>(_ body: () throws -> T) throws -> T {
        try execute(sql: server == nil ? "BEGIN DEFERRED" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        defer { try? execute(sql: "COMMIT") }
        return try body()
    }
}
