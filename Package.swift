// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ImpactMonitor",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "impact", targets: ["impact"]),
        .library(name: "ImpactMonitor", targets: ["ImpactMonitor"]),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        .target(name: "ImpactMonitor", dependencies: ["CSQLite"]),
        .executableTarget(name: "impact", dependencies: ["ImpactMonitor"]),
        .testTarget(name: "ImpactMonitorTests", dependencies: ["ImpactMonitor"], exclude: ["Golden"]),
        .testTarget(name: "EndToEndTests", dependencies: ["ImpactMonitor", "impact"]),
    ],
    swiftLanguageModes: [.v6]
)
