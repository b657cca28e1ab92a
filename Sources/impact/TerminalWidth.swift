import Foundation

/// The width a text table is fitted to: `COLUMNS` when it holds a positive number, else the width of
/// the terminal standard output is, else none — a pipe or a file gets whole lines, so scripts and
/// saved output never lose text to a window that happened to be narrow.
enum TerminalWidth {
    static func current(environment: [String: String]) -> Int? {
        if let text = environment["COLUMNS"], let columns = Int(text.trimmingCharacters(in: .whitespaces)),
           columns > 0 {
            return columns
        }
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
