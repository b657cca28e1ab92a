import Foundation
import ImpactCore
import ImpactStore

/// Options of one `impact import`.
public struct ImportOptions: Sendable {
    public var delimiter: Character?
    public var decimal: DecimalSeparator?
    /// Mapping file for the wide CSV and StatLine sources.
    public var mapping: String?
    /// How long an external plugin may run.
    public var timeout: TimeInterval = 120
    /// The store's geography, for sources that name areas instead of coding them.
    public var geography = Geography()

    public init(delimiter: Character? = nil, decimal: DecimalSeparator? = nil, mapping: String? = nil, timeout: TimeInterval = 120) {
        self.delimiter = delimiter
        self.decimal = decimal
        self.mapping = mapping
        self.timeout = timeout
    }
}

/// A source of observations: built in (files) or external (a plugin executable). A researcher adds
/// a source without touching the engine by putting an `impact-source-NAME` executable on PATH or in
/// `./sources/`.
public protocol DataSource: Sendable {
    var id: String { get }
    var summary: String { get }
    /// What the source reads, for `impact sources`.
    var inputs: String { get }
    var isExternal: Bool { get }
    /// Digest of the inputs, or nil to use the digest of the delivered records.
    func digest(_ inputs: [String]) throws -> String?
    /// Streams items to `emit`; problems go to `diagnostics`. Returns the number of records read.
    func read(_ inputs: [String], options: ImportOptions, diagnostics: inout DiagnosticList, emit: (ImportItem) throws -> Void) throws -> Int
}

extension DataSource {
    public var isExternal: Bool { false }
    public func digest(_ inputs: [String]) throws -> String? { try FileDigest.sha256(paths: FileDigest.expand(inputs)) }
}

/// The sources `impact import` knows: the built-ins and every plugin found.
public struct SourceRegistry: Sendable {
    public let sources: [any DataSource]

    public static let pluginPrefix = "impact-source-"

    /// Built-ins plus plugins in `./sources/` and on PATH (the first found wins).
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment, directory: String = FileManager.default.currentDirectoryPath) -> SourceRegistry {
        let builtIns: [any DataSource] = [CSVSource(), WideCSVSource(), StatLineSource()]
        let searchPath = [directory + "/sources"] + (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        var plugins: [any DataSource] = []
        var seen = Set(builtIns.map(\.id) + ["geography"])
        for folder in searchPath {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for name in names.sorted() where name.hasPrefix(pluginPrefix) {
                let path = folder + "/" + name
                let id = String(name.dropFirst(pluginPrefix.count))
                guard !id.isEmpty, FileManager.default.isExecutableFile(atPath: path), seen.insert(id).inserted else { continue }
                plugins.append(PluginSource(id: id, executable: path))
            }
        }
        return SourceRegistry(sources: builtIns + plugins)
    }

    public func source(_ id: String) -> (any DataSource)? { sources.first { $0.id == id } }
}

/// The canonical long CSV.
public struct CSVSource: DataSource {
    public init() {}
    public var id: String { "csv" }
    public var summary: String { "canonical long CSV: series,geo,period,value[,n][,status][,dimension…]" }
    public var inputs: String { "CSV files (comma or semicolon, decimal point or comma, UTF-8)" }

    /// A folder stands for the `*.csv` files in it, as for the digest.
    public func digest(_ inputs: [String]) throws -> String? { try FileDigest.sha256(paths: FileDigest.expand(inputs, suffix: ".csv")) }

    public func read(_ inputs: [String], options: ImportOptions, diagnostics: inout DiagnosticList,
                     emit: (ImportItem) throws -> Void) throws -> Int {
        try FileDigest.expand(inputs, suffix: ".csv").reduce(0) { rows, path in
            let file = CanonicalCSV(path: path, delimiter: options.delimiter, decimal: options.decimal)
            return rows + (try file.read(diagnostics: &diagnostics) { try emit(.observation($0)) })
        }
    }
}

/// Runs a source into the store as one batch: validation, gates, vintages — or nothing.
public struct DataImport {
    public let source: any DataSource
    public let inputs: [String]
    public var options = ImportOptions()
    public var gates: [ImportGate] = []
    public var dryRun = false
    /// Rollup maintenance (or invalidation) inside the import transaction; the engine's `RollupMaintainer` or `RollupStore.invalidateTouched`.
    public var afterMerge: ((Database) throws -> Void)?

    public init(source: any DataSource, inputs: [String], options: ImportOptions = ImportOptions()) {
        self.source = source
        self.inputs = inputs
        self.options = options
    }

    public func run(into store: Store) throws -> ImportResult {
        var importer = ObservationImport(store: store, source: source.id, origin: ([source.isExternal ? "plugin \(source.id)" : nil].compactMap { $0 } + inputs).joined(separator: " "),
                                         sha256: try source.digest(inputs))
        importer.gates = gates
        importer.dryRun = dryRun
        importer.afterMerge = afterMerge ?? { try RollupStore.invalidateTouched($0) }
        return try importer.run { diagnostics, emit in
            try source.read(inputs, options: options, diagnostics: &diagnostics, emit: emit)
        }
    }
}
