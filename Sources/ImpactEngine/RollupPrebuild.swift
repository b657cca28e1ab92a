import Foundation
import ImpactCompiler
import ImpactCore
import ImpactLanguage
import ImpactStore

/// The rollups of the series a delivery brings for the first time, built from their rows while the
/// rest of the delivery is read: the builds run on the second core beside the parse, and the rows
/// are not read back after it. `RollupMaintainer.refresh` keeps a series built here only when the
/// store holds as many current rows of it as it was built from, under the geography it was built
/// with; any other series is rebuilt from the store, as without this. A count is enough: a repeated
/// key fails the import, and the only other rows a new series can have are staged ones in units the
/// delivery adds, which change the geography.
public final class RollupPrebuild: DirectRowConsumer {
    private let store: Store
    private let definitions: DefinitionSet
    /// Read inside the import's transaction, at the first series.
    private var geography: Geography?
    private let pipeline: RollupPipeline
    /// Series built here, with the number of rows each was built from and their dimension combinations.
    private var built: [Int: (rows: Int, dimensions: Set<String>)] = [:]
    private var incomplete: Set<Int> = []
    /// Series whose rollups built here were kept, not rebuilt from the store.
    public private(set) var seriesKept = 0

    public init(store: Store, definitions: DefinitionSet) {
        self.store = store
        self.definitions = definitions
        pipeline = RollupPipeline(rollups: RollupStore(store: store))
    }

    public func seriesWritten(id: Int64, key: String, rows: [RollupObservation]?) throws {
        let seriesID = Int(id)
        guard let rows, built[seriesID] == nil, !incomplete.contains(seriesID),
              let series = definitions.series(key) else {
            incomplete.insert(seriesID)
            return
        }
        let geography = try self.geography ?? GeographyStore(store: store).load()
        self.geography = geography
        try RollupStore(store: store).clear(seriesID: seriesID)
        let builder = RollupBuilder(time: series.time, geo: series.geo, geography: geography)
        for (year, observations) in Self.byYear(rows) {
            try pipeline.enqueue(observations, builder: builder, seriesID: seriesID, year: String(format: "%04d", year),
                                 replacing: nil, inStoreOrder: true)
        }
        built[seriesID] = (rows.count, Set(rows.map(\.dims)))
        try pipeline.writeFinished()
    }

    public func idle() throws { try pipeline.writeFinished() }

    /// The rows of each calendar year, in year order: a year of rows is what `RollupMaintainer` reads
    /// back for a year (those starting in it). Each array is sized once: arrays grown row by row left
    /// freed memory the allocator kept, and the import's peak memory doubled.
    private static func byYear(_ rows: [RollupObservation]) -> [(year: Int, rows: [RollupObservation])] {
        var counts: [Int: Int] = [:]
        for row in rows { counts[row.period.start.year, default: 0] += 1 }
        var years = counts.mapValues { count in
            var chunk: [RollupObservation] = []
            chunk.reserveCapacity(count)
            return chunk
        }
        for row in rows { years[row.period.start.year]!.append(row) }
        return years.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Writes every build still under way; `RollupMaintainer.refresh` calls it before reading.
    func finish() throws { try pipeline.finish() }

    /// The dimension combinations of `seriesID` when the rollups built here for it are complete, to
    /// be kept (and counted in `seriesKept`): the store holds as many current rows of it as they were
    /// built from, and the geography is the one they were built with.
    func keep(seriesID: Int, geography current: Geography) throws -> Set<String>? {
        guard let series = built[seriesID], !incomplete.contains(seriesID), let geography,
              Self.sameShape(geography, current),
              try RollupStore(store: store).currentRows(seriesID: seriesID) == series.rows else { return nil }
        seriesKept += 1
        return series.dimensions
    }

    /// Inside one import the geography changes only by units a plugin adds, so counting is enough.
    private static func sameShape(_ one: Geography, _ other: Geography) -> Bool {
        one.units.count == other.units.count && one.memberships.count == other.memberships.count
            && one.regionSets.count == other.regionSets.count && one.successions.count == other.successions.count
    }
}
