import ImpactCommandLine

/// `--indicators DIR`: where the definitions are.
enum DefinitionsOption {
    static let option = CommandSpec.Option("--indicators", value: "DIR",
                                           help: "definitions directory (default: ./indicators)")
    static let defaultDirectory = "indicators"

    static func directory(_ arguments: ParsedArguments) -> String { arguments.value(option) ?? defaultDirectory }
}
