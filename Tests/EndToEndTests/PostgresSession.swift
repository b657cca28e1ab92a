#if PostgreSQL
import Foundation
import TestHarness

/// A `psql` session the test drives statement by statement (its standard input is a FIFO the test
/// writes to), to hold a transaction open while `impact` commands run against the same database.
/// `name` is its `application_name`, by which the tests find it in `pg_stat_activity`.
final class PostgresSession {
    /// Long enough for a loaded machine running the whole suite at once; a blocked client fails then.
    static let deadline: Double = 60
    private let child: SpawnedChild
    private let input: Int32
    private let fifo: String
    /// Closed once only: a second `close` of the number could close another test's descriptor
    /// that reused it (seen as a pipe failing with EBADF, or a held transaction ending early).
    private var inputOpen = true

    init(_ cluster: PostgresCluster, database: String, name: String) throws {
        fifo = FileManager.default.temporaryDirectory.appendingPathComponent("impact-psql-" + UUID().uuidString).path
        guard mkfifo(fifo, 0o600) == 0 else { throw SpawnedChild.Failure(description: "mkfifo \(fifo) failed") }
        // Opened for reading and writing, so neither end waits for the other to open.
        input = open(fifo, O_RDWR | O_CLOEXEC)
        child = try SpawnedChild(Self.psql(cluster, database: database), input: fifo,
                                 environment: ["PGAPPNAME": name])
    }

    deinit {
        closeInput()
        try? FileManager.default.removeItem(atPath: fifo)
    }

    private func closeInput() {
        guard inputOpen else { return }
        inputOpen = false
        close(input)
    }

    func send(_ sql: String) {
        let line = Array((sql + "\n").utf8)
        _ = line.withUnsafeBytes { write(input, $0.baseAddress, $0.count) }
    }

    /// Ends the input, so psql ends; its exit status and output.
    func end() throws -> ImpactBinary.Output {
        closeInput()
        return try child.wait(seconds: Self.deadline)
    }

    /// One query's rows, `|`-separated, as the superuser.
    static func query(_ cluster: PostgresCluster, database: String, _ sql: String) throws -> String {
        let query = try SpawnedChild(psql(cluster, database: database) + ["-A", "-t", "-c", sql])
        let result = try query.wait(seconds: deadline)
        guard result.status == 0 else { throw SpawnedChild.Failure(description: "\(sql): \(result.stderr)") }
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func psql(_ cluster: PostgresCluster, database: String) -> [String] {
        [PostgresCluster.binaries + "/psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", cluster.directory,
         "-p", String(cluster.port), "-U", "postgres", "-d", database]
    }
}
#endif
