import ImpactCore

/// Parsed arguments of one command, with typed accessors that throw usage errors naming the flag.
public struct ParsedArguments: Sendable {
    public var values: [String: [String]] = [:]
    public var flags: Set<String> = []
    public var positionals: [String] = []

    /// The last value given for `option`; options are looked up by their declaration, so a name
    /// is spelled once, in the spec.
    public func value(_ option: CommandSpec.Option) -> String? { values[option.name]?.last }
    public func all(_ option: CommandSpec.Option) -> [String] { values[option.name] ?? [] }
    public func has(_ option: CommandSpec.Option) -> Bool { flags.contains(option.name) }

    /// The value of an option that must be one of a fixed set, e.g. `--format`.
    public func choice<T: RawRepresentable & CaseIterable>(_ option: CommandSpec.Option,
                                                           default fallback: T) throws -> T
    where T.RawValue == String {
        guard let text = value(option) else { return fallback }
        guard let choice = T(rawValue: text) else {
            let names = T.allCases.map(\.rawValue)
            let list = "use one of " + names.joined(separator: ", ")
            throw UsageError("invalid value '\(text)' for \(option.name)",
                             hint: Suggestions.hint(for: text, among: names).map { "\($0) (\(list))" } ?? list)
        }
        return choice
    }

    public func integer(_ option: CommandSpec.Option) throws -> Int? {
        guard let text = value(option) else { return nil }
        guard let number = Int(text) else { throw UsageError("\(option.name) expects a whole number, not '\(text)'") }
        return number
    }
}
