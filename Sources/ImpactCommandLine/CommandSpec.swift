/// The declared interface of one command: its options, positional arguments and help text.
/// Help is generated from this, so what `--help` says is what the parser accepts.
public struct CommandSpec: Sendable {
    public struct Option: Sendable {
        public let name: String
        /// Name of the value in help (`PATH`); nil for a flag without value.
        public let value: String?
        public let help: String
        public let repeatable: Bool

        public init(_ name: String, value: String? = nil, repeatable: Bool = false, help: String) {
            self.name = name
            self.value = value
            self.help = help
            self.repeatable = repeatable
        }
    }

    public struct Positional: Sendable {
        public let name: String
        public let help: String
        public let minimum: Int
        public let maximum: Int?

        public init(_ name: String, minimum: Int = 1, maximum: Int? = 1, help: String) {
            self.name = name
            self.help = help
            self.minimum = minimum
            self.maximum = maximum
        }
    }

    public let name: String
    public let summary: String
    public let discussion: String
    public let positionals: [Positional]
    public let options: [Option]
    public let examples: [String]

    public init(name: String, summary: String, discussion: String = "", positionals: [Positional] = [],
                options: [Option] = [], examples: [String] = []) {
        self.name = name
        self.summary = summary
        self.discussion = discussion
        self.positionals = positionals
        self.options = options
        self.examples = examples
    }

    /// Options every command accepts, before or after its own arguments.
    public static let globalOptions: [Option] = [store, help]
    public static let store = Option("--store", value: "PATH",
                                     help: "store file (default: $IMPACT_STORE, store in impact.conf, "
                                         + "else ./impact.sqlite)")
    public static let help = Option("--help", help: "show help for this command")
    /// `impact --version` and `impact -V`: options of `impact` itself, which no command takes.
    public static let versionNames = ["--version", "-V"]

    public var allOptions: [Option] { options + Self.globalOptions }

    public var usage: String {
        var parts = ["impact", name]
        if !options.isEmpty { parts.append("[options]") }
        for positional in positionals {
            let many = positional.maximum == nil ? "…" : ""
            parts.append(positional.minimum == 0 ? "[\(positional.name)\(many)]" : "\(positional.name)\(many)")
        }
        return parts.joined(separator: " ")
    }

    public var help: String {
        var lines = ["\(name): \(summary)", "", "USAGE: \(usage)"]
        if !discussion.isEmpty { lines += ["", discussion] }
        if !positionals.isEmpty {
            lines += ["", "ARGUMENTS:"] + positionals.map { "  " + $0.name.padding(24) + $0.help }
        }
        lines += ["", "OPTIONS:"] + allOptions.map { option in
            let left = option.name + (option.value.map { " " + $0 } ?? "")
            return "  " + left.padding(24) + option.help + (option.repeatable ? " (repeatable)" : "")
        }
        if !examples.isEmpty { lines += ["", "EXAMPLES:"] + examples.map { "  " + $0 } }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self + "  " : self + String(repeating: " ", count: width - count)
    }
}
