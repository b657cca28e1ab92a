import Foundation
import Testing
import TestHarness
@testable import ImpactEngine
@testable import ImpactSources
@testable import ImpactStore

/// Rollups built while a delivery is read (`RollupPrebuild`) are exactly those a rebuild from the
/// store gives, and are kept only when they cover everything the store holds of the series.
@Suite(.scratch) struct RollupPrebuildTests {
    /// Every series of `RollupTests`, each in one run of rows, over the fixture's municipalities (not
    /// in code order), its Onbekend and Buiten-regio buckets, several grains in no order and a week
    /// that starts in the year before. Values are sevenths, so a sum taken in another order than the
    /// store's differs in its last bits.
    static func delivery(seed: UInt64) -> [String] {
        var generator = SeededGenerator(seed: seed)
        let areas = ["GM0758", "GM0748", "GM0826", "GM0744", "GM0738", "GM1959", "VTWB-ONB", "VTWB-BUI"]
        var rows: [String] = []
        for series in ["t.events", "t.population", "t.survey", "t.distinct", "t.average", "t.weekly"] {
            for area in areas {
                for year in 2017...2019 {
                    let periods = series == "t.weekly" ? ["\(year)-W01", "\(year)-W26"]
                        : (["\(year)", "\(year)-Q2"] + (1...12).map { String(format: "\(year)-%02d", $0) })
                            .shuffled(using: &generator)
                    for period in periods where Int.random(in: 0..<4, using: &generator) > 0 {
                        for kind in series == "t.events" ? ["", "a", "b"] : [""] {
                            let value = Int.random(in: 0...12, using: &generator) == 0 ? ""
                                : String(Double(Int.random(in: 1...9_999_999, using: &generator)) / 7)
                            let n = series == "t.survey" ? String(Int.random(in: 10...300, using: &generator)) : ""
                            rows.append("\(series),\(area),\(period),\(kind),\(value),\(n),")
                        }
                    }
                }
            }
        }
        return rows
    }

    /// Imports `rows` into a new store, with or without rollups built while reading; returns the
    /// store and how many series kept the rollups built while reading.
    static func imported(_ rows: [String], whileReading: Bool,
                         told: (([RollupObservation]) -> [RollupObservation])? = nil) throws -> (store: Store, kept: Int) {
        let store = try TestSupport.storeWithGeography()
        let definitions = RollupTests.definitions
        let path = TestSupport.write("series,geo,period,kind,value,n,status\n" + rows.joined(separator: "\n") + "\n",
                                     to: "delivery.csv", in: TestSupport.temporaryDirectory())
        var importer = DataImport(source: CSVSource(), inputs: [path])
        let prebuilt = whileReading ? RollupPrebuild(store: store, definitions: definitions) : nil
        importer.directRows = prebuilt.map { prebuilt -> any DirectRowConsumer in
            told.map { Telling(prebuilt, only: $0) } ?? prebuilt
        }
        importer.afterMerge = { _ in
            try RollupMaintainer(store: store, definitions: definitions).refresh(prebuilt: prebuilt)
        }
        let result = try importer.run(into: store)
        #expect(!result.failed, "\(result.diagnostics)")
        return (store, prebuilt?.seriesKept ?? 0)
    }

    /// The rollup tables and their registrations, row by row, sorted.
    static func rollupTables(_ store: Store) throws -> [String] {
        try ["rollup", "member_rollup", "rollup_series"].flatMap { table in
            try store.database.query("SELECT * FROM \(table)") { row in
                table + ": " + (0..<row.count).map { row.value($0).description }.joined(separator: " ")
            }
        }.sorted()
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func seriesReadInOneRunKeepTheirRollupsAndEqualARebuild(seed: UInt64) throws {
        let rows = Self.delivery(seed: seed)
        let whileReading = try Self.imported(rows, whileReading: true)
        let rebuilt = try Self.imported(rows, whileReading: false)
        #expect(whileReading.kept == 6)
        let tables = try Self.rollupTables(whileReading.store)
        #expect(tables.count > 1000)
        #expect(tables == (try Self.rollupTables(rebuilt.store)))
    }

    /// A series whose rows come back after another series' rows: its rollups are rebuilt from the
    /// store, the others kept.
    @Test func aSeriesDeliveredInTwoRunsIsRebuiltFromTheStore() throws {
        let rows = Self.delivery(seed: 4)
        let events = rows.filter { $0.hasPrefix("t.events,") }
        let others = rows.filter { !$0.hasPrefix("t.events,") }
        let split = Array(events.prefix(events.count / 2)) + others + Array(events.dropFirst(events.count / 2))
        let whileReading = try Self.imported(split, whileReading: true)
        let rebuilt = try Self.imported(split, whileReading: false)
        #expect(whileReading.kept == 5)
        #expect(try Self.rollupTables(whileReading.store) == (try Self.rollupTables(rebuilt.store)))
    }

    /// Told fewer rows than the store holds of each series (as a future path might), nothing built
    /// while reading is kept.
    @Test func rollupsBuiltFromFewerRowsThanTheStoreHoldsAreRebuilt() throws {
        let rows = Self.delivery(seed: 5)
        let told = try Self.imported(rows, whileReading: true) { Array($0.dropLast()) }
        let rebuilt = try Self.imported(rows, whileReading: false)
        #expect(told.kept == 0)
        #expect(try Self.rollupTables(told.store) == (try Self.rollupTables(rebuilt.store)))
    }
}

/// Passes on only what `only` keeps of each series' rows.
private final class Telling: DirectRowConsumer {
    let consumer: any DirectRowConsumer
    let only: ([RollupObservation]) -> [RollupObservation]

    init(_ consumer: any DirectRowConsumer, only: @escaping ([RollupObservation]) -> [RollupObservation]) {
        self.consumer = consumer
        self.only = only
    }

    func seriesWritten(id: Int64, key: String, rows: [RollupObservation]?) throws {
        try consumer.seriesWritten(id: id, key: key, rows: rows.map(only))
    }

    func idle() throws { try consumer.idle() }
}
