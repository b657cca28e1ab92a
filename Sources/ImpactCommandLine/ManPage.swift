/// The manual page, in roff (`man 7 man`), generated from the same specs as `--help`.
public enum ManPage {
    public static func roff(program: String, version: String, summary: String, commands: [CommandSpec],
                            environment: [(name: String, meaning: String)],
                            exitStatus: [(code: Int32, meaning: String)]) -> String {
        var lines = [".TH \(program.uppercased()) 1 \"\" \"\(program) \(version)\" \"User Commands\"",
                     ".SH NAME", "\(program) \\- " + text(summary),
                     ".SH SYNOPSIS", ".B \(program)", ".I COMMAND", "[options] [arguments]",
                     ".SH DESCRIPTION", "Every command has its own options; global options:"]
        lines += CommandSpec.globalOptions.flatMap(option)
        lines.append(".SH COMMANDS")
        for command in commands { lines += section(command) }
        lines.append(".SH ENVIRONMENT")
        for variable in environment { lines += [".TP", ".B \(variable.name)", text(variable.meaning)] }
        lines.append(".SH EXIT STATUS")
        for status in exitStatus { lines += [".TP", ".B \(status.code)", text(status.meaning)] }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func section(_ command: CommandSpec) -> [String] {
        var lines = [".SS \"\(escape(command.usage))\"", text(command.summary)]
        if !command.discussion.isEmpty { lines += [".PP", text(command.discussion)] }
        for positional in command.positionals {
            lines += [".TP", ".I \(escape(positional.name))", text(positional.help)]
        }
        lines += command.options.flatMap(option)
        if !command.examples.isEmpty {
            lines += [".PP", "Examples:", ".RS", ".nf"] + command.examples.map(text) + [".fi", ".RE"]
        }
        return lines
    }

    private static func option(_ option: CommandSpec.Option) -> [String] {
        let value = option.value.map { " \\fI\(escape($0))\\fR" } ?? ""
        let help = option.help + (option.repeatable ? " (repeatable)" : "")
        return [".TP", "\\fB\(escape(option.name))\\fR\(value)", text(help)]
    }

    /// Typographic characters of the help texts as the glyphs every roff device has (`-Tascii` too).
    private static let glyphs: [Unicode.Scalar: String] = [
        "…": "...", "→": "\\(->", "—": "\\(em", "–": "\\(en", "·": "\\(bu", "×": "\\(mu",
        "≤": "\\(<=", "≥": "\\(>=", "‘": "\\(oq", "’": "\\(cq", "“": "\\(lq", "”": "\\(rq",
    ]

    /// Backslashes and hyphens as roff wants them (a bare `-` may become a hyphen, not a minus), and
    /// every character beyond ASCII as a glyph name, so no renderer depends on the input encoding.
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\e"
            case "-": result += "\\-"
            case _ where glyphs[scalar] != nil: result += glyphs[scalar]!
            case _ where scalar.value > 127:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "\\[u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "]"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Running text: escaped, and a line that starts with `.` or `'` is guarded so roff does not
    /// read it as a request.
    static func text(_ text: String) -> String {
        escape(text).split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix(".") || line.hasPrefix("'") ? "\\&" + line : String(line)
        }.joined(separator: "\n")
    }
}
