import ImpactCommandLine
import ImpactRender

/// `--lang` and `--wide` of the commands that print tables: the language of the words people read
/// in table and Markdown output, and whether a text table is fitted to the terminal. CSV and JSON
/// keep their English field names whatever these say, so scripts never break on a user's choice.
struct TablePresentation {
    static let language = CommandSpec.Option("--lang", value: "en|nl",
                                             help: "language of table and markdown headers and statuses (default: "
                                                 + "the language in impact.conf, else en; csv and json stay English)")
    static let wide = CommandSpec.Option("--wide",
                                         help: "print whole table lines instead of fitting them to the "
                                             + "terminal width (COLUMNS)")
    static let all = [language, wide]

    /// `--lang` as given; nil lets `language` in impact.conf decide, else English.
    let language: TableText.Language?
    /// Whole lines whatever the terminal width.
    let wide: Bool

    init(language: TableText.Language? = nil, wide: Bool = false) {
        self.language = language
        self.wide = wide
    }

    init(_ arguments: ParsedArguments) throws {
        let given = arguments.value(Self.language) == nil
            ? nil : try arguments.choice(Self.language, default: TableText.Language.en)
        self.init(language: given, wide: arguments.has(Self.wide))
    }
}
