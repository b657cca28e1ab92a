import ImpactRender

/// The `--format` of `eval` and `diff`: the printed formats and an Excel workbook, which is
/// binary and so only ever written to a file.
enum DataFormat: String, CaseIterable {
    case table, csv, json, markdown, xlsx

    /// The format the table renderer prints; nil for the workbook.
    var printed: OutputFormat? { OutputFormat(rawValue: rawValue) }
}
