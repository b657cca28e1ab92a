import ImpactCompiler
import ImpactCore
import ImpactLanguage
import ImpactStore

/// Keeps the rollups current inside the import transaction, for exactly the series and calendar
/// years the batch touched, for every area and region. `RollupBuilder` computes them in memory with
/// the evaluator's rules, so reading a rollup gives the same answer as aggregating the raw
/// observations (property-tested).
public struct RollupMaintainer {
    public let store: Store
    public let definitions: DefinitionSet
    private var rollups: RollupStore { RollupStore(store: store) }

    public init(store: Store, definitions: DefinitionSet) {
        self.store = store
        self.definitions = definitions
    }

    /// Refreshes the rollups for the rows of the batch being imported. The geography is read here,
    /// inside the import's transaction, not taken from before it: a plugin may add units in the batch.
    /// `progress` is told the series done of those touched. A series `prebuilt` holds complete is
    /// only registered.
    public func refresh(progress: (any ProgressReporter)? = nil, prebuilt: RollupPrebuild? = nil) throws {
        try rollups.checkWriter()
        try prebuilt?.finish()
        let geography = try GeographyStore(store: store).load()
        let areas = Array(geography.units.keys)
        let touched = try rollups.touchedByBatch().sorted(by: { $0.key < $1.key })
        progress?.begin(.rollups, total: touched.count)
        let pipeline = RollupPipeline(rollups: rollups)
        for (done, (seriesID, scope)) in touched.enumerated() {
            defer { progress?.advance(to: done + 1) }
            guard let series = definitions.series(scope.key) else {
                try rollups.clear(seriesID: seriesID)
                continue
            }
            let rule = SeriesInput.rule(time: series.time, geo: series.geo)
            if let dimensions = try prebuilt?.keep(seriesID: seriesID, geography: geography) {
                try rollups.register(seriesID: seriesID, rule: rule, dimensions: dimensions)
                continue
            }
            let builder = RollupBuilder(time: series.time, geo: series.geo, geography: geography)
            if try canRefresh(seriesID: seriesID, rule: rule, dimensions: scope.dimensions) {
                try rebuild(seriesID: seriesID, scope: scope, areas: areas, with: builder, through: pipeline)
            } else {
                try rollups.clear(seriesID: seriesID)
                try rebuild(seriesID: seriesID, scope: nil, areas: areas, with: builder, through: pipeline)
                try rollups.register(seriesID: seriesID, rule: rule)
            }
        }
        try pipeline.finish()
    }

    /// Incremental only when every registered combination of the series has this rule and its member
    /// statistics, and every touched combination is registered: their rollups are complete, so only
    /// touched years change. Otherwise the whole series is rebuilt (a new series, a new combination,
    /// a changed rule, rollups built before member statistics were kept).
    private func canRefresh(seriesID: Int, rule: String, dimensions: Set<String>) throws -> Bool {
        let registered = try rollups.registeredRules(seriesID: seriesID)
        return registered.allSatisfy { $0.rule == rule && $0.statistics }
            && dimensions.isSubset(of: Set(registered.map(\.dimensions)))
    }

    /// Recomputes whole calendar years of one series: all of them (`scope` nil), or only the
    /// touched combinations and years. Every rollup period lies within the year it starts in, so a
    /// year of observations is all a year of rollups needs: memory stays flat however long the
    /// history is, and the cost of a small batch follows the batch.
    private func rebuild(seriesID: Int, scope: RollupStore.Scope?, areas: [String],
                         with builder: RollupBuilder, through pipeline: RollupPipeline) throws {
        let extent = try scope.map { ($0.dimensionKeys, $0.years) } ?? rollups.extent(seriesID: seriesID)
        for year in extent.1.sorted() {
            var chunk: [RollupObservation] = []
            try rollups.forEachObservation(seriesID: seriesID, dimensionKeys: extent.0, areas: areas, year: year,
                                           dimensions: scope?.dimensions) { chunk.append($0) }
            try pipeline.submit(chunk, builder: builder, seriesID: seriesID, year: year, replacing: scope?.dimensions)
        }
    }
}
