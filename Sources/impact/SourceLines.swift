import Foundation

/// Lines of a text file for quoting in diagnostics; empty when it cannot be read.
enum SourceLines {
    static func read(_ path: String) -> [String] {
        guard let data = FileManager.default.contents(atPath: path), data.count < 50_000_000,
              let text = String(data: data, encoding: .utf8) else { return [] }
        return split(text)
    }

    /// The lines as an editor numbers them: `\r\n` endings and a leading byte-order mark removed.
    static func split(_ text: String) -> [String] {
        // "\r\n" is one Character in Swift, so a Windows line end is a separator of its own.
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map { line in
            var text = String(line)
            if text.hasSuffix("\r") { text.removeLast() }
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            return text
        }
    }
}
