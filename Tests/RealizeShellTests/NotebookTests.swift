import Foundation
import Testing
import RealizeTestSupport
@testable import RealizeShell

/// Notebooks: parsing, parameters, `realize run`, failures that name the notebook's line, and every
/// shipped notebook run against the sample portfolio, its HTML report rendered in Chromium.
@Suite struct NotebookTests {
    /// The repository's `notebooks/` folder.
    static var shipped: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("notebooks")
    }

    static let sample = """
        ---
        title: Pack for {{period}}
        params:
          period: 2025-12
          top: 3
        ---
        # Heading

        Intro for {{ period }}.

        ```realize
        projects | where start_date <= 2024-01-01 |
          sort project_id | take {{top}} | select project_id, budget
        ```

        ```sh
        not run: {{period}} is still substituted in prose
        ```

        ~~~realize
        .export top.xlsx
        ~~~
        """

    @Test func parsesFrontMatterProseAndBlocks() throws {
        let nb = try Notebook(parsing: Self.sample)
        #expect(nb.title == "Pack for {{period}}")
        #expect(nb.parameters.map(\.name) == ["period", "top"] && nb.parameters.map(\.value) == ["2025-12", "3"])
        #expect(nb.blocks.count == 2)
        #expect(nb.blocks[0].firstLine == 12 && nb.blocks[0].lines.count == 2)
        #expect(nb.blocks[1].firstLine == 21 && nb.blocks[1].lines == [".export top.xlsx"])
        guard case .prose(let middle, _) = nb.segments[2] else { Issue.record("expected prose"); return }
        #expect(middle.contains("```sh"))
    }

    @Test func unterminatedBlocksAndFrontMatterAreErrors() {
        #expect(throws: NotebookError(line: 2, "the `realize` block that starts on line 2 is not closed by ```")) {
            try Notebook(parsing: "x\n```realize\nprojects\n")
        }
        #expect(throws: NotebookError.self) { try Notebook(parsing: "---\ntitle: x\n") }
    }

    @Test func parametersAreSubstitutedAndCheckedByName() throws {
        let p = try NotebookParameters(declared: [("period", "2025-12"), ("top", "3")], assignments: ["period=2026-01"])
        #expect(try p.substitute("as of {{period}}, top {{ top }}", lineNumber: 1) == "as of 2026-01, top 3")
        #expect(throws: NotebookError(line: 7, "unknown parameter `perod`", hint: "this notebook's parameters: period, top")) {
            try p.substitute("{{perod}}", lineNumber: 7)
        }
        #expect(throws: NotebookError(line: 0, "unknown parameter `month`", hint: "this notebook's parameters: period")) {
            try NotebookParameters(declared: [("period", "2025-12")], assignments: ["month=1"])
        }
        #expect(throws: NotebookError.self) { try NotebookParameters(declared: [("period", "")], assignments: []) }
        #expect(throws: NotebookError.self) { try NotebookParameters(declared: [("period", "x")], assignments: ["period"]) }
    }

    @Test func runWritesTheReportAndTheExportsBesideIt() throws {
        let folder = try RealizeBinary.temporaryFolder()
        let notebook = folder.appendingPathComponent("pack.md")
        try Self.sample.write(to: notebook, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("reports/2026-01.md")
        let r = try RealizeBinary.run(["run", notebook.path, "--param", "period=2026-01", "--param", "top=2", "--out", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("wrote \(out.path) (2 blocks); files: top.xlsx"))
        let md = try String(contentsOf: out, encoding: .utf8)
        #expect(md.hasPrefix("# Pack for 2026-01\n"))
        #expect(md.contains("Intro for 2026-01.") && md.contains("not run: 2026-01 is still substituted in prose"))
        #expect(md.contains("| project_id |       budget |") || md.contains("| project_id |"))
        #expect(md.components(separatedBy: "\n| P0").count == 3, "take {{top}} with top=2:\n\(md)")
        #expect(md.contains("_Exported: [top.xlsx](top.xlsx)_"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("reports/top.xlsx").path))
    }

    @Test func aFailingBlockStopsWithTheNotebooksLine() throws {
        let folder = try RealizeBinary.temporaryFolder()
        let notebook = folder.appendingPathComponent("bad.md")
        try "# Bad\n\n```realize\nprojects | take 1\n\nprojects | where budgte > 1\n```\n\n```realize\nprojects\n```\n"
            .write(to: notebook, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("bad.html")
        let r = try RealizeBinary.run(["run", notebook.path, "--out", out.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("--> \(notebook.path):6:18"), "\(r.stderr)")
        #expect(r.stderr.contains("did you mean `budget`?"))
        #expect(r.stderr.contains("realize run: stopped at \(notebook.path):6; no report was written"))
        #expect(!FileManager.default.fileExists(atPath: out.path))

        try "```realize\n.export x.pdf\n```\n".write(to: notebook, atomically: true, encoding: .utf8)
        let dot = try RealizeBinary.run(["run", notebook.path, "--out", out.path])
        #expect(dot.status == 1)
        #expect(dot.stderr.hasPrefix("\(notebook.path):2: error: cannot tell the format"), "\(dot.stderr)")

        try "Uses {{nope}}.\n".write(to: notebook, atomically: true, encoding: .utf8)
        let param = try RealizeBinary.run(["run", notebook.path, "--out", out.path])
        #expect(param.status == 1)
        #expect(param.stderr.contains("\(notebook.path):1: error: unknown parameter `nope`"), "\(param.stderr)")
    }

    @Test func usageErrorsExitWith2() throws {
        let r = try RealizeBinary.run(["run", "x.md"])
        #expect(r.status == 2 && r.stderr.contains("--out"))
        let pdf = try RealizeBinary.run(["run", Self.shipped.appendingPathComponent("nps-review.md").path, "--out", "/tmp/x.pdf"])
        #expect(pdf.status == 2 && pdf.stderr.contains("must end in .html or .md"))
        let unknown = try RealizeBinary.run([
            "run", Self.shipped.appendingPathComponent("nps-review.md").path, "--param", "period=2025-12", "--out", "/tmp/x.html",
        ])
        #expect(unknown.status == 2 && unknown.stderr.contains("unknown parameter `period`"), "\(unknown.stderr)")
    }

    static let notebooks = ["monthly-board-pack", "quarterly-benefits-review", "nps-review", "maturity-review"]

    /// Each shipped notebook runs against the sample portfolio, to HTML and to Markdown.
    @Test(arguments: notebooks) func shippedNotebookRuns(_ name: String) throws {
        let folder = try RealizeBinary.temporaryFolder()
        let notebook = Self.shipped.appendingPathComponent("\(name).md").path
        for report in ["report.html", "md/report.md"] {
            let r = try RealizeBinary.run(["run", notebook, "--out", folder.appendingPathComponent(report).path], timeout: 60)
            #expect(r.status == 0, "\(name) → \(report): \(r.stderr)")
        }
        let html = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("<table>") && html.contains("<svg"), "\(name) has tables and charts")
        #expect(!html.contains("<script") && !html.contains("https://") && !html.contains("<link"), "self-contained")
        let md = try String(contentsOf: folder.appendingPathComponent("md/report.md"), encoding: .utf8)
        #expect(md.contains("```realize") && md.contains("![") && md.contains("| "))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(files.contains { $0.hasSuffix(".xlsx") } && files.contains { $0.hasSuffix(".svg") }, "\(files)")
    }

    @Test func monthlyPackReRunsForAnotherPeriod() throws {
        let folder = try RealizeBinary.temporaryFolder()
        let r = try RealizeBinary.run(
            [
                "run", Self.shipped.appendingPathComponent("monthly-board-pack.md").path, "--param", "period=2025-06",
                "--out", folder.appendingPathComponent("pack.html").path,
            ], timeout: 60)
        #expect(r.status == 0, "\(r.stderr)")
        let html = try String(contentsOf: folder.appendingPathComponent("pack.html"), encoding: .utf8)
        #expect(html.contains("<title>Monthly board pack, 2025-06</title>"))
        for file in ["board-pack-2025-06.xlsx", "evm-2025-06.csv", "cost-variance-2025-06.svg", "cpi-trend-2025-06.svg"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path), "\(file)")
        }
    }

    /// The HTML report loads in headless Chromium with its tables and charts, and a screenshot is taken.
    @Test(.enabled(if: ExternalTools.hasChromium)) func boardPackRendersInChromium() throws {
        let folder = try RealizeBinary.temporaryFolder()
        let report = folder.appendingPathComponent("board-pack.html")
        let r = try RealizeBinary.run(["run", Self.shipped.appendingPathComponent("monthly-board-pack.md").path, "--out", report.path], timeout: 60)
        #expect(r.status == 0, "\(r.stderr)")
        let shot = folder.appendingPathComponent("board-pack.png")
        let rendered = try ExternalTools.renderInChromium(report, screenshot: shot)
        #expect(rendered.status == 0)
        #expect(rendered.screenshotBytes > 20_000, "a screenshot with content")
        #expect(rendered.dom.contains("<h1>Monthly board pack, 2025-12</h1>"))
        #expect(rendered.dom.contains("Atlas ERP Rollout") && rendered.dom.contains("rag-red") || rendered.dom.contains("rag-amber"))
        #expect(rendered.dom.components(separatedBy: "<svg").count >= 4, "three charts inline")
    }
}
