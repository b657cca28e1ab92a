// swift-tools-version:6.1
import PackageDescription

// The layers are targets: each imports only the layers below it, so a back-edge is a compile
// error. docs/architecture.md draws this graph; ArchitectureTests checks every file's imports.
// The PostgreSQL store (system libpq) is opt-in: `swift build --traits PostgreSQL`. Without the
// trait nothing links libpq and the store is SQLite only.
let package = Package(
    name: "ImpactMonitor",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "impact", targets: ["impact"]),
    ],
    traits: [
        .trait(name: "PostgreSQL", description: "A shared PostgreSQL store through the system libpq (apt libpq-dev)"),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"]), .brew(["libpq"])]
        ),
        .systemLibrary(name: "CCurl"),
        .target(name: "ImpactCore"),
        .target(name: "ImpactStatistics"),
        .target(name: "ImpactLanguage", dependencies: ["ImpactCore"]),
        .target(name: "ImpactStore", dependencies: [
            "ImpactCore", "CSQLite",
            .target(name: "CLibPQ", condition: .when(traits: ["PostgreSQL"])),
        ]),
        .target(name: "ImpactCompiler", dependencies: ["ImpactCore", "ImpactLanguage", "ImpactStore"]),
        .target(name: "ImpactSources", dependencies: ["ImpactCore", "ImpactStore", "CCurl"]),
        .target(name: "ImpactEngine",
                dependencies: ["ImpactCore", "ImpactStatistics", "ImpactLanguage", "ImpactStore", "ImpactCompiler"]),
        .target(name: "ImpactAlerts",
                dependencies: ["ImpactCore", "ImpactLanguage", "ImpactStore", "ImpactSources", "ImpactEngine"]),
        .target(name: "ImpactRender", dependencies: ["ImpactCore", "ImpactLanguage", "ImpactEngine"]),
        .target(name: "ImpactCommandLine", dependencies: ["ImpactCore"]),
        .executableTarget(name: "impact", dependencies: [
            "ImpactCore", "ImpactLanguage", "ImpactStore", "ImpactCompiler", "ImpactSources",
            "ImpactEngine", "ImpactAlerts", "ImpactRender", "ImpactCommandLine",
        ]),
        .target(name: "TestHarness", path: "Tests/TestHarness"),
        .testTarget(name: "ImpactMonitorTests", dependencies: [
            "TestHarness", "ImpactCore", "ImpactStatistics", "ImpactLanguage", "ImpactStore", "ImpactCompiler",
            "ImpactSources", "ImpactEngine", "ImpactAlerts", "ImpactRender", "ImpactCommandLine",
        ], exclude: ["Golden"]),
        .testTarget(name: "EndToEndTests",
                    dependencies: ["TestHarness", "ImpactCore", "ImpactStore", "ImpactSources", "impact"]),
    ],
    swiftLanguageModes: [.v6]
)
