import RealizeStore
import Testing

@testable import RealizeShell

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

@Suite struct RenderingSummaryTests {
    /// Hand-checked: amounts 10.50, -2.25, null, 10.50, 4.00 → count 4, nulls 1, distinct 3,
    /// min -2.25, max 10.50, mean 22.75 / 4 = 5.6875.
    static var table: Table {
        Table(columns: [
            Column(
                name: "amount", type: .decimal,
                values: [
                    RenderingSamples.money("10.50"), RenderingSamples.money("-2.25"), .null,
                    RenderingSamples.money("10.50"), RenderingSamples.money("4.00"),
                ]),
            Column(name: "city", type: .text, values: [.text("Zürich"), .text("Bern"), .text("Zürich"), .null, .null]),
            Column(name: "n", type: .int, values: [.int(3), .int(-1), .int(3), .int(7), .int(0)]),
            Column(name: "ratio", type: .double, values: [.double(0.5), .double(0.25), .null, .null, .double(0.75)]),
            Column(
                name: "start", type: .date,
                values: [
                    RenderingSamples.date(2024, 3, 1), .null, RenderingSamples.date(2023, 12, 31), .null, .null,
                ]),
            Column(name: "ok", type: .bool, values: [.bool(true), .bool(true), .null, .null, .null]),
            Column(name: "nothing", type: .int, values: [.null, .null, .null, .null, .null]),
        ])
    }

    @Test func figures() {
        let s = TableSummary.summarize(Self.table)
        s.checkInvariants()
        #expect(s.columnNames == ["column", "type", "count", "nulls", "distinct", "min", "max", "mean"])
        #expect(s.columns.map(\.type) == [.text, .text, .int, .int, .int, .text, .text, .double])
        #expect(s.rowCount == 7)
        func row(_ r: Int) -> [Value] { s.columns.map { $0.value(at: r) } }
        #expect(row(0) == [.text("amount"), .text("decimal"), .int(4), .int(1), .int(3), .text("-2.25"), .text("10.50"), .double(5.6875)])
        #expect(row(1) == [.text("city"), .text("text"), .int(3), .int(2), .int(2), .text("Bern"), .text("Zürich"), .null])
        #expect(row(2) == [.text("n"), .text("int"), .int(5), .int(0), .int(4), .text("-1"), .text("7"), .double(2.4)])
        #expect(row(3) == [.text("ratio"), .text("double"), .int(3), .int(2), .int(3), .text("0.25"), .text("0.75"), .double(0.5)])
        #expect(row(4) == [.text("start"), .text("date"), .int(2), .int(3), .int(2), .text("2023-12-31"), .text("2024-03-01"), .null])
        #expect(row(5) == [.text("ok"), .text("bool"), .int(2), .int(3), .int(1), .text("true"), .text("true"), .null])
        #expect(row(6) == [.text("nothing"), .text("int"), .int(0), .int(5), .int(0), .null, .null, .null])
    }

    @Test func rendered() {
        let text = ResultRenderer.render(TableSummary.summarize(Self.table), options: RenderOptions())
        RenderingGolden.check(text, "summary.txt")
    }

    @Test func emptyTable() {
        let s = TableSummary.summarize(.empty)
        #expect(s.rowCount == 0 && s.columns.count == 8)
    }
}
