import Foundation

/// Lines of a text file for quoting in diagnostics; empty when it cannot be read.
enum SourceLines {
    static func read(_ path: String) -> [String] {
        guard let data = FileManager.default.contents(atPath: path), data.count < 50_000_000,
              let text = String(data: data, encoding: .utf8) else { return [] }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var text = String(line)
            if text.hasSuffix("\r") { text.removeLast() }
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            return text
        }
    }
}
