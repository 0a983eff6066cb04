import RealizeStore
import Testing

@testable import RealizeReport

/// Sparklines and profile bars: drawn by the renderers for people from numbers in the data.
@Suite struct GlyphTests {
    @Test func sparklineOnItsOwnScale() {
        #expect(Sparkline.draw([0, 1, 2, 3, 4, 5, 6, 7]) == "▁▂▃▄▅▆▇█")
        #expect(Sparkline.draw([1, nil, 1]) == "▄ ▄")
        #expect(Sparkline.draw([]) == "")
    }

    @Test func sparklineSharesOneScale() {
        #expect(Sparkline.draw([-100, 0, 100, nil], scale: -100...100) == "▁▅█ ")
        #expect(Sparkline.draw([5, 5], scale: 5...5) == "▄▄")
    }

    @Test func profileBarMarksTheTarget() {
        // 2.4 = 9.6 cells: 9 full and ⅝ (▋); tick at 12; target 4 at cell 16.
        #expect(ProfileBar.draw(score: 240, target: 400) == "█████████▋  ·   │    ")
        // Past the target, the mark cuts the bar.
        #expect(ProfileBar.draw(score: 500, target: 300) == "████████████│███████ ")
        #expect(ProfileBar.draw(score: 300, target: nil) == "████████████·   ·    ")
        #expect(ProfileBar.draw(score: 100, target: 500) == "████·   ·   ·   ·   │")
    }

    @Test func seriesTextRoundTrips() {
        let values: [Double?] = [12.845_213, nil, -3, 0.1]
        #expect(DisplayHint.seriesText(values) == "12.845213;;-3;0.1")
        #expect(DisplayHint.series(DisplayHint.seriesText(values)) == values)
    }

    /// The table draws hinted columns; CSV and JSON write the numbers they hold.
    @Test func onlyPeopleFormatsDrawGlyphs() {
        let t = Table(columns: [
            Column(name: "nps", type: .double, values: [.double(12.845_213), .double(-0.05)]).displayed(.decimals(1)),
            Column(name: "trend", type: .text, values: [.text("1;2;3"), .text("3;;1")]).displayed(.sparkline(scale: 1...3)),
            Column(name: "score", type: .decimal, values: [.decimal(FixedDecimal(units: 240, scale: 2)), .null])
                .displayed(.profileBar(target: "target")),
            Column(name: "target", type: .decimal, values: [.decimal(FixedDecimal(units: 400, scale: 2)), .null]),
        ])
        let table = ResultRenderer.render(t, options: RenderOptions(format: .table))
        #expect(table.contains("12.8 │ ▁▅█   │ █████████▋  ·   │     │    4.00 │"))
        #expect(table.contains("-0.1 │ █ ▁   │ n/a"))
        let markdown = ResultRenderer.render(t, options: RenderOptions(format: .markdown))
        #expect(markdown.contains("12.8 | ▁▅█"))
        for format in [OutputFormat.csv, .json] {
            let text = ResultRenderer.render(t, options: RenderOptions(format: format))
            #expect(text.contains("12.845213") && text.contains("-0.05") && text.contains("1;2;3"), "\(format)")
            #expect(!text.unicodeScalars.contains { (0x2580...0x259F).contains($0.value) }, "\(format)")
        }
    }
}
