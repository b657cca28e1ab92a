import Foundation
import ImpactCore

/// Progress of long work on one line of a terminal's stderr: phase, rows parsed or copied (or the
/// phase's steps), rate and an estimate of the time left, redrawn in place at most ten times a
/// second and erased when the work ends, so the final summary reads exactly as without it. Only on
/// a terminal and without `--quiet`: piped or redirected stderr gets no progress bytes at all.
final class ProgressLine: ProgressReporter {
    private let label: String
    /// Rows the input is expected to hold (from its size), for the estimate while parsing.
    private let expectedRows: Int?
    private let write: (String) -> Void
    private var phase = ProgressPhase.parse
    private var total: Int?
    private var done = 0
    private var rows = 0
    private var phaseStart = Date()
    private var lastDrawn = Date.distantPast
    private var showing = false

    init(label: String, expectedRows: Int?, write: @escaping (String) -> Void) {
        self.label = label
        self.expectedRows = expectedRows
        self.write = write
    }

    /// A line on stderr when it is a terminal and the user did not ask for quiet; nil otherwise.
    static func onTerminal(label: String, quiet: Bool, expectedRows: Int?) -> ProgressLine? {
        guard !quiet, isatty(STDERR_FILENO) == 1 else { return nil }
        return ProgressLine(label: label, expectedRows: expectedRows) { text in
            try? FileHandle.standardError.write(contentsOf: Data(text.utf8))
        }
    }

    func begin(_ phase: ProgressPhase, total: Int?) {
        self.phase = phase
        self.total = total
        done = 0
        phaseStart = Date()
        draw(force: true)
    }

    func advance(to done: Int) {
        self.done = done
        if phase.countsRows { rows = done }
        draw(force: false)
    }

    /// Erases the line, so what follows starts at the left margin of a clean line.
    func finish() {
        guard showing else { return }
        write("\r\u{1B}[K")
        showing = false
    }

    private func draw(force: Bool) {
        let now = Date()
        guard force || now.timeIntervalSince(lastDrawn) >= 0.1 else { return }
        lastDrawn = now
        let text = "\(label): " + status(elapsed: now.timeIntervalSince(phaseStart))
        write("\r" + text + "\u{1B}[K")
        showing = true
    }

    /// "parse · 1,204,224 rows · 81,302 rows/s · about 0:24 left", "copy · 1,204,224 of 10,371,600 rows
    /// · …", or the phase's steps and elapsed time.
    private func status(elapsed: TimeInterval) -> String {
        var parts = [phase.rawValue]
        if let total, !phase.countsRows { parts[0] += " \(done)/\(total)" }
        let of = phase.countsRows ? total.map { " of \(Self.grouped($0))" } ?? "" : ""
        if phase.countsRows || rows > 0 { parts.append("\(Self.grouped(rows))\(of) rows") }
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        if phase.countsRows && rate > 0 { parts.append("\(Self.grouped(Int(rate))) rows/s") }
        if let left = remaining(rate: rate) {
            parts.append("about \(Self.clock(left)) left")
        } else {
            parts.append("\(Self.clock(elapsed))")
        }
        return parts.joined(separator: " · ")
    }

    /// Time left in the current phase, when its size is known and some of it is done.
    private func remaining(rate: Double) -> TimeInterval? {
        guard rate > 0, let size = phase == .parse ? expectedRows : total, size > done else { return nil }
        return Double(size - done) / rate
    }

    static func grouped(_ number: Int) -> String {
        let digits = String(number)
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }

    static func clock(_ seconds: TimeInterval) -> String {
        let whole = Int(seconds.rounded())
        return String(format: "%d:%02d", whole / 60, whole % 60)
    }
}
