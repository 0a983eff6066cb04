import Foundation
import RealizeStore
import RealizeTestSupport
import Testing
@testable import RealizeShell

/// `.export PATH`: the extension picks the format; values keep their precision; several tables go
/// into one file; every export is atomic.
@Suite struct ExportFormatTests {
    static let query =
        "financials | join projects on project_id | by program agg ac = sum(actual_cost), cpi = sum(earned_value) / sum(actual_cost), last = max(period) | sort program"

    @Test func csvRoundTripsThroughTheReader() throws {
        let s = try ExportSupport.Session()
        #expect(s.run(Self.query) == .success)
        #expect(s.run(".export evm.csv") == .success, "\(s.err)")
        // A double written as a plain decimal reads back as an exact decimal unless its type is set.
        let back = try CSVReader.read(path: s.file("evm.csv").path, options: .init(typeOverrides: ["cpi": .double]))
        #expect(TableDiff.firstDifference(back, s.session.query.lastResult!) == nil)
    }

    @Test func jsonRoundTripsWithExactDecimals() throws {
        let s = try ExportSupport.Session()
        #expect(s.run(Self.query) == .success)
        #expect(s.run(".export evm.json") == .success, "\(s.err)")
        let text = try String(contentsOf: s.file("evm.json"), encoding: .utf8)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        let table = s.session.query.lastResult!
        #expect(rows.count == table.rowCount)
        #expect(rows.map { $0["program"] as? String } == (0..<table.rowCount).map { table.columns[0].value(at: $0).description })
        // The decimal is written digit for digit, the double in its shortest round-tripping form.
        let ac = table.columns[1].value(at: 0).description
        #expect(text.contains("\"ac\": \(ac),"))
        if case .double(let cpi) = table.columns[2].value(at: 0) { #expect((rows[0]["cpi"] as? Double) == cpi) }
        #expect(rows[0]["last"] as? String == "2025-12")
    }

    @Test func markdownAndHTML() throws {
        let s = try ExportSupport.Session()
        #expect(s.run(Self.query) == .success)
        #expect(s.run(".export evm.md") == .success && s.run(".export evm.HTML") == .success, "\(s.err)")
        let md = try String(contentsOf: s.file("evm.md"), encoding: .utf8)
        #expect(md.hasPrefix("| program ") && md.contains("| Zürich Hub Consolidation "))
        let html = try String(contentsOf: s.file("evm.HTML"), encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<th class=\"txt\" title=\"text\">program</th>"))
        let ac = s.session.query.lastResult!.columns[1].value(at: 0).description
        #expect(html.contains("data-value=\"\(ac)\""), "the exact value rides along with the formatted one")
    }

    @Test func severalTablesAndNamedResults() throws {
        let s = try ExportSupport.Session()
        #expect(s.run("let evm = \(Self.query)") == .success)
        #expect(s.run("let big = projects | where budget > 3000000 | select project_id, budget, start_date") == .success)
        #expect(s.run("projects | take 2") == .success)
        #expect(s.run(".export both.json evm big") == .success, "\(s.err)")
        let both = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: s.file("both.json"))) as? [String: Any])
        #expect(Set(both.keys) == ["evm", "big"])
        #expect(s.run(".export named.md --named") == .success)
        let md = try String(contentsOf: s.file("named.md"), encoding: .utf8)
        #expect(md.hasPrefix("## evm\n") && md.contains("\n## big\n"))
        #expect(s.run(".export two.csv evm big") == .failure)
        #expect(s.err.contains("a CSV file holds one table"))
        #expect(!FileManager.default.fileExists(atPath: s.file("two.csv").path))
    }

    @Test func unknownExtensionAndCSVOnlyOptions() throws {
        let s = try ExportSupport.Session()
        #expect(s.run("projects | take 1") == .success)
        #expect(s.run(".export out.pdf") == .failure)
        #expect(s.err.contains("cannot tell the format of `out.pdf`") && s.err.contains(".xlsx"))
        s.err = ""
        #expect(s.run(".export out.xlsx --bom") == .failure)
        #expect(s.err.contains("CSV files only"))
        s.err = ""
        #expect(s.run(".export out.xlsx nosuch") == .failure)
        #expect(s.err.contains("unknown table `nosuch`"))
    }

    @Test func failedExportsLeaveTheOldFile() throws {
        let s = try ExportSupport.Session()
        let existing = s.file("keep.xlsx")
        try Data("old".utf8).write(to: existing)
        #expect(s.run("projects | take 1") == .success)
        #expect(s.run(".export no/such/folder/x.xlsx") == .failure)
        #expect(s.err.contains("does not exist") && s.err.contains("nothing was written"))
        #expect(try String(contentsOf: existing, encoding: .utf8) == "old")
        #expect(s.run(".export keep.xlsx") == .success)
        let names = try FileManager.default.contentsOfDirectory(atPath: s.folder.path)
        #expect(names == ["keep.xlsx"], "no temporary files left behind: \(names)")
    }

    /// Batch mode, as the issue asks: `-c '.export out.xlsx'` after a query, opened by LibreOffice.
    @Test(.enabled(if: ExternalTools.hasLibreOffice)) func xlsxFromBatchModeOpensInLibreOffice() throws {
        let folder = try RealizeBinary.temporaryFolder()
        let book = folder.appendingPathComponent("pack.xlsx")
        let r = try RealizeBinary.run([
            "-c", "let evm = \(Self.query)",
            "-c", "let kickoffs = projects | sort project_id | take 3 | select project_id, start_date, budget, status",
            "-c", ".export \(book.path) evm kickoffs",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let sheets = try ExternalTools.sheetsAsCSV(book)
        #expect(Set(sheets.keys) == ["evm", "kickoffs"])
        let csv = try #require(sheets["kickoffs"])
        let direct = try RealizeBinary.run(["--format", "csv", "-c", "projects | sort project_id | take 3 | select project_id, start_date, budget, status"])
        // LibreOffice shows money with thousands separators and two decimals; otherwise the same values.
        let expected = try CSVReader.read(bytes: Array(direct.stdout.utf8), sourceName: "direct")
        let shown = try CSVReader.read(
            bytes: Array(csv.replacingOccurrences(of: ",(?=\\d{3}[.,\"])", with: "", options: .regularExpression).utf8), sourceName: "libreoffice")
        #expect(TableDiff.firstDifference(shown, expected) == nil, "\(csv)")
        let evm = try #require(sheets["evm"]).split(separator: "\n")
        #expect(evm.first == "program,ac,cpi,last")
        #expect(evm.count == 6)
        #expect(evm.allSatisfy { $0.hasSuffix(",2025-12") || $0.hasSuffix(",last") })
    }
}
