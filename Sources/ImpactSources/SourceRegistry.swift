import Foundation

/// The sources `impact import` knows: the built-ins and every plugin found.
public struct SourceRegistry: Sendable {
    public let sources: [any DataSource]

    public static let pluginPrefix = "impact-source-"

    /// Built-ins plus plugins in `./sources/` and on PATH (the first found wins).
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment,
                                directory: String = FileManager.default.currentDirectoryPath) -> SourceRegistry {
        let builtIns: [any DataSource] = [CSVSource(), WideCSVSource(), StatLineSource()]
        let searchPath = [directory + "/sources"] + (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        var plugins: [any DataSource] = []
        var seen = Set(builtIns.map(\.id) + ["geography"])
        for folder in searchPath {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for name in names.sorted() where name.hasPrefix(pluginPrefix) {
                let path = folder + "/" + name
                let id = String(name.dropFirst(pluginPrefix.count))
                guard !id.isEmpty, FileManager.default.isExecutableFile(atPath: path), seen.insert(id).inserted else {
                    continue
                }
                plugins.append(PluginSource(id: id, executable: path))
            }
        }
        return SourceRegistry(sources: builtIns + plugins)
    }

    public func source(_ id: String) -> (any DataSource)? { sources.first { $0.id == id } }
}
