import Foundation

/// Finds the project's `fixtures/` and `indicators/` folders: from the working directory,
/// from the executable's location upwards, or from where this source file was compiled.
struct ProjectFiles {
    let root: String
    var fixtures: String { root + "/fixtures" }
    var indicators: String { root + "/indicators" }

    static func locate() throws -> ProjectFiles {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        var candidates = [FileManager.default.currentDirectoryPath]
        var directory = executable
        while directory.path != "/" {
            candidates.append(directory.path)
            directory = directory.deletingLastPathComponent()
        }
        let sourceRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        candidates.append(sourceRoot.path)
        guard let root = candidates.first(where: { FileManager.default.fileExists(atPath: $0 + "/fixtures/geography") })
        else {
            throw CommandFailure(message: "cannot find the demo data (fixtures/geography)",
                                 hint: "run the demo from the project folder: swift run impact demo")
        }
        return ProjectFiles(root: root)
    }

    /// The canonical CSV fixtures of the Veilig Thuis regions (`fixtures/vt-*/`); the other folders
    /// hold reference data, other source formats and deliberately broken input.
    func fixtureDataFiles() throws -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: fixtures)
        var files: [String] = []
        while let relative = enumerator?.nextObject() as? String {
            if relative.hasSuffix(".csv") && relative.hasPrefix("vt-") { files.append(fixtures + "/" + relative) }
        }
        return files.sorted()
    }
}
