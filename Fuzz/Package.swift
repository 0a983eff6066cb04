// swift-tools-version: 6.1
import PackageDescription

// Coverage-guided fuzz targets (libFuzzer), one executable per target, kept out of the main package so that
// `swift build --build-tests` never compiles them. Build and run them with `scripts/fuzz TARGET [SECONDS]`,
// which passes `-sanitize=fuzzer,address`. Each target's `main.swift` hands its `LLVMFuzzerTestOneInput` to
// libFuzzer's driver (CLibFuzzer), because SwiftPM links `main` to the module's own entry point.
let package = Package(
    name: "RealizeFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Realize", path: "..")
    ],
    targets: [
        .target(name: "CLibFuzzer"),
        .target(
            name: "FuzzSupport",
            dependencies: [
                .product(name: "RealizeStore", package: "Realize"),
                .product(name: "RealizeQuery", package: "Realize"),
                .product(name: "RealizeAnalytics", package: "Realize"),
                .product(name: "RealizeSamples", package: "Realize"),
                "CLibFuzzer",
            ]
        ),
        // Any bytes as statement text: the lexer, the parser and the StatementText questions.
        .executableTarget(name: "FuzzParse", dependencies: ["FuzzSupport"]),
        // Any bytes as a statement to check and plan (`explain`) on the sample portfolio.
        .executableTarget(name: "FuzzPlan", dependencies: ["FuzzSupport"]),
        // Any bytes as statements run on a small catalog, the domain commands included.
        .executableTarget(name: "FuzzRun", dependencies: ["FuzzSupport"]),
        // Bytes as choices for a random pipeline, run by the engine and by the reference interpreter, compared.
        .executableTarget(name: "FuzzDifferential", dependencies: ["FuzzSupport"]),
        // Any bytes as a CSV file.
        .executableTarget(name: "FuzzCSV", dependencies: ["FuzzSupport"]),
        // Any bytes as an .xlsx workbook: the zip package, the XML parts, the cells.
        .executableTarget(name: "FuzzXLSX", dependencies: ["FuzzSupport"]),
        // Any bytes as an Arrow IPC file of a workspace, or (starting with `{`) as its manifest.json.
        .executableTarget(name: "FuzzArrow", dependencies: ["FuzzSupport"]),
    ]
)
