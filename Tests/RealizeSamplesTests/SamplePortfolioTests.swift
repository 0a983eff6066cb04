import Foundation
import RealizeStore
import Testing

@testable import RealizeSamples

/// The folder holding the committed sample CSVs, found from this file's path.
private let sampleFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // RealizeSamplesTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()  // repo root
    .appendingPathComponent("sample-portfolios/default")

/// Rows and column types of each table of the default sample, as committed.
private let expected: [(name: String, rows: Int, types: [(String, DataType)])] = [
    (
        "projects", 35,
        [
            ("project_id", .text), ("project", .text), ("program", .text), ("portfolio", .text),
            ("sponsor", .text), ("status", .text), ("start_date", .date), ("end_date", .date), ("budget", .decimal),
        ]
    ),
    (
        "financials", 663,
        [
            ("project_id", .text), ("period", .period), ("planned_value", .decimal),
            ("earned_value", .decimal), ("actual_cost", .decimal),
        ]
    ),
    (
        "benefits", 934,
        [
            ("project_id", .text), ("benefit", .text), ("category", .text), ("period", .period),
            ("planned", .decimal), ("realized", .decimal),
        ]
    ),
    (
        "nps", 4606,
        [
            ("program", .text), ("period", .period), ("respondent_id", .text), ("segment", .text), ("score", .int),
        ]
    ),
    (
        "maturity", 252,
        [
            ("unit", .text), ("dimension", .text), ("assessed_on", .date), ("score", .decimal), ("target", .int),
        ]
    ),
    // November's and December's extracts stacked with a `snapshot` column (December's = the tables above).
    (
        "projects_history", 70,
        [
            ("snapshot", .period), ("project_id", .text), ("project", .text), ("program", .text), ("portfolio", .text),
            ("sponsor", .text), ("status", .text), ("start_date", .date), ("end_date", .date), ("budget", .decimal),
        ]
    ),
    (
        "financials_history", 1309,
        [
            ("snapshot", .period), ("project_id", .text), ("period", .period), ("planned_value", .decimal),
            ("earned_value", .decimal), ("actual_cost", .decimal),
        ]
    ),
    (
        "benefits_history", 1868,
        [
            ("snapshot", .period), ("project_id", .text), ("benefit", .text), ("category", .text), ("period", .period),
            ("planned", .decimal), ("realized", .decimal),
        ]
    ),
]

@Suite struct SamplePortfolioTests {
    @Test func embeddedBytesEqualCommittedFiles() throws {
        let files = SamplePortfolio.csvFiles
        #expect(files.map(\.name) == expected.map { "\($0.name).csv" })
        for file in files {
            let onDisk = try Data(contentsOf: sampleFolder.appendingPathComponent(file.name))
            #expect(Array(onDisk) == file.bytes, "\(file.name) differs: run python3 sample-portfolios/embed.py")
        }
    }

    @Test func allTablesParseWithExpectedShape() {
        let (tables, errors) = SamplePortfolio.load()
        #expect(errors.isEmpty, "\(errors)")
        #expect(tables.map(\.name) == expected.map(\.name))
        #expect(SamplePortfolio.tableNames == expected.map(\.name))
        for (want, got) in zip(expected, tables) {
            #expect(got.table.rowCount == want.rows, "\(want.name) rows")
            #expect(got.table.columnNames == want.types.map(\.0), "\(want.name) columns")
            #expect(got.table.columns.map(\.type) == want.types.map(\.1), "\(want.name) types")
            #expect(got.table.invariantViolation() == nil)
        }
    }

    @Test func sampleTellsItsStory() throws {
        let tables = Dictionary(uniqueKeysWithValues: SamplePortfolio.tables().map { ($0.name, $0.table) })
        let benefits = try #require(tables["benefits"])
        // Benefits not yet measured are blank, so the realized column holds nulls.
        #expect(try #require(benefits.column(named: "realized")).nullCount > 0)
        // Names with commas, quotes and non-ASCII letters survive the round trip.
        let programs = try #require(tables["projects"]?.column(named: "program"))
        let names = Set((0..<programs.count).map { programs.value(at: $0) })
        #expect(names.contains(.text("Finance Transformation, \"Phase II\"")))
        #expect(names.contains(.text("Zürich Hub Consolidation")))
    }
}
