import Foundation
import Testing
import TestHarness

/// The layers are SwiftPM targets; these tests keep them honest. A file may import only the
/// targets its own target depends on, Package.swift declares exactly the graph below, the graph
/// has no cycle, and SQL text appears only in the store and the compiler.
@Suite(.scratch) struct ArchitectureTests {
    /// The intended graph, lowest layer first; docs/architecture.md draws it.
    static let layers: [(target: String, dependencies: [String])] = [
        ("ImpactCore", []),
        ("ImpactStatistics", []),
        ("ImpactLanguage", ["ImpactCore"]),
        ("ImpactStore", ["ImpactCore", "CSQLite", "CLibPQ"]),
        ("ImpactCompiler", ["ImpactCore", "ImpactLanguage", "ImpactStore"]),
        ("ImpactSources", ["ImpactCore", "ImpactStore", "CCurl"]),
        ("ImpactEngine", ["ImpactCore", "ImpactStatistics", "ImpactLanguage", "ImpactStore", "ImpactCompiler"]),
        ("ImpactAlerts", ["ImpactCore", "ImpactLanguage", "ImpactStore", "ImpactSources", "ImpactEngine"]),
        ("ImpactRender", ["ImpactCore", "ImpactLanguage", "ImpactEngine"]),
        ("ImpactCommandLine", ["ImpactCore"]),
        ("impact", ["ImpactCore", "ImpactLanguage", "ImpactStore", "ImpactCompiler", "ImpactSources", "ImpactEngine",
                    "ImpactAlerts", "ImpactRender", "ImpactCommandLine"]),
    ]
    /// Toolchain modules any layer may use.
    static let system: Set<String> = ["Foundation", "FoundationNetworking", "Dispatch", "Glibc", "Darwin"]
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static func swiftFiles(of target: String) -> [String] {
        let directory = root + "/Sources/" + target
        return (FileManager.default.enumerator(atPath: directory)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".swift") }.sorted().map { directory + "/" + $0 }
    }

    static func imports(in path: String) -> [String] {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            let words = line.split(separator: " ")
            let modifiers: Set<Substring> = ["public", "package", "internal", "fileprivate", "private"]
            guard let index = words.firstIndex(of: "import"), words.count > index + 1,
                  words[..<index].allSatisfy({ $0.hasPrefix("@") || modifiers.contains($0) }) else { return nil }
            return String(words[index + 1])
        }
    }

    /// Every file imports only what its target may depend on: a back-edge fails here as well as in the compiler.
    @Test(arguments: layers.map(\.target)) func filesImportOnlyLowerLayers(target: String) throws {
        let allowed = Set(Self.layers.first { $0.target == target }!.dependencies).union(Self.system)
        let files = Self.swiftFiles(of: target)
        #expect(!files.isEmpty, "no sources for \(target)")
        for file in files {
            for module in Self.imports(in: file) where !allowed.contains(module) {
                Issue.record("\(file): \(target) imports \(module), which is not below it")
            }
        }
    }

    @Test func packageDeclaresExactlyTheLayeredGraph() throws {
        let manifest = try String(contentsOfFile: Self.root + "/Package.swift", encoding: .utf8)
        for (target, dependencies) in Self.layers {
            let declared = try #require(Self.declaredDependencies(of: target, in: manifest), "\(target) missing from Package.swift")
            #expect(Set(declared) == Set(dependencies), "\(target): Package.swift says \(declared)")
        }
    }

    @Test func layersHaveNoCycleAndEveryTargetComesAfterItsDependencies() {
        var seen = Set<String>(["CSQLite", "CLibPQ", "CCurl"])
        for (target, dependencies) in Self.layers {
            for dependency in dependencies { #expect(seen.contains(dependency), "\(target) depends on \(dependency), which is not below it") }
            seen.insert(target)
        }
    }

    /// The done criterion of the layering issue as a test: SQL text lives in the store and the compiler.
    @Test func sqlOnlyInTheStoreAndTheCompiler() {
        let keywords = ["SELECT ", "INSERT ", "UPDATE ", "DELETE ", "CREATE ", "DROP ", "PRAGMA ", "WITH\n", "WITH "]
        for (target, _) in Self.layers where !["ImpactStore", "ImpactCompiler"].contains(target) {
            for file in Self.swiftFiles(of: target) {
                let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
                for keyword in keywords where text.contains(keyword) {
                    Issue.record("\(file) contains SQL ('\(keyword)'); it belongs in ImpactStore")
                }
            }
        }
    }

    /// The dependency list of `.target(name: "X", …)` in the manifest text.
    static func declaredDependencies(of target: String, in manifest: String) -> [String]? {
        guard let start = manifest.range(of: "arget(name: \"\(target)\"") else { return nil }
        let rest = manifest[start.upperBound...]
        let end = rest.range(of: "\n        .")?.lowerBound ?? rest.endIndex
        // A trait-conditional dependency (`.target(name: "CLibPQ", condition: .when(traits: […]))`) counts as its name.
        let declaration = String(rest[..<end])
            .replacingOccurrences(of: #",\s*condition: \.when\(traits: \[[^\]]*\]\)\)"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: ".target(name: ", with: "")
        guard let open = declaration.range(of: "dependencies: [") else { return [] }
        let list = declaration[open.upperBound...].prefix { $0 != "]" }
        return list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines).trimmingCharacters(in: ["\""]) }
            .filter { !$0.isEmpty }
    }
}
