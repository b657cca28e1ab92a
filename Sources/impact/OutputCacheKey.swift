import ImpactCommandLine
import ImpactCore

/// The key of a whole command output in the store's output cache: everything the output depends on
/// besides the store itself — the tool version, the command, its arguments and the bytes of the
/// definition files.
enum OutputCacheKey {
    /// `arguments` in a stable order; values of a repeated option keep theirs, since it orders the output.
    static func make(command: String, arguments: ParsedArguments, ignoring ignored: Set<String>,
                     definitions: String) -> String {
        let values = arguments.values.keys.filter { !ignored.contains($0) }.sorted()
            .map { "\($0)=\(arguments.values[$0, default: []].joined(separator: "\u{1}"))" }
        let flags = arguments.flags.subtracting(ignored).sorted()
        let parts = ["output", CLI.version, command, definitions] + values + flags + arguments.positionals
        let text = parts.joined(separator: "\u{2}")
        return SHA256.hex(Array(text.utf8))
    }
}
