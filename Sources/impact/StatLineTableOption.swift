import Foundation
import ImpactCommandLine
import ImpactSources

/// `--table ID [--base-url URL]`: the statline source fetches the table from the OData API itself
/// instead of reading a saved export. Everything is checked here, before any network access, so a
/// mistyped command line never waits for a server.
struct StatLineTableOption {
    static let table = CommandSpec.Option("--table", value: "ID",
                                          help: "fetch StatLine table ID (such as 83765NED) from the OData API "
                                              + "instead of reading saved files (statline; needs --mapping)")
    static let baseURL = CommandSpec.Option("--base-url", value: "URL",
                                            help: "OData service root for --table, such as a mirror "
                                                + "(default \(StatLineDownload.defaultBaseURL))")

    let table: String
    let baseURL: URL

    /// The table's service root: the origin of the batch.
    var tableURL: URL { StatLineDownload.url(of: table, under: baseURL) }

    /// nil without `--table`.
    static func decode(_ arguments: ParsedArguments, source: String, inputs: [String],
                       mapping: String?) throws -> StatLineTableOption? {
        guard let table = arguments.value(table) else {
            if arguments.value(baseURL) != nil { throw UsageError("--base-url is only used with --table ID") }
            return nil
        }
        try check(table: table, source: source, inputs: inputs, mapping: mapping)
        return StatLineTableOption(table: table, baseURL: try url(arguments.value(baseURL)))
    }

    private static func check(table: String, source: String, inputs: [String], mapping: String?) throws {
        guard source == "statline" else {
            throw UsageError("--table is an option of the statline source, not of '\(source)'",
                             hint: "impact import statline --table ID --mapping FILE")
        }
        guard inputs.isEmpty else {
            throw UsageError("--table fetches the table itself; give no INPUT files with it",
                             hint: "drop the files, or drop --table to import a saved export")
        }
        guard table.range(of: "^[A-Za-z0-9_]{1,32}$", options: .regularExpression) != nil else {
            throw UsageError("--table expects a StatLine table id such as 83765NED, not '\(table)'")
        }
        guard mapping != nil else {
            throw UsageError("--table needs --mapping FILE",
                             hint: "the mapping says which topics and regions to import (docs/sources.md)")
        }
    }

    private static func url(_ text: String?) throws -> URL {
        let text = text ?? StatLineDownload.defaultBaseURL
        guard let url = URL(string: text), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
              url.host?.isEmpty == false else {
            throw UsageError("--base-url must be an http or https URL, not '\(text)'",
                             hint: "such as \(StatLineDownload.defaultBaseURL)")
        }
        return url
    }
}
