
/// Everything parsed from all definition files.
public struct DefinitionSet: Sendable {
    public var series: [SeriesDeclaration] = []
    public var indicators: [IndicatorDeclaration] = []
    public var programmes: [ProgrammeDeclaration] = []
    public var sources: [SourceDeclaration] = []
    public var cases: [CasesDeclaration] = []

    public init() {}

    public func series(_ key: String) -> SeriesDeclaration? { series.first { $0.key.value == key } }
    public func indicator(_ id: String) -> IndicatorDeclaration? { indicators.first { $0.id.value == id } }
    public func cases(_ name: String) -> CasesDeclaration? { cases.first { $0.name.value == name } }
    public func programme(_ id: String) -> ProgrammeDeclaration? { programmes.first { $0.id.value == id } }
}
