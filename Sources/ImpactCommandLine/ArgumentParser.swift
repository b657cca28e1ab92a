import ImpactCore

/// A usage mistake on the command line: what was wrong, and what would be right.
public struct UsageError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String
    public let hint: String?

    public init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }

    public var description: String { "error: \(message)" + (hint.map { "\nhint: \($0)" } ?? "") }
}

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
    public func choice<T: RawRepresentable & CaseIterable>(_ option: CommandSpec.Option, default fallback: T) throws -> T
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

/// Splits a command line into options and positionals against a `CommandSpec`.
/// Accepts `--name value`, `--name=value`, and `--` to end options.
public enum ArgumentParser {
    public static func parse(_ arguments: [String], spec: CommandSpec) throws -> ParsedArguments {
        var parsed = ParsedArguments()
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || !argument.hasPrefix("-") || argument == "-" {
                parsed.positionals.append(argument)
                continue
            }
            if argument == "--" { optionsEnded = true; continue }
            let (name, inlineValue) = split(argument)
            guard let option = spec.allOptions.first(where: { $0.name == name }) ?? (name == "-h" ? CommandSpec.help : nil) else {
                throw UsageError("unknown option '\(name)' for 'impact \(spec.name)'",
                                 hint: Suggestions.hint(for: name, among: spec.allOptions.map(\.name)) ?? "see 'impact help \(spec.name)'")
            }
            guard let valueName = option.value else {
                if inlineValue != nil { throw UsageError("\(option.name) takes no value") }
                parsed.flags.insert(option.name)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else if index < arguments.count {
                value = arguments[index]
                index += 1
            } else {
                throw UsageError("\(option.name) needs a value", hint: "write \(option.name) \(valueName)")
            }
            if !option.repeatable && parsed.values[option.name] != nil {
                throw UsageError("\(option.name) is given more than once", hint: "give it once")
            }
            parsed.values[option.name, default: []].append(value)
        }
        if !parsed.has(CommandSpec.help) { try checkPositionals(parsed.positionals, spec: spec) }
        return parsed
    }

    private static func split(_ argument: String) -> (String, String?) {
        guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else { return (argument, nil) }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }

    private static func checkPositionals(_ positionals: [String], spec: CommandSpec) throws {
        let minimum = spec.positionals.reduce(0) { $0 + $1.minimum }
        let unbounded = spec.positionals.contains { $0.maximum == nil }
        let maximum = spec.positionals.reduce(0) { $0 + ($1.maximum ?? 0) }
        if positionals.count < minimum {
            let missing = spec.positionals.map(\.name).joined(separator: " ")
            throw UsageError("'impact \(spec.name)' needs \(missing)", hint: "usage: \(spec.usage)")
        }
        if !unbounded && positionals.count > maximum {
            throw UsageError("unexpected argument '\(positionals[maximum])' for 'impact \(spec.name)'", hint: "usage: \(spec.usage)")
        }
    }
}
