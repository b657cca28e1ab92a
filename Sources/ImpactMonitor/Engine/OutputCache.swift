/// Whole command outputs kept per request and data vintage. A scheduled job or dashboard repeating
/// the same evaluation then reads one row, instead of parsing the definitions, planning every
/// indicator and decoding its cached rows. The key covers everything the output depends on besides
/// the store itself: the tool version, the command, its arguments and the bytes of the definition
/// files. Entries share `result_cache` (and its pruning on every new vintage) with `ResultCache`.
public struct OutputCache {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// `arguments` in a stable order; values of a repeated option keep theirs, since it orders the output.
    public static func key(version: String, command: String, arguments: ParsedArguments, ignoring ignored: Set<String>, definitions: String) -> String {
        let values = arguments.values.keys.filter { !ignored.contains($0) }.sorted().map { "\($0)=\(arguments.all($0).joined(separator: "\u{1}"))" }
        let flags = arguments.flags.subtracting(ignored).sorted()
        let text = (["output", version, command, definitions] + values + flags + arguments.positionals).joined(separator: "\u{2}")
        return SHA256.hex(Array(text.utf8))
    }

    public func lookup(_ key: String) throws -> String? {
        try database.query(
            "SELECT payload FROM result_cache WHERE key = ? AND vintage = (SELECT coalesce(max(id), 0) FROM import_batch)", [.text(key)]) { $0.string(0)! }.first
    }

    /// Best effort, like `ResultCache.store`: a store that cannot be written now is simply not cached.
    public func store(_ key: String, _ output: String) {
        try? database.execute("""
            INSERT OR REPLACE INTO result_cache (key, vintage, payload) VALUES (?, (SELECT coalesce(max(id), 0) FROM import_batch), ?)
            """, [.text(key), .text(output)])
    }
}
