// swift-tools-version: 6.1
import PackageDescription

// Layers, each depending only on the ones above it:
//   RealizeStore      typed columns, tables, the catalog, CSV in and out
//   RealizeODBC       reading tables from databases through ODBC (unixODBC via CODBC)
//   RealizeQuery      the pipeline language: lexer, parser, checker, executor
//   RealizeAnalytics  domain measures (EVM, appraisal, NPS, maturity)
//   RealizeSamples    the embedded default sample portfolio
//   RealizeReport     presentation: result rendering (table, CSV, JSON, Markdown), exports (XLSX, HTML) and charts
//   RealizeShell      the REPL, batch mode, dot commands (readline via CReadline)
//   realize           the executable: command-line parsing only
let package = Package(
    name: "Realize",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "realize", targets: ["realize"]),
        // Libraries for the fuzz targets in Fuzz/Package.swift, a separate package kept out of the CI build.
        .library(name: "RealizeStore", targets: ["RealizeStore"]),
        .library(name: "RealizeQuery", targets: ["RealizeQuery"]),
        .library(name: "RealizeAnalytics", targets: ["RealizeAnalytics"]),
        .library(name: "RealizeSamples", targets: ["RealizeSamples"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(name: "CInflate", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "RealizeStore", dependencies: ["CInflate"]),
        .systemLibrary(
            name: "CODBC",
            providers: [.apt(["unixodbc-dev"])]
        ),
        .target(name: "RealizeODBC", dependencies: ["RealizeStore", "CODBC"]),
        .target(name: "RealizeQuery", dependencies: ["RealizeStore"]),
        .target(name: "RealizeAnalytics", dependencies: ["RealizeStore", "RealizeQuery"]),
        .target(name: "RealizeSamples", dependencies: ["RealizeStore"]),
        .target(
            name: "RealizeReport",
            dependencies: ["RealizeStore", "RealizeQuery", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .systemLibrary(
            name: "CReadline",
            providers: [.apt(["libreadline-dev"])]
        ),
        .target(
            name: "RealizeShell",
            dependencies: ["RealizeStore", "RealizeQuery", "RealizeAnalytics", "RealizeReport", "RealizeSamples", "RealizeODBC", "CReadline"]
        ),
        .executableTarget(
            name: "realize",
            dependencies: [
                "RealizeShell",
                "RealizeReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "RealizeTestSupport", dependencies: ["RealizeStore"], path: "Tests/RealizeTestSupport"),
        .testTarget(
            name: "RealizeStoreTests",
            dependencies: ["RealizeStore", "RealizeTestSupport", .product(name: "PropertyBased", package: "swift-property-based")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "RealizeQueryTests",
            dependencies: ["RealizeQuery", "RealizeStore", "RealizeTestSupport", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "RealizeODBCTests", dependencies: ["RealizeODBC", "RealizeStore"]),
        .testTarget(name: "RealizeSamplesTests", dependencies: ["RealizeSamples", "RealizeStore"]),
        .testTarget(
            name: "RealizeAnalyticsTests",
            dependencies: ["RealizeAnalytics", "RealizeQuery", "RealizeStore", "RealizeSamples", "RealizeTestSupport"]
        ),
        .testTarget(
            name: "RealizeReportTests",
            dependencies: ["RealizeReport", "RealizeQuery", "RealizeStore", "RealizeSamples", "RealizeTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "RealizeShellTests",
            dependencies: ["RealizeShell", "RealizeStore", "RealizeSamples", "RealizeTestSupport", "realize"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
