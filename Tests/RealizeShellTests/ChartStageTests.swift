import Foundation
import Testing
@testable import RealizeShell

/// `| chart …` in the shell: drawn in the terminal, written to SVG, errors pointing into the statement.
@Suite struct ChartStageTests {
    static let evm = "financials | join projects on project_id | by program agg cv = sum(earned_value) - sum(actual_cost) | sort cv"

    @Test func barChartInTheTerminal() throws {
        let s = try ExportSupport.Session()
        #expect(s.run(Self.evm + " | chart bar program cv") == .success, "\(s.err)")
        let lines = s.out.split(separator: "\n").map(String.init)
        #expect(lines.first == "cv by program")
        #expect(lines[1].hasPrefix("Finance Transformation") && lines[1].contains("█│"))
        #expect(lines[5].hasPrefix("Supply Chain Resilience") && lines[5].contains("│█"))
        // The result is still the last result, for the next statement.
        #expect(s.session.query.lastResult?.rowCount == 5)
    }

    @Test func chartOfTheLastResultAndToAFile() throws {
        let s = try ExportSupport.Session()
        #expect(s.run(Self.evm) == .success)
        s.out = ""
        #expect(s.run("| chart bar program cv to charts-cv.svg") == .success, "\(s.err)")
        let svg = try String(contentsOf: s.file("charts-cv.svg"), encoding: .utf8)
        #expect(svg.contains("<svg") && svg.components(separatedBy: "class=\"bar\"").count == 6)
        #expect(s.out.isEmpty, "batch mode writes the file silently")
    }

    @Test func lineAndRadarCharts() throws {
        let s = try ExportSupport.Session()
        let q =
            "financials | join projects on project_id | by program, period agg cpi = sum(earned_value) / sum(actual_cost) | where period >= 2025-07 |\n  chart line period cpi by program"
        #expect(s.run(q) == .success, "\(s.err)")
        #expect(s.out.contains("● Finance Transformation") && s.out.contains("2025-07") && s.out.contains("2025-12"))
        s.out = ""
        #expect(
            s.run("maturity | where unit == \"Finance PMO\" and assessed_on == 2025-12-13 | chart radar dimension score target to r.svg") == .success,
            "\(s.err)")
        let svg = try String(contentsOf: s.file("r.svg"), encoding: .utf8)
        #expect(svg.components(separatedBy: "class=\"point\"").count == 8)
    }

    @Test func errorsPointIntoTheStatement() throws {
        let s = try ExportSupport.Session()
        #expect(s.run(Self.evm + " | chart bar program cvv") == .failure)
        #expect(s.err.contains("error: unknown column `cvv` in the result to chart"), "\(s.err)")
        #expect(s.err.contains("hint: did you mean `cv`?"))
        let column = (Self.evm + " | chart bar program ").count + 1
        #expect(s.err.contains(" --> query:1:\(column)"))
        s.err = ""
        #expect(s.run(Self.evm + " | chart pie program cv") == .failure)
        #expect(s.err.contains("unknown chart kind `pie`"))
        s.err = ""
        #expect(s.run(Self.evm + " | chart bar program cv to x.png") == .failure)
        #expect(s.err.contains("charts are written as SVG"))
    }
}
