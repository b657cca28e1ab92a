import Foundation
import ImpactCore
import ImpactStore

/// An external source: an executable `impact-source-NAME` that receives the inputs as arguments and
/// prints NDJSON records on stdout (protocol in docs/plugins.md). Its records are validated exactly
/// like a file's; a crash, a non-zero exit, a hang past the timeout or an invalid record means
/// nothing is written.
public struct PluginSource: DataSource {
    public let id: String
    public let executable: String

    public init(id: String, executable: String) {
        self.id = id
        self.executable = executable
    }

    public var summary: String { "external plugin \(executable)" }
    public var inputs: String { "whatever the plugin reads (arguments are passed through)" }
    public var isExternal: Bool { true }

    public func read(_ inputs: [String], options: ImportOptions, diagnostics: inout DiagnosticList,
                     emit: (ImportItem) throws -> Void) throws -> Int {
        let origin = "plugin \(id)"
        let child = ChildProcess(program: executable, arguments: inputs)
        var records = 0
        let termination = try child.run(timeout: options.timeout) { line in
            guard !line.isEmpty else { return }
            records += 1
            let item: ImportItem?
            do throws(DiagnosticMessage) {
                item = try PluginRecord.decode(line, number: records, origin: origin)
            } catch {
                return diagnostics.append(Diagnostic(error, file: origin, line: records, column: 1))
            }
            if let item { try emit(item) }
        }
        if let message = problem(termination, timeout: options.timeout, stderr: child.stderrLines()) {
            diagnostics.append(Diagnostic(message, file: origin))
        }
        return records
    }

    /// What to report about how the plugin ended; nil when it exited 0.
    func problem(_ termination: ChildProcess.Termination, timeout: TimeInterval, stderr: String) -> DiagnosticMessage? {
        switch termination {
        case .exited(0): return nil
        case .exited(let status): return .pluginExited(id, status: status, stderr: stderr)
        case .signalled(let signal): return .pluginKilled(id, signal: signal, stderr: stderr)
        case .timedOut: return .pluginTimedOut(id, seconds: Int(timeout))
        case .cannotStart(let reason): return .pluginCannotStart(executable, reason: reason)
        }
    }
}
