import Foundation
import Testing

/// Results carry full precision and display rounds: through the binary, CSV, JSON and XLSX hold unrounded
/// values and no glyphs, while the terminal table shows the rounded figure and draws sparklines and bars.
@Suite(.serialized) struct PrecisionCommandLineTests {
    /// Block and shade characters (U+2580–U+259F): sparkline and profile-bar glyphs.
    static func hasGlyphs(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x2580...0x259F).contains($0.value) }
    }

    static let queries = ["nps by program", "nps by program quarterly trend", "trend cpi by program", "maturity by unit", "maturity by unit, dimension"]

    @Test func npsCSVHasFullPrecision() throws {
        let r = try RealizeBinary.run(["--format", "csv", "-c", "nps by program | select program, nps, se, moe"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = r.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        #expect(rows.count == 5)
        for row in rows {
            // se like 12.845…: more than one decimal, and it reads back as the same double.
            let se = try #require(row.last.flatMap { _ in row[row.count - 2] })
            #expect((se.split(separator: ".").last?.count ?? 0) > 1, "\(row)")
            #expect(Double(se).map { "\($0)" } == se)
        }
    }

    @Test(arguments: queries) func csvAndJSONHoldNoGlyphs(_ query: String) throws {
        for format in ["csv", "json"] {
            let r = try RealizeBinary.run(["--format", format, "-c", query])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(!r.stdout.isEmpty)
            #expect(!Self.hasGlyphs(r.stdout), "\(format) of \(query)")
        }
    }

    @Test func tableStillRoundsAndDraws() throws {
        let csv = try RealizeBinary.run(["--format", "csv", "-c", "nps by program | where program = 'Digital Customer Experience' | select se"])
        let se = try #require(Double(csv.stdout.split(separator: "\n").last.map(String.init) ?? ""))
        let table = try RealizeBinary.run(["-c", "nps by program | where program = 'Digital Customer Experience' | select se"])
        let oneDecimal = (se * 10).rounded() / 10
        #expect(table.stdout.contains(" \(oneDecimal) │"), "\(table.stdout)")
        let trend = try RealizeBinary.run(["-c", "trend cpi by program | select program, sparkline"])
        #expect(Self.hasGlyphs(trend.stdout))
        let profile = try RealizeBinary.run(["-c", "maturity by unit | select unit, target, profile"])
        #expect(Self.hasGlyphs(profile.stdout))
    }

    @Test(.enabled(if: ExternalTools.find("unzip") != nil)) func xlsxHoldsNoGlyphs() throws {
        let folder = try RealizeBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let book = folder.appendingPathComponent("pack.xlsx")
        var arguments: [String] = []
        for (i, q) in Self.queries.enumerated() { arguments += ["-c", "let t\(i) = \(q)"] }
        arguments += ["-c", ".export \(book.path) --named"]
        let r = try RealizeBinary.run(arguments)
        #expect(r.status == 0, "\(r.stderr)")
        let unzip = try ExternalTools.run(try #require(ExternalTools.find("unzip")), ["-p", book.path])
        #expect(unzip.status == 0)
        #expect(unzip.output.contains("<sheetData"))
        #expect(!Self.hasGlyphs(unzip.output))
        // The NPS standard error is written unrounded.
        #expect(unzip.output.range(of: #"<v>\d+\.\d{3,}</v>"#, options: .regularExpression) != nil)
    }
}
