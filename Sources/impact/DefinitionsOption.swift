import ImpactCommandLine

/// `--indicators DIR`: where the definitions are. Commands decode only the flag; the context
/// resolves it against `IMPACT_INDICATORS` and `impact.conf` when the command runs.
enum DefinitionsOption {
    static let option = CommandSpec.Option("--indicators", value: "DIR",
                                           help: "definitions directory (default: $IMPACT_INDICATORS, indicators "
                                               + "in impact.conf, else ./indicators)")
    static let environment = "IMPACT_INDICATORS"
    static let defaultDirectory = "indicators"

    static func flag(_ arguments: ParsedArguments) -> String? { arguments.value(option) }
}
