import Foundation
import RealizeStore
import Testing
import RealizeTestSupport
@testable import RealizeShell

/// Random dot commands, chart stages and settings through a real session: every line either works or prints an
/// error — the shell never crashes on user input. File-writing commands only ever point into a temporary folder.
@Suite struct ShellFuzzTests {
    static let pieces: [String] = [
        ".help", ".tables", ".schema", ".summarize", ".load", ".export", ".mode", ".timer", ".set", ".measures", ".quit_not",
        ".hlep", ".", "..", "financials", "projects", "_", "nps", "evm", "by", "program", "as", "types", "budget:int",
        "x:nosuch", "csv", "json", "markdown", "table", "xml", "on", "off", "fiscal_year_start", "13", "0", "4", "today",
        "2025-02-30", "2025-06-30", "now", "evm_red", "nps_min_n", "-5", "abc", "--bom", "--no-neutralise", "--named",
        "|", "chart", "bar", "line", "radar", "project_id", "actual_cost", "to", "title", "\"T\"", "unit", "'", "\"",
        "cpi", "where", "take", "1", "sort", "-actual_cost", "by", "agg", "n", "=", "count()", "ü", "🙂", "\t",
    ]

    @Test func randomLinesNeverCrash() throws {
        let folder = try RealizeBinary.temporaryFolder()
        var catalog = Catalog()
        let fixtures = RealizeBinary.fixtures.appendingPathComponent("portfolio").path
        for (name, table) in (try? PortfolioLoader.load(path: fixtures)) ?? [] { catalog.set(name, table) }
        var out = "", err = ""
        let session = ShellSession(catalog: catalog, format: .csv, output: ShellOutput(out: { out += $0 }, err: { err += $0 }))
        session.outputFolder = folder.path
        var rng = FuzzSeed.generator(default: 0x5EED_5E11)
        var failures = 0
        for _ in 0..<1500 {
            var words = (0..<Int.random(in: 1...6, using: &rng)).map { _ in Self.pieces.randomElement(using: &rng)! }
            // Paths for .load and .export: only inside the temporary folder, or nowhere.
            if words[0] == ".export" || words[0] == ".load" || words.contains("to") {
                let name = ["a.csv", "b.xlsx", "c.json", "d.md", "e.html", "f.svg", "g.pdf", "missing/h.csv"].randomElement(using: &rng)!
                words = words.map { $0 == "to" ? "to \(folder.appendingPathComponent(name).path)" : $0 }
                if words[0] == ".export" || words[0] == ".load" { words.insert(folder.appendingPathComponent(name).path, at: 1) }
            }
            let line = words.joined(separator: " ")
            if line.hasPrefix(".quit") || line.hasPrefix(".exit") { continue }
            var acc = StatementAccumulator()
            for statement in acc.feed(line, lineNumber: 1) + [acc.finish()].compactMap({ $0 }) {
                err = ""
                if session.execute(statement, sourceName: "fuzz") == .failure {
                    failures += 1
                    #expect(!err.isEmpty, "a failure must say why: \(line) (seed \(rng.seed))")
                }
            }
        }
        #expect(failures > 0, "seed \(rng.seed)")
    }
}
