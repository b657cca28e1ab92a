#if PostgreSQL
import CLibPQ
import Foundation
import ImpactCore

/// One libpq connection to a PostgreSQL store: the only type that calls libpq. Every value is bound
/// as a parameter in text form; results come back as `SQLValue`s typed by their column.
public final class PostgresConnection: SQLConnection {
    let handle: OpaquePointer
    public let location: String
    public var engine: DatabaseEngine { .postgresql }
    private var translated: [String: String] = [:]

    /// `url` is a libpq connection string or URI (`postgresql://analyst@db.example/impact`,
    /// `postgresql:///impact?host=/run/postgresql`); a password belongs in `~/.pgpass` or `PGPASSWORD`.
    public init(url: String) throws {
        location = StoreLocation.withoutPassword(url)
        guard let connection = PQconnectdb(url) else {
            throw StoreError(code: ResultCode.cannotOpen,
                             message: "cannot connect to store '\(location)': out of memory")
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = String(cString: PQerrorMessage(connection)).trimmingCharacters(in: .whitespacesAndNewlines)
            PQfinish(connection)
            throw StoreError(code: ResultCode.cannotOpen, message: "cannot connect to store '\(location)': \(message)")
        }
        handle = connection
        // No JIT: the statements are small, and compiling one took 0.9 s of a 0.9 s evaluation.
        try execute(sql: "SET client_min_messages = warning; SET jit = off")
    }

    deinit { PQfinish(handle) }

    public func execute(sql: String) throws {
        let result = PQexec(handle, sql)
        defer { PQclear(result) }
        try check(result, sql: sql, arguments: [])
    }

    public func run(_ sql: String, _ arguments: [SQLValue], _ body: ([SQLValue]) throws -> Void) throws {
        let text = translated[sql] ?? PlaceholderSQL.translate(sql)
        translated[sql] = text
        let result = withParameters(arguments) { types, values in
            PQexecParams(handle, text, Int32(arguments.count), types, values, nil, nil, 0)
        }
        defer { PQclear(result) }
        try check(result, sql: sql, arguments: arguments)
        let columns = PQnfields(result)
        let types = (0..<columns).map { PQftype(result, $0) }
        for row in 0..<PQntuples(result) {
            try body((0..<columns).map { Self.value(result, row: row, column: $0, type: types[Int($0)]) })
        }
    }

    public func prepareSchema(access: StoreAccess) throws {
        try PostgresSchema(connection: self).prepare(access: access)
    }

    public func importObservations(_ configuration: ObservationImport,
                                   produce: (inout DiagnosticList, (ImportItem) throws -> Void) throws -> Int) throws
        -> ImportResult {
        try PostgresObservationImport(connection: self, configuration: configuration).run(produce: produce)
    }

    public func caseEventStaging(source: String) throws -> any CaseEventStaging {
        try PostgresCaseEventStaging(connection: self, source: source)
    }

    public func restartIdentities(tables: [String]) throws {
        for table in tables {
            try run("SELECT setval(pg_get_serial_sequence(?, 'id'), coalesce(max(id), 0) + 1, false) FROM \(table)",
                    [.text(table)]) { _ in }
        }
    }

    /// Starts a `COPY … FROM STDIN`; the rows go through the returned `CopyIn`.
    func startCopy(_ sql: String) throws -> CopyIn {
        let start = PQexec(handle, sql)
        defer { PQclear(start) }
        guard PQresultStatus(start) == PGRES_COPY_IN else { throw failure(start, sql: sql) }
        return CopyIn(connection: self, sql: sql)
    }

    /// Ends a copy: `abort` discards every row sent, else they are checked and stored.
    func endCopy(_ sql: String, data: String, abort: Bool) throws {
        guard !abort else {
            _ = PQputCopyEnd(handle, "import aborted")
            while let result = PQgetResult(handle) { PQclear(result) }
            return
        }
        try sendCopy(data, sql: sql)
        guard PQputCopyEnd(handle, nil) == 1 else { throw failure(sql: sql) }
        while let result = PQgetResult(handle) {
            defer { PQclear(result) }
            try check(result, sql: sql, arguments: [])
        }
    }

    func sendCopy(_ data: String, sql: String) throws {
        var data = data
        let sent = data.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { PQputCopyData(handle, $0.baseAddress, Int32($0.count)) }
        }
        guard sent == 1 else { throw failure(sql: sql) }
    }

    private func withParameters<T>(_ arguments: [SQLValue],
                                   _ body: ([Oid], [UnsafePointer<CChar>?]) throws -> T) rethrows -> T {
        let copies = arguments.map { argument in ParameterText.text(argument).map { strdup($0) } ?? nil }
        defer { copies.forEach { free($0) } }
        return try body(arguments.map(ParameterText.type), copies.map { $0.map { UnsafePointer($0) } })
    }

    private func check(_ result: OpaquePointer?, sql: String, arguments: [SQLValue]) throws {
        let succeeded = [PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY]
        guard let result, succeeded.contains(PQresultStatus(result)) else {
            throw failure(result, sql: sql, arguments: arguments)
        }
    }

    private func failure(_ result: OpaquePointer? = nil, sql: String, arguments: [SQLValue] = []) -> StoreError {
        let message = String(cString: PQerrorMessage(handle)).trimmingCharacters(in: .whitespacesAndNewlines)
        let state = result.flatMap { PQresultErrorField($0, Int32(UInt8(ascii: "C"))) }.map { String(cString: $0) }
        return StoreError(code: ResultCode.error, message: message + (state.map { " (SQLSTATE \($0))" } ?? ""),
                          sql: sql, arguments: arguments)
    }

    private static func value(_ result: OpaquePointer?, row: Int32, column: Int32, type: Oid) -> SQLValue {
        guard PQgetisnull(result, row, column) == 0 else { return .null }
        let text = String(cString: PQgetvalue(result, row, column))
        switch type {
        case ParameterText.int2, ParameterText.int4, ParameterText.int8:
            return Int64(text).map(SQLValue.integer) ?? .text(text)
        case ParameterText.float4, ParameterText.float8, ParameterText.numeric:
            return Double(text).map(SQLValue.real) ?? .text(text)
        case ParameterText.bool: return .integer(text == "t" ? 1 : 0)
        default: return .text(text)
        }
    }
}
#endif
