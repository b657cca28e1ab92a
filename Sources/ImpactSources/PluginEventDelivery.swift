import Foundation
import ImpactCore
import ImpactStore

/// Case events from a plugin as one batch: the plugin runs before the write transaction starts, its
/// records are pseudonymised as they are read, and only then does the import stage them — so the
/// same validation, duplicates check, key check and atomic batch as for an event file apply.
/// A plugin that fails or prints any bad record means nothing is written.
public struct PluginEventDelivery {
    public let source: String
    public let plugin: PluginSource
    public let arguments: [String]
    public let key: PseudonymKey
    public var timeout: TimeInterval = 120
    public var dryRun = false
    /// Keeps what derives from the events in the import's transaction (`CaseEventImport.afterMerge`).
    public var afterMerge: ((CaseEventChange) throws -> Void)?
    /// Where the import reports its phases and rows (`CaseEventImport.progress`).
    public var progress: (any ProgressReporter)?

    public init(source: String, plugin: PluginSource, arguments: [String], key: PseudonymKey) {
        self.source = source
        self.plugin = plugin
        self.arguments = arguments
        self.key = key
    }

    /// Where diagnostics place a record: the plugin and the record's number, nothing of its text.
    public var origin: String { "plugin \(plugin.id)" }

    public func run(into store: Store) throws -> ImportResult {
        var diagnostics = DiagnosticList()
        let (records, count) = try read(diagnostics: &diagnostics)
        var importer = CaseEventImport(store: store, source: source, origin: origin,
                                       sha256: Self.digest(records), keyCheck: key.check)
        importer.dryRun = dryRun
        importer.afterMerge = afterMerge
        importer.progress = progress
        return try importer.run { importDiagnostics, emit in
            importDiagnostics.append(contentsOf: diagnostics)
            for record in records { try emit(record) }
            return count
        }
    }

    /// Runs the plugin: its valid records, already pseudonymised, and how many records it printed.
    func read(diagnostics: inout DiagnosticList) throws -> ([CaseEventRecord], Int) {
        var pseudonyms = CaseEventCSV.Pseudonyms(key: key)
        var records: [CaseEventRecord] = []
        var number = 0
        let child = ChildProcess(program: plugin.executable, arguments: arguments)
        let termination = try child.run(timeout: timeout) { line in
            guard !line.isEmpty else { return }
            number += 1
            do throws(DiagnosticMessage) {
                records.append(try PluginEventRecord.decode(line, number: number, origin: origin,
                                                            pseudonyms: &pseudonyms))
            } catch {
                diagnostics.append(Diagnostic(error, file: origin, line: number))
            }
        }
        if let message = problem(termination) { diagnostics.append(Diagnostic(message, file: origin)) }
        return (records, number)
    }

    /// How the plugin ended, without its error output; nil when it exited 0.
    func problem(_ termination: ChildProcess.Termination) -> DiagnosticMessage? {
        switch termination {
        case .exited(0): return nil
        case .exited(let status): return .eventPluginFailed(plugin.id, ending: "exited with status \(status)")
        case .signalled(let signal): return .eventPluginFailed(plugin.id, ending: "was killed by signal \(signal)")
        case .timedOut: return .pluginTimedOut(plugin.id, seconds: Int(timeout))
        case .cannotStart(let reason): return .pluginCannotStart(plugin.executable, reason: reason)
        }
    }

    /// The delivery's fingerprint, over the pseudonymised records: a repeated delivery is recognised
    /// without any digest of raw ids being kept.
    static func digest(_ records: [CaseEventRecord]) -> String {
        var hash = SHA256()
        for record in records {
            let fields = [record.caseKey, record.personKey, record.role, record.event, record.date.iso, record.geo,
                          JSONText.object(record.dimensions)]
            hash.update(Array((fields.joined(separator: "\u{0}") + "\n").utf8))
        }
        return hash.finalize()
    }
}
