import Foundation
import RealizeTestSupport
import Testing

/// `--data book.xlsx` through the built binary: every sheet a table, the header found below the banner.
@Suite struct WorkbookLoadTests {
    static let workbook = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("sample-portfolios/examples/cost-report.xlsx").path

    @Test func dataOptionLoadsAWorkbook() throws {
        let r = try RealizeBinary.run(["--data", Self.workbook, "--format", "csv", "-c", "cost_report | select project_id, actual_cost"])
        #expect(r.stdout == "project_id,actual_cost\nP001,0.10\nP002,1234.50\nP003,-7.25\n")
        #expect(r.stderr.contains("took row 3 as the header"))
        #expect(r.stderr.contains("2 error cells loaded as null, the first cost-report.xlsx[Cost Report]!D5"))
    }
}
