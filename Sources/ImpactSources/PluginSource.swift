import Foundation
import Glibc
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
    public func digest(_ inputs: [String]) throws -> String? { nil }

    public func read(_ inputs: [String], options: ImportOptions, diagnostics: inout DiagnosticList,
                     emit: (ImportItem) throws -> Void) throws -> Int {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = inputs
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        let origin = "plugin \(id)"
        do { try process.run() } catch {
            let message = DiagnosticMessage.pluginCannotStart(executable, reason: error.localizedDescription)
            diagnostics.append(Diagnostic(message, file: origin))
            return 0
        }
        let stderrText = StderrCollector(errors.fileHandleForReading)
        var records = 0
        var pending = Data()
        func handleLine(_ line: Data) throws {
            guard !line.isEmpty else { return }
            records += 1
            try parse(line, record: records, origin: origin, diagnostics: &diagnostics, emit: emit)
        }
        // poll(2) with a deadline instead of a blocking read: a hanging plugin (or a child of it that
        // keeps stdout open) cannot stall the import past the timeout.
        let descriptor = output.fileHandleForReading.fileDescriptor
        let deadline = Date().addingTimeInterval(options.timeout)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var timedOut = false
        while true {
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 {
                timedOut = true
                // Foundation starts the plugin as the leader of its own process group: stop it with its children.
                kill(-process.processIdentifier, SIGKILL)
                break
            }
            var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&request, 1, Int32(min(remaining, 0.25) * 1000)) > 0 else { continue }
            let count = Glibc.read(descriptor, &chunk, chunk.count)
            if count <= 0 { break }
            pending.append(contentsOf: chunk[0..<count])
            while let newline = pending.firstIndex(of: 0x0A) {
                try handleLine(pending[pending.startIndex..<newline])
                pending.removeSubrange(pending.startIndex...newline)
            }
        }
        if !timedOut { try handleLine(pending) }
        process.waitUntilExit()
        if timedOut {
            diagnostics.append(Diagnostic(.pluginTimedOut(id, seconds: Int(options.timeout)), file: origin))
        } else if process.terminationReason == .uncaughtSignal || process.terminationStatus != 0 {
            let detail = stderrText.text.split(separator: "\n").suffix(5).joined(separator: "\n")
            let status = process.terminationStatus
            diagnostics.append(Diagnostic(process.terminationReason == .uncaughtSignal
                                              ? .pluginKilled(id, signal: status, stderr: detail)
                                              : .pluginExited(id, status: status, stderr: detail), file: origin))
        }
        return records
    }

    /// One NDJSON record: `{"version": 1, "type": "observation" | "series" | "geography", …}`.
    func parse(_ line: Data, record: Int, origin: String, diagnostics: inout DiagnosticList,
               emit: (ImportItem) throws -> Void) throws {
        func problem(_ message: DiagnosticMessage) {
            diagnostics.append(Diagnostic(message, file: origin, line: record, column: 1))
        }
        guard let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any] else {
            return problem(.recordNotJSON(record))
        }
        guard (object["version"] as? NSNumber)?.intValue == 1 else { return problem(.recordVersion(record)) }
        let location = SourceLocation(file: origin, line: record)
        switch object["type"] as? String {
        case "series":
            guard let key = object["key"] as? String, SeriesKey.isValid(key) else {
                return problem(.recordSeriesKey(record))
            }
        case "geography":
            guard let code = object["code"] as? String, !code.isEmpty, let name = object["name"] as? String,
                  let level = GeoLevel(rawValue: object["level"] as? String ?? "") else {
                return problem(.recordGeographyFields(record, levels: GeoLevel.allCases.map(\.rawValue)))
            }
            let kind = GeoKind(rawValue: object["kind"] as? String ?? "area") ?? .area
            try emit(.unit(GeoUnit(code: code, name: name, level: level, kind: kind), location))
        case "observation":
            guard let series = object["series"] as? String, SeriesKey.isValid(series) else {
                return problem(.recordObservationSeries(record))
            }
            guard let geo = object["geo"] as? String, !geo.isEmpty else {
                return problem(.recordObservationGeo(record))
            }
            let period: ParsedPeriod
            do { period = try Period.parse(object["period"] as? String ?? "") } catch {
                return problem(.recordInvalidPeriod(record, error))
            }
            var value: Double?
            switch object["value"] {
            case let number as NSNumber where String(cString: number.objCType) != "c" && number.doubleValue.isFinite:
                value = number.doubleValue
            case nil, is NSNull: value = nil
            default: return problem(.recordValue(record))
            }
            let status = (object["status"] as? String ?? "").lowercased()
            guard ["", "final", "provisional", "suppressed"].contains(status) else {
                return problem(.recordStatus(record, status))
            }
            let dimensions = (object["dimensions"] as? [String: String]) ?? [:]
            try emit(.observation(ObservationRecord(series: series, geo: geo, period: period.period,
                                                    dimensions: dimensions, value: value,
                                                    n: (object["n"] as? NSNumber)?.doubleValue,
                                                    provisional: status == "provisional" || period.provisional,
                                                    suppressed: status == "suppressed", location: location)))
        default:
            problem(.recordType(record))
        }
    }
}

/// Reads a pipe to the end in the background, so a chatty stderr cannot block the plugin.
final class StderrCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        DispatchQueue.global().async {
            let all = handle.readDataToEndOfFile()
            self.lock.lock()
            self.data = all
            self.lock.unlock()
            self.done.signal()
        }
    }

    var text: String {
        _ = done.wait(timeout: .now() + 2)
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: data, as: UTF8.self)
    }
}
