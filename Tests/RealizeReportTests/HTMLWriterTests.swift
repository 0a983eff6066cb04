import Foundation
import RealizeStore
import Testing
@testable import RealizeReport

/// HTML tables and pages: escaping, exact values beside formatted ones, RAG badges, no network.
@Suite struct HTMLWriterTests {
    static let table = FormattedTable(
        columns: [
            .init(
                name: "program", type: .text,
                cells: [.init(text: "<script>alert(1)</script>", exact: "<script>alert(1)</script>"), .init(text: "B & C", exact: "B & C")]),
            .init(name: "status", type: .text, cells: [.init(text: "Red", exact: "Red"), .init(text: "green", exact: "green")]),
            .init(
                name: "cv", type: .decimal,
                cells: [.init(text: "-1,284,452.88", exact: "-1284452.88", isNegative: true), .init(text: "n/a", exact: "", isNull: true)]),
        ], totalRows: 5)

    @Test func tableEscapesAndKeepsExactValues() {
        let html = HTMLWriter.table(Self.table)
        #expect(!html.contains("<script>") && html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("<td class=\"num neg\" data-value=\"-1284452.88\" title=\"-1284452.88\">-1,284,452.88</td>"))
        #expect(html.contains("<td class=\"num na\">n/a</td>"))
        #expect(html.contains("<span class=\"rag rag-red\">Red</span>") && html.contains("rag-green"))
        #expect(html.contains("Showing 2 of 5 rows"))
    }

    @Test func pageIsSelfContainedAndPrintable() {
        var report = HTMLReport(title: "Board pack 2025-12")
        report.meta = ["Parameters: period = 2025-12"]
        report.prose("## Costs\n\nSee **below** and `evm`; <b>no html</b>.\n\n- one\n- two\n\n1. first")
        report.table(Self.table)
        report.chart("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"></svg>", caption: "CPI")
        let html = report.render()
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<title>Board pack 2025-12</title>"))
        #expect(html.contains("@media print") && html.contains("@page"))
        #expect(!html.contains("http://") || html.components(separatedBy: "http://").count == 2, "only the SVG namespace")
        #expect(!html.contains("https://") && !html.contains("<link") && !html.contains("<script"))
        #expect(html.contains("<h2>Costs</h2>") && html.contains("<strong>below</strong>") && html.contains("<code>evm</code>"))
        #expect(html.contains("&lt;b&gt;no html&lt;/b&gt;"))
        #expect(html.contains("<ul><li>one</li><li>two</li></ul>") && html.contains("<ol><li>first</li></ol>"))
        #expect(html.contains("<figure class=\"chart\"><svg") && !html.contains("<?xml"))
    }

    @Test func exportFormatComesFromTheExtension() {
        #expect(ExportFormat(path: "a/b.XLSX") == .xlsx && ExportFormat(path: "x.md") == .markdown && ExportFormat(path: "x.markdown") == .markdown)
        #expect(ExportFormat(path: "x.json") == .json && ExportFormat(path: "x.htm") == .html && ExportFormat(path: "x.csv") == .csv)
        #expect(ExportFormat(path: "noextension") == .csv && ExportFormat(path: "dir.d/file") == .csv && ExportFormat(path: ".hidden") == .csv)
        #expect(ExportFormat(path: "x.pdf") == nil)
    }

    @Test func xmlEscaping() {
        #expect(XMLText.escape("a<b>&\"'") == "a&lt;b&gt;&amp;&quot;&apos;")
        #expect(XMLText.escape("bell\u{07}") == "bell\u{FFFD}")
        #expect(XMLText.escape("bell\u{07}", ooxmlEscapes: true) == "bell_x0007_")
    }
}
