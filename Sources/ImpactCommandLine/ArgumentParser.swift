import ImpactCore

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
            let option = try declaredOption(name, spec: spec)
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

    private static func declaredOption(_ name: String, spec: CommandSpec) throws -> CommandSpec.Option {
        if let option = spec.allOptions.first(where: { $0.name == name }) { return option }
        if name == "-h" { return CommandSpec.help }
        if CommandSpec.versionNames.contains(name) {
            throw UsageError("'\(name)' is an option of 'impact' itself, not of 'impact \(spec.name)'",
                             hint: "run 'impact --version' or 'impact version'")
        }
        throw UsageError("unknown option '\(name)' for 'impact \(spec.name)'",
                         hint: Suggestions.hint(for: name, among: spec.allOptions.map(\.name))
                            ?? "see 'impact help \(spec.name)'")
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
            throw UsageError("unexpected argument '\(positionals[maximum])' for 'impact \(spec.name)'",
                             hint: "usage: \(spec.usage)")
        }
    }
}
