import ImpactCommandLine
import ImpactCore
import ImpactLanguage

/// `--programme ID` and `--all-indicators`: a command answers for one programme — its indicators,
/// and its regions where no area is given — so one region's report never fills up with the others'.
struct ProgrammeOption {
    static let option = CommandSpec.Option("--programme", value: "ID",
                                           help: "only this programme's indicators, for its region(s) where no area "
                                               + "is given (hvb, wb, zl, gld, …)")
    static let allIndicators = CommandSpec.Option("--all-indicators",
                                                  help: "with --programme: every indicator, not only the "
                                                      + "programme's")
    static let all = [option, allIndicators]

    let id: String?
    let allIndicators: Bool

    init(_ arguments: ParsedArguments) throws {
        id = arguments.value(Self.option)
        allIndicators = arguments.has(Self.allIndicators)
    }

    /// The programme asked for; an unknown id is a usage error that lists the programmes.
    func programme(_ definitions: DefinitionSet) throws -> ProgrammeDeclaration? {
        guard let id else { return nil }
        guard let programme = definitions.programme(id) else {
            throw CatalogueCommand.unknownProgramme(id, origin: "for --programme", definitions: definitions)
        }
        return programme
    }

    /// `--indicator` ids as asked; without them the programme's indicators (all with `--all-indicators`).
    func indicators(_ requested: [String], definitions: DefinitionSet) throws -> [String] {
        if id == nil && allIndicators { throw UsageError("--all-indicators goes with --programme ID") }
        let ids = try IndicatorOption.resolve(requested, definitions: definitions)
        guard requested.isEmpty, !allIndicators, let programme = try programme(definitions) else { return ids }
        return ids.filter { definitions.indicator($0)?.programme?.value == programme.id.value }
    }

    /// The programme's regions when no `--geo`, `--level` or `--region-set` chose the areas.
    func regions(_ areas: AreaOptions, definitions: DefinitionSet) throws -> [String]? {
        guard areas.geos.isEmpty, areas.level == nil, areas.regionSet == nil,
              let programme = try programme(definitions), !programme.regions.isEmpty else { return nil }
        return programme.regions
    }

    /// "wb (VTWB), hvb (VTMB)": what a user may pass, for messages.
    static func listing(_ definitions: DefinitionSet) -> String {
        definitions.programmes.map { programme in
            programme.id.value + (programme.regions.isEmpty ? "" : " (\(programme.regions.joined(separator: ", ")))")
        }.joined(separator: ", ")
    }
}
