import RealizeStore
import Testing

@testable import RealizeReport

@Suite struct RenderingJSONTests {
    @Test func escapesAndKeepsKeyOrder() {
        let t = Table(columns: [
            Column(name: "z\"name", type: .text, values: [.text("say \"hi\"\\ \n\t\u{01} São 東京"), .null]),
            Column(name: "a", type: .decimal, values: [RenderingSamples.money("1234.50"), .null]),
            Column(name: "n", type: .int, values: [.int(-3), .int(7)]),
            Column(name: "x", type: .double, values: [.double(0.25), .double(.nan)]),
            Column(name: "d", type: .date, values: [RenderingSamples.date(2024, 2, 29), .null]),
            Column(name: "p", type: .period, values: [RenderingSamples.period(2024, 3), .null]),
            Column(name: "ok", type: .bool, values: [.bool(true), .null]),
        ])
        let json = ResultRenderer.render(t, options: RenderOptions(format: .json))
        #expect(
            json == """
                [
                  {"z\\"name": "say \\"hi\\"\\\\ \\n\\t\\u0001 São 東京", "a": 1234.50, "n": -3, "x": 0.25, "d": "2024-02-29", "p": "2024-03", "ok": true},
                  {"z\\"name": null, "a": null, "n": 7, "x": null, "d": null, "p": null, "ok": null}
                ]

                """)
    }

    @Test func emptyIsAnEmptyArray() {
        #expect(ResultRenderer.render(RenderingSamples.long(2).prefix(0), options: RenderOptions(format: .json)) == "[]\n")
    }

    @Test func portfolioGolden() {
        RenderingGolden.check(ResultRenderer.render(RenderingSamples.portfolio, options: RenderOptions(format: .json)), "portfolio.json")
    }
}

@Suite struct RenderingMarkdownTests {
    @Test func escapesPipesAndAlignsNumbers() {
        let t = Table(columns: [
            Column(name: "a|b", type: .text, values: [.text("x | y"), .text("back\\slash"), .null, .text("two\nlines")]),
            Column(name: "amount", type: .decimal, values: ["1234.5", "-2", "0", "10"].map(RenderingSamples.money)),
        ])
        let md = ResultRenderer.render(t, options: RenderOptions(format: .markdown, maxWidth: 10, maxRows: 1))
        #expect(
            md == """
                | a\\|b        |   amount |
                | :---------- | -------: |
                | x \\| y      | 1,234.50 |
                | back\\\\slash |    -2.00 |
                | n/a         |     0.00 |
                | two↵lines   |    10.00 |

                """)
    }

    @Test func portfolioGolden() {
        let md = ResultRenderer.render(RenderingSamples.portfolio, options: RenderOptions(format: .markdown))
        RenderingGolden.check(md, "portfolio.md")
    }
}

@Suite struct RenderingCSVTests {
    @Test func rawValuesQuotedWhereNeeded() {
        let t = Table(columns: [
            Column(name: "name", type: .text, values: [.text("a,b"), .text("say \"hi\""), .text(""), .null, .text(" pad")]),
            Column(name: "amount", type: .decimal, values: ["1234.5", "-2", "0", "10", "3.25"].map(RenderingSamples.money)),
            Column(name: "start", type: .date, values: [RenderingSamples.date(2024, 1, 2), .null, .null, .null, .null]),
        ])
        let csv = ResultRenderer.render(t, options: RenderOptions(format: .csv, maxRows: 1))
        #expect(
            csv == #"""
                name,amount,start
                "a,b",1234.50,2024-01-02
                "say ""hi""",-2.00,
                "",0.00,
                ,10.00,
                " pad",3.25,

                """#)
    }
}
