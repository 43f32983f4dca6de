// swift-tools-version: 6.1
import PackageDescription

let upcoming: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "kpicoach",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "kpicoach", targets: ["kpicoach"]),
        .executable(name: "kpicoach-bench", targets: ["kpicoach-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        // Core
        .target(name: "CoachCore"),

        // Adapters
        .target(name: "CoachLoader", dependencies: [
            "CoachCore",
            .product(name: "Yams", package: "Yams"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "CoachStore", dependencies: [
            "CoachCore",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
        .target(name: "CoachPostgres", dependencies: [
            "CoachCore",
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .systemLibrary(name: "CReadline", providers: [.apt(["libreadline-dev"])]),
        .target(name: "CoachTerminal", dependencies: ["CoachCore", "CReadline"]),

        // App
        .target(name: "CoachApp", dependencies: ["CoachCore", "CoachLoader"]),
        .executableTarget(name: "kpicoach", dependencies: [
            "CoachCore", "CoachLoader", "CoachStore", "CoachPostgres", "CoachTerminal", "CoachApp",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Benchmarks: builds the large data sets BENCHMARKS.md measures (see Benchmarks/run.py).
        .executableTarget(name: "kpicoach-bench", dependencies: ["CoachApp", "CoachCore", "CoachLoader", "CoachStore", "CoachPostgres"],
                          path: "Benchmarks/Bench"),

        // Tests
        .testTarget(name: "CoachCoreTests", dependencies: ["CoachCore", "CoachTestSupport"]),
        .testTarget(name: "CoachLoaderTests", dependencies: [
            "CoachLoader", "CoachCore", "CoachTestSupport",
            .product(name: "Yams", package: "Yams"),
        ]),
        .target(name: "CoachTestSupport", dependencies: ["CoachCore", "CoachLoader"], path: "Tests/Support"),
        .testTarget(name: "CoachStoreTests", dependencies: [
            "CoachStore", "CoachPostgres", "CoachCore", "CoachTestSupport",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "CoachAppTests", dependencies: ["CoachApp", "CoachCore", "CoachLoader", "CoachTestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: [
            "kpicoach", "CoachCore", "CoachTestSupport",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
    ]
)

for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + upcoming
}
