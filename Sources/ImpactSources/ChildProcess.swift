import Foundation
import Glibc

/// Runs an external program (a source plugin or a notifier) so that it can neither hang nor
/// outlive the tool: it is the leader of its own process group, inherits only descriptors 0–2 and
/// an allow-listed environment (plus the caller's overrides, e.g. Chromium's TMPDIR), every wait
/// has a deadline, and on timeout or exit the whole group is killed. Its stderr is kept as a
/// bounded tail, so a chatty program cannot exhaust memory.
public final class ChildProcess {
    /// How the program ended.
    public enum Termination: Equatable, Sendable {
        case exited(Int32)
        case signalled(Int32)
        case timedOut
        case cannotStart(String)
    }

    /// Variables passed through to the program; everything else (tokens, cloud keys) stays behind.
    public static let environmentNames: Set<String> = ["PATH", "HOME", "LANG", "TZ", "TMPDIR", "USER", "LOGNAME"]
    /// Prefixes of variables passed through as well.
    public static let environmentPrefixes = ["IMPACT_", "LC_"]
    /// How much of stderr is kept: the end, where the reason for a failure usually is.
    public static let stderrLimit = 16 * 1024

    private let program: String
    private let arguments: [String]
    private let overrides: [String: String]
    private var stderrTail = Data()
    private var pid: pid_t = 0

    /// `overrides` are set in the child's environment over the allow-listed variables.
    public init(program: String, arguments: [String], overrides: [String: String] = [:]) {
        self.program = program
        self.arguments = arguments
        self.overrides = overrides
    }

    /// The allow-listed subset of `environment`.
    public static func filtered(_ environment: [String: String]) -> [String: String] {
        environment.filter { name, _ in
            environmentNames.contains(name) || environmentPrefixes.contains { name.hasPrefix($0) }
        }
    }

    /// The last lines of stderr (at most `lines`, each cut to its last 300 characters), for a message.
    public func stderrLines(_ lines: Int = 5) -> String {
        String(decoding: stderrTail, as: UTF8.self).split(separator: "\n").suffix(lines)
            .map { $0.count > 300 ? "…" + $0.suffix(300) : $0 }.joined(separator: "\n")
    }

    /// Starts the program, writes `input` to its stdin, hands every stdout line to `line` and
    /// returns when it has ended, or at `timeout` after killing its group. `line` may throw to stop
    /// early; the group is killed then too.
    public func run(input: Data = Data(), timeout: TimeInterval,
                    line: (Data) throws -> Void = { _ in }) throws -> Termination {
        let deadline = Date().addingTimeInterval(timeout)
        var pipes = ChildPipes()
        guard pipes.open() else {
            let reason = String(cString: strerror(errno))
            pipes.closeAll()
            return .cannotStart(reason)
        }
        if let problem = spawn(pipes) {
            pipes.closeAll()
            return .cannotStart(problem)
        }
        pipes.closeChildEnds()
        var streams = ChildStreams(stdin: pipes.parentInput, stdout: pipes.parentOutput, stderr: pipes.parentErrors,
                                   input: [UInt8](input))
        defer {
            streams.closeAll()
            kill(-pid, SIGKILL)
            waitpid(pid, nil, 0)
        }
        while true {
            if let status = ended() {
                // The program is done: a child it left behind in its group must not keep running.
                kill(-pid, SIGKILL)
                try streams.drain { try self.handle($0, $1, line: line) }
                return status
            }
            guard deadline.timeIntervalSinceNow > 0 else { return .timedOut }
            try streams.pump(waitingAtMost: min(deadline.timeIntervalSinceNow, 0.05)) {
                try self.handle($0, $1, line: line)
            }
        }
    }

    private var pendingLine = Data()

    /// Bytes read from stdout (`isOutput`) or stderr; an empty chunk from stdout means its end.
    private func handle(_ chunk: [UInt8], _ isOutput: Bool, line: (Data) throws -> Void) throws {
        guard isOutput else {
            stderrTail.append(contentsOf: chunk)
            if stderrTail.count > 2 * Self.stderrLimit { stderrTail = stderrTail.suffix(Self.stderrLimit) }
            return
        }
        guard !chunk.isEmpty else {
            if !pendingLine.isEmpty { try line(pendingLine) }
            pendingLine = Data()
            return
        }
        pendingLine.append(contentsOf: chunk)
        while let newline = pendingLine.firstIndex(of: 0x0A) {
            try line(pendingLine[pendingLine.startIndex..<newline])
            pendingLine.removeSubrange(pendingLine.startIndex...newline)
        }
    }

    /// How the direct child ended, without blocking and without reaping it yet, so its process
    /// group still exists to be killed; nil while it runs.
    private func ended() -> Termination? {
        var info = siginfo_t()
        guard waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0,
              info._sifields._sigchld.si_pid == pid else { return nil }
        let status = info._sifields._sigchld.si_status
        return info.si_code == CLD_EXITED ? .exited(status) : .signalled(status)
    }

    /// posix_spawn with its own process group, default signal handling and descriptors 0–2 only.
    private func spawn(_ pipes: ChildPipes) -> String? {
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_adddup2(&actions, pipes.childInput, 0)
        posix_spawn_file_actions_adddup2(&actions, pipes.childOutput, 1)
        posix_spawn_file_actions_adddup2(&actions, pipes.childErrors, 2)
        var signals = sigset_t()
        sigfillset(&signals)
        posix_spawnattr_setsigdefault(&attributes, &signals)
        sigemptyset(&signals)
        posix_spawnattr_setsigmask(&attributes, &signals)
        posix_spawnattr_setpgroup(&attributes, 0)
        let flags = POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK
        posix_spawnattr_setflags(&attributes, Int16(flags))
        let argv = CStrings([program] + arguments)
        let environment = Self.filtered(ProcessInfo.processInfo.environment).merging(overrides) { $1 }
            .map { "\($0.key)=\($0.value)" }
        let envp = CStrings(environment)
        let spawned = program.contains("/")
            ? posix_spawn(&pid, program, &actions, &attributes, argv.pointers, envp.pointers)
            : posix_spawnp(&pid, program, &actions, &attributes, argv.pointers, envp.pointers)
        return spawned == 0 ? nil : String(cString: strerror(spawned))
    }
}

/// NUL-terminated copies of strings for argv and envp, freed with the value.
private final class CStrings {
    let pointers: [UnsafeMutablePointer<CChar>?]

    init(_ strings: [String]) { pointers = strings.map { strdup($0) } + [nil] }

    deinit { pointers.forEach { free($0) } }
}
