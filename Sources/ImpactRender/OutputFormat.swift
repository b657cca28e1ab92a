/// The shared `--format` of every command that prints data.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, csv, json, markdown
}

