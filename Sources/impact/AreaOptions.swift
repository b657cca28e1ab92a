import ImpactCommandLine
import ImpactCore

/// `--geo`, `--level`, `--region-set`: which areas a command evaluates, decoded and checked for
/// form once; resolved against the geography when the session is open.
struct AreaOptions {
    static let geo = CommandSpec.Option("--geo", value: "CODE", repeatable: true, help: "area code (GM0758, VTWB, …)")
    static let level = CommandSpec.Option("--level", value: "LEVEL",
                                          help: "every area at a level: gemeente, subregio, regio, provincie, land")
    static let regionSet = CommandSpec.Option("--region-set", value: "SET",
                                              help: "every region of a region set (vt, ghnt, provincie, …)")
    static let all = [geo, level, regionSet]

    let geos: [String]
    let level: GeoLevel?
    let regionSet: String?

    init(_ arguments: ParsedArguments) throws {
        geos = arguments.all(Self.geo)
        regionSet = arguments.value(Self.regionSet)
        let levelText = arguments.value(Self.level)
        guard [!geos.isEmpty, levelText != nil, regionSet != nil].filter({ $0 }).count <= 1 else {
            throw UsageError("give one of --geo, --level and --region-set")
        }
        level = try levelText.map { text in
            guard let level = GeoLevel(rawValue: text) else {
                let levels = GeoLevel.allCases.map(\.rawValue).joined(separator: ", ")
                throw UsageError("unknown level '\(text)' for --level", hint: "levels are " + levels)
            }
            return level
        }
    }

    /// The area codes, every region by default.
    func resolve(_ geography: Geography, periods: [Period]) throws -> [String] {
        for code in geos where geography.unit(code) == nil {
            let suggestion = geography.suggestions(for: code).first.map { "did you mean '\($0)'?" }
            throw UsageError("unknown area '\(code)' for --geo", hint: suggestion ?? "import the geography first")
        }
        if !geos.isEmpty { return geos.uniqued() }
        if let regionSet {
            guard geography.regionSets[regionSet] != nil else {
                let sets = Array(geography.regionSets.keys)
                throw UsageError("unknown region set '\(regionSet)' for --region-set",
                                 hint: Suggestions.hint(for: regionSet, among: sets)
                                    ?? "sets are " + sets.sorted().joined(separator: ", "))
            }
            return geography.regions(in: regionSet)
        }
        let chosen = level ?? .regio
        return Set(periods.flatMap { geography.units(at: chosen, in: $0).map(\.code) }).sorted()
    }
}
