import Foundation
import ImpactAlerts
import ImpactCommandLine
import ImpactCompiler
import ImpactCore
import ImpactEngine
import ImpactLanguage
import ImpactRender
import ImpactSources
import ImpactStore

/// Turns the shared area, period, vintage and indicator options into an evaluation request,
/// with usage errors that name the flag.
enum RequestOptions {
    /// The options that choose areas and the data vintage, shared by eval and diff.
    static let areaOptions: [CommandSpec.Option] = [
        .init("--geo", value: "CODE", repeatable: true, help: "area code (GM0758, VTWB, …)"),
        .init("--level", value: "LEVEL", help: "every area at a level: gemeente, subregio, regio, provincie, land"),
        .init("--region-set", value: "SET", help: "every region of a region set (vt, ghnt, provincie, …)"),
        .init("--as-of", value: "DATE|BATCH", help: "read the data as it was at a date (YYYY-MM-DD) or after a batch number"),
    ]

    static func request(_ arguments: ParsedArguments, store: Store) throws -> EvaluationRequest {
        let periods = try self.periods(arguments, store: store)
        let geography = try GeographyStore(store: store).load()
        let geos = try self.geos(arguments, geography: geography, periods: periods)
        return EvaluationRequest(geos: geos, periods: periods, vintage: try vintage(arguments, store: store))
    }

    static func periods(_ arguments: ParsedArguments, store: Store) throws -> [Period] {
        do {
            if let text = arguments.value("--period") {
                if arguments.value("--from") != nil || arguments.value("--to") != nil { throw UsageError("give either --period or --from/--to, not both") }
                return try Period.parseRange(text)
            }
            switch (arguments.value("--from"), arguments.value("--to")) {
            case (let from?, let to?): return try Period.range(from: Period.parse(from).period, to: Period.parse(to).period)
            case (nil, nil): break
            default: throw UsageError("--from and --to go together", hint: "or use --period 2015..2018")
            }
        } catch let error as PeriodError {
            throw UsageError(error.description, hint: "periods are written 2018, 2018-H1, 2018-Q3, 2018-03 or as a range 2015..2018")
        }
        let years = try store.database.query("SELECT min(substr(period_start, 1, 4)), max(substr(period_start, 1, 4)) FROM observation WHERE superseded_by IS NULL") {
            ($0.string(0).flatMap(Int.init), $0.string(1).flatMap(Int.init))
        }.first
        guard let first = years?.0, let last = years?.1 else {
            throw CommandFailure(message: "the store holds no observations", hint: "import data first: impact import csv FILE")
        }
        return (first...last).map(Period.year)
    }

    static func geos(_ arguments: ParsedArguments, geography: Geography, periods: [Period]) throws -> [String] {
        let explicit = arguments.all("--geo")
        let level = arguments.value("--level")
        let set = arguments.value("--region-set")
        guard [!explicit.isEmpty, level != nil, set != nil].filter({ $0 }).count <= 1 else {
            throw UsageError("give one of --geo, --level and --region-set")
        }
        for code in explicit where geography.unit(code) == nil {
            throw UsageError("unknown area '\(code)' for --geo", hint: geography.suggestions(for: code).first.map { "did you mean '\($0)'?" } ?? "import the geography first")
        }
        if !explicit.isEmpty { return explicit }
        if let set {
            guard geography.regionSets[set] != nil else {
                throw UsageError("unknown region set '\(set)' for --region-set", hint: Suggestions.hint(for: set, among: Array(geography.regionSets.keys)) ?? "sets are " + geography.regionSets.keys.sorted().joined(separator: ", "))
            }
            return geography.regions(in: set)
        }
        let chosen: GeoLevel
        if let level {
            guard let parsed = GeoLevel(rawValue: level) else {
                throw UsageError("unknown level '\(level)' for --level", hint: "levels are " + GeoLevel.allCases.map(\.rawValue).joined(separator: ", "))
            }
            chosen = parsed
        } else {
            chosen = .regio
        }
        let codes = Set(periods.flatMap { geography.units(at: chosen, in: $0).map(\.code) })
        return codes.sorted()
    }

    static func vintage(_ arguments: ParsedArguments, store: Store) throws -> Vintage {
        guard let text = arguments.value("--as-of") else { return .current }
        if let batch = Int(text) {
            guard try store.database.scalarInt("SELECT count(*) FROM import_batch WHERE id = ?", [.integer(Int64(batch))]) == 1 else {
                throw UsageError("--as-of \(text): there is no batch \(text)", hint: "see the batches with: impact history")
            }
            return .asOfBatch(batch)
        }
        let bound: String
        if let date = CivilDate(iso: text) {
            bound = date.adding(days: 1).iso
        } else if text.count >= 19, text.contains("T") {
            bound = text
        } else {
            throw UsageError("--as-of expects a date (YYYY-MM-DD), a timestamp or a batch number, not '\(text)'")
        }
        let batch = try store.database.scalarInt("SELECT max(id) FROM import_batch WHERE finished_at < ?", [.text(bound)])
        return .asOfBatch(batch ?? 0)
    }

    static func indicators(_ arguments: ParsedArguments, definitions: DefinitionSet) throws -> [String] {
        let requested = arguments.all("--indicator")
        for id in requested where definitions.indicator(id) == nil {
            throw UsageError("unknown indicator '\(id)' for --indicator", hint: Suggestions.hint(for: id, among: definitions.indicators.map(\.id.value)) ?? "list them with: impact catalogue")
        }
        for id in requested where definitions.indicator(id)?.value == nil {
            let indicator = definitions.indicator(id)!
            throw CommandFailure(message: "indicator '\(id)' has no value yet (planning status: \(indicator.status.rawValue)\(indicator.statusNote.map { ", \($0)" } ?? ""))", exitCode: ExitCode.findings)
        }
        return requested.isEmpty ? definitions.indicators.filter { $0.value != nil }.map(\.id.value) : requested
    }
}
