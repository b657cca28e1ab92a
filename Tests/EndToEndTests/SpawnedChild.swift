#if PostgreSQL
import Foundation

/// A child process for tests that keep clients running side by side. Started with `posix_spawn`,
/// not Foundation's `Process`: output goes to files and every descriptor above stderr is closed
/// before the command starts, so no child holds another's pipe open; waiting has a deadline, after
/// which the child is killed and the test fails instead of hanging.
final class SpawnedChild {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let command: [String]
    private let pid: pid_t
    private let output: String
    private var waitStatus: Int32?

    init(_ command: [String], input: String = "/dev/null", environment: [String: String] = [:]) throws {
        self.command = command
        output = FileManager.default.temporaryDirectory
            .appendingPathComponent("impact-child-" + UUID().uuidString).path
        let closeDescriptors = #"for fd in /proc/$$/fd/*; do n=${fd##*/}; "#
            + #"[ "$n" -gt 2 ] && eval "exec $n>&-"; done; exec "$@""#
        let arguments = ["/bin/bash", "-c", closeDescriptors, "bash"] + command
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output + ".out", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, output + ".err", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var variables = ProcessInfo.processInfo.environment
        variables.removeValue(forKey: "IMPACT_STORE")
        variables.removeValue(forKey: "COLUMNS")
        variables.merge(environment) { $1 }
        let cArguments = arguments.map { strdup($0) } + [nil]
        let cEnvironment = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (cArguments + cEnvironment).forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, arguments[0], &actions, nil, cArguments, cEnvironment)
        guard spawned == 0 else { throw Failure(description: "cannot start \(command[0]): error \(spawned)") }
        self.pid = pid
    }

    deinit {
        if waitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        for suffix in [".out", ".err"] { try? FileManager.default.removeItem(atPath: output + suffix) }
    }

    /// Whether the child has ended, without waiting for it.
    var hasEnded: Bool {
        if waitStatus != nil { return true }
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == pid else { return false }
        waitStatus = status
        return true
    }

    /// Its exit status and output once it ends; killed and reported as a failure after `seconds`.
    func wait(seconds: Double) throws -> ImpactBinary.Output {
        let deadline = Date().addingTimeInterval(seconds)
        while !hasEnded {
            guard Date() < deadline else {
                kill(pid, SIGKILL)
                _ = try? wait(seconds: 5)
                throw Failure(description: "\(command.joined(separator: " ")) still ran after \(seconds) s")
            }
            usleep(10_000)
        }
        let status = waitStatus ?? 0
        let signalled = status & 0x7f != 0
        return ImpactBinary.Output(status: signalled ? -1 : (status >> 8) & 0xff,
                                   stdout: (try? String(contentsOfFile: output + ".out", encoding: .utf8)) ?? "",
                                   stderr: (try? String(contentsOfFile: output + ".err", encoding: .utf8)) ?? "",
                                   killedBySignal: signalled)
    }
}
#endif
