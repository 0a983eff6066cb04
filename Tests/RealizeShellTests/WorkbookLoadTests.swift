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

    /// The damaged workbooks the xlsx fuzz target found (a truncated deflate stream that hung the zip
    /// reader, element names that trapped Foundation's XML parser), through the binary: a clear error,
    /// exit status 1, and the tables loaded before are kept.
    @Test(.timeLimit(.minutes(1)), arguments: ["regress-truncated-deflate-hang.xlsx", "regress-invalid-utf8-names.xlsx"])
    func aDamagedWorkbookIsAnErrorAndKeepsTheTables(_ name: String) throws {
        let damaged = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("RealizeStoreTests/Fixtures/xlsx/fuzzed/\(name)").path
        let r = try RealizeBinary.run([
            "--format", "csv", "--keep-going", "-c", ".load \(Self.workbook)", "-c", ".load \(damaged)", "-c", "cost_report | agg n = count()",
        ])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(name): error: the workbook is damaged"), "\(r.stderr)")
        #expect(r.stdout == "n\n3\n", "\(r.stdout)")
    }
}
