#if PostgreSQL
import Foundation

/// A throwaway PostgreSQL server for one test: `initdb` in a temporary folder as the `postgres`
/// user (the server refuses to run as root), started on a Unix socket in that folder (no TCP port,
/// so clusters of parallel tests never collide), stopped and removed by `stop()`. No mocks: the
/// Debian server binaries.
public final class PostgresCluster: Sendable {
    /// The newest installed server (Debian keeps them under /usr/lib/postgresql/VERSION/bin, off PATH).
    public static let binaries: String = {
        let root = "/usr/lib/postgresql"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        let newest = versions.compactMap(Int.init).max().map(String.init) ?? "15"
        return "\(root)/\(newest)/bin"
    }()
    public let directory: String
    public let port = 5432

    public init() throws {
        directory = Scratch.root + "/pg-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        try Self.asPostgres(["/bin/chown", "-R", "postgres:", directory], asRoot: true)
        try Self.asPostgres([Self.binaries + "/initdb", "-D", directory + "/data", "-U", "postgres", "--auth=trust",
                             "-E", "UTF8", "--no-locale", "--no-sync"])
        try Self.asPostgres([Self.binaries + "/pg_ctl", "-D", directory + "/data", "-l", directory + "/log", "-w",
                             "-o", "-k \(directory) -p \(port) -c listen_addresses='' \(Self.throwaway)", "start"])
    }

    /// A test server's data die with it: nothing is flushed to disk before a commit returns (the
    /// suites spent most of their time waiting for fsync).
    static let throwaway = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"

    /// A new empty database on the server, as the URL `--store` takes.
    public func createDatabase(_ name: String) throws -> String {
        try Self.asPostgres([Self.binaries + "/psql", "-h", directory, "-p", String(port), "-U", "postgres", "-q",
                             "-c", "CREATE DATABASE \(name)"])
        return url(database: name)
    }

    public func url(database: String, user: String = "postgres") -> String {
        "postgresql://\(user)@/\(database)?host=\(directory)&port=\(port)"
    }

    /// Runs SQL as the superuser (test setup only).
    public func psql(_ database: String, _ sql: String) throws {
        try Self.asPostgres([Self.binaries + "/psql", "-h", directory, "-p", String(port), "-U", "postgres", "-q",
                             "-v", "ON_ERROR_STOP=1", "-d", database, "-c", sql])
    }

    public func stop() {
        try? Self.asPostgres([Self.binaries + "/pg_ctl", "-D", directory + "/data", "-w", "-m", "fast", "stop"])
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Runs a command as `postgres` when the tests run as root (CI), as the current user otherwise.
    /// Spawned and awaited directly, its output in a file, and every descriptor above stderr closed
    /// first: the server `pg_ctl` starts outlives it, and must not hold a pipe or a descriptor of
    /// the test process open (Foundation's `Process` would then wait for the server to end).
    private static func asPostgres(_ command: [String], asRoot: Bool = false) throws {
        let user = getuid() == 0 && !asRoot ? ["/usr/sbin/runuser", "-u", "postgres", "--"] : []
        let closeDescriptors = #"for fd in /proc/$$/fd/*; do n=${fd##*/}; [ "$n" -gt 2 ] && eval "exec $n>&-"; done; exec "$@""#
        let arguments = ["/bin/bash", "-c", closeDescriptors, "bash"] + user + command
        let log = Scratch.root + "/pg-log-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: log) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let cArguments = arguments.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, arguments[0], &actions, nil, cArguments, environ)
        guard spawned == 0 else { throw ClusterFailure(message: "cannot start \(command[0]): error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        guard status == 0 else {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            throw ClusterFailure(message: "\(command.joined(separator: " ")) failed: \(text)")
        }
    }

    public struct ClusterFailure: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }
}
#endif
