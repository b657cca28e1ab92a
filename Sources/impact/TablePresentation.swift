import ImpactCommandLine
import ImpactRender

/// `--lang` and `--wide` of the commands that print tables: the language of the words people read
/// in table and Markdown output, and whether a text table is fitted to the terminal. CSV and JSON
/// keep their English field names whatever these say, so scripts never break on a user's choice.
struct TablePresentation {
    static let language = CommandSpec.Option("--lang", value: "en|nl",
                                             help: "language of table and markdown headers and statuses "
                                                 + "(default en; csv and json stay English)")
    static let wide = CommandSpec.Option("--wide",
                                         help: "print whole table lines instead of fitting them to the "
                                             + "terminal width (COLUMNS)")
    static let all = [language, wide]

    let text: TableText
    /// Whole lines whatever the terminal width.
    let wide: Bool

    init(text: TableText = .english, wide: Bool = false) {
        self.text = text
        self.wide = wide
    }

    init(_ arguments: ParsedArguments) throws {
        self.init(text: TableText(language: try arguments.choice(Self.language, default: TableText.Language.en)),
                  wide: arguments.has(Self.wide))
    }
}
