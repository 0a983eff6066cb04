import RealizeStore
import Testing

@testable import RealizeReport

/// Small hand-built tables for the rendering tests.
enum RenderingSamples {
    static func date(_ y: Int, _ m: Int, _ d: Int) -> Value { .date(CivilCalendar.days(year: y, month: m, day: d)) }
    static func period(_ y: Int, _ m: Int) -> Value { .period(CivilCalendar.period(year: y, month: m)) }
    static func money(_ text: String) -> Value { .decimal(FixedDecimal(parsing: Substring(text))!) }

    /// Five projects with money, a 4-decimal rate, a CPI, dates, periods, flags, negatives and nulls.
    static var portfolio: Table {
        Table(columns: [
            Column(
                name: "project", type: .text,
                values: [
                    .text("Ledger migration"), .text("Zürich hub"), .text("São Paulo rollout"), .null, .text("東京 office"),
                ]),
            Column(
                name: "budget", type: .decimal,
                values: [
                    money("1234567.5"), money("-12000.00"), money("0.75"), .null, money("980000"),
                ]),
            Column(
                name: "fx_rate", type: .decimal,
                values: [
                    money("1.0825"), money("0.9412"), money("5.4310"), money("1.0000"), .null,
                ]),
            Column(name: "headcount", type: .int, values: [.int(12), .int(-3), .int(1_500_000), .null, .int(0)]),
            Column(name: "cpi", type: .double, values: [.double(0.9412), .double(1.05), .null, .double(-0.5), .double(1)]),
            Column(name: "start", type: .date, values: [date(2024, 1, 15), date(2023, 11, 2), .null, date(2025, 2, 28), date(2024, 6, 1)]),
            Column(name: "period", type: .period, values: [period(2024, 1), period(2024, 12), period(2025, 3), .null, period(2024, 6)]),
            Column(name: "active", type: .bool, values: [.bool(true), .bool(false), .null, .bool(true), .bool(false)]),
        ])
    }

    /// `n` rows × 5 columns of generated projects.
    static func long(_ n: Int) -> Table {
        Table(columns: [
            Column(name: "id", storage: .int((1...Int64(n)).map { $0 })),
            Column(name: "name", type: .text, values: (1...n).map { .text("Project \($0)") }),
            Column(name: "sponsor", type: .text, values: (1...n).map { .text(["Finance", "Operations", "IT"][$0 % 3]) }),
            Column(name: "status", type: .text, values: (1...n).map { .text(["green", "amber", "red"][$0 % 3]) }),
            Column(name: "budget", storage: .decimal((1...Int128(n)).map { $0 * 125_050 }, scale: 2)),
        ])
    }
}

@Suite struct RenderingTableTests {
    @Test func moneyNegativesNullsAndTypes() {
        let text = ResultRenderer.render(RenderingSamples.portfolio, options: RenderOptions())
        RenderingGolden.check(text, "portfolio.txt")
        #expect(text.contains("│ 1,234,567.50 │"))
        #expect(text.contains("-12,000.00"))
        #expect(text.contains("n/a"))
        #expect(text.hasSuffix("5 rows × 8 columns\n"))
    }

    @Test func nonASCIIAligns() {
        let t = Table(columns: [
            Column(
                name: "city", type: .text,
                values: [
                    .text("Zu\u{308}rich"), .text("Zürich"), .text("São Paulo"), .text("東京"), .text("서울특별시"), .text("Oslo"),
                ]),
            Column(name: "cost", type: .decimal, values: ["1.5", "22", "333.25", "4444", "-5", "6"].map(RenderingSamples.money)),
        ])
        let text = ResultRenderer.render(t, options: RenderOptions())
        RenderingGolden.check(text, "non_ascii.txt")
        let lines = text.split(separator: "\n").filter { $0.hasPrefix("│") || $0.hasPrefix("┌") }
        let widths = Set(lines.map { DisplayWidth.of(String($0)) })
        #expect(widths.count == 1, "every grid line has the same display width: \(widths)")
    }

    @Test func rowCapShowsHeadTailAndFooter() {
        let text = ResultRenderer.render(RenderingSamples.long(1200), options: RenderOptions(maxRows: 10))
        RenderingGolden.check(text, "row_cap.txt")
        #expect(text.contains("1,200 rows × 5 columns\n… 1,190 more rows (.export to write all)\n"))
        #expect(text.contains("Project 1200"))
        #expect(!text.contains("Project 8 "))
    }

    @Test func rowCapTooSmallToSplitShowsFirstRows() {
        let text = ResultRenderer.render(RenderingSamples.long(20), options: RenderOptions(maxRows: 4))
        #expect(text.contains("Project 4 "))
        #expect(!text.contains("Project 20"))
        #expect(text.hasSuffix("20 rows × 5 columns\n… 16 more rows (.export to write all)\n"))
    }

    @Test func widthCapDropsColumnsAndTruncatesText() {
        var t = RenderingSamples.long(3)
        t = Table(
            columns: [
                Column(
                    name: "note", type: .text,
                    values: [
                        .text("A very long description that will never fit a narrow terminal"), .text("short"), .null,
                    ])
            ] + t.columns)
        let text = ResultRenderer.render(t, options: RenderOptions(maxWidth: 50))
        let narrower = ResultRenderer.render(t, options: RenderOptions(maxWidth: 30))
        #expect(narrower.hasSuffix("3 columns hidden: sponsor, status, budget\n"), "\(narrower)")
        RenderingGolden.check(text, "width_cap.txt")
        for line in text.split(separator: "\n") where line.hasPrefix("│") {
            #expect(DisplayWidth.of(String(line)) <= 50)
        }
        #expect(text.contains("…"))
        #expect(text.contains("3 rows × 6 columns\n"))
        #expect(text.hasSuffix("3 rows × 6 columns\n1 column hidden: budget\n"))
    }

    @Test func emptyResults() {
        let none = ResultRenderer.render(RenderingSamples.long(3).prefix(0), options: RenderOptions())
        RenderingGolden.check(none, "empty.txt")
        #expect(none.hasSuffix("0 rows × 5 columns\n"))
        #expect(ResultRenderer.render(.empty, options: RenderOptions()) == "0 rows × 0 columns\n")
    }

    @Test func colourMarksNegativesAndNulls() {
        let text = ResultRenderer.render(RenderingSamples.portfolio, options: RenderOptions(colour: true))
        #expect(text.contains("\u{1B}[31m-12,000.00\u{1B}[0m"))
        #expect(text.contains("\u{1B}[2mn/a\u{1B}[0m"))
        #expect(!ResultRenderer.render(RenderingSamples.portfolio, options: RenderOptions()).contains("\u{1B}"))
    }

    @Test func controlCharactersStayOnOneLine() {
        let t = Table(columns: [Column(name: "memo", type: .text, values: [.text("line one\nline two\tend")])])
        let text = ResultRenderer.render(t, options: RenderOptions())
        #expect(text.contains("│ line one↵line two→end │"))
    }
}

@Suite struct RenderingCellTests {
    @Test func numbers() {
        #expect(CellFormatter.integer(1_234_567) == "1,234,567")
        #expect(CellFormatter.integer(-999) == "-999")
        #expect(CellFormatter.integer(.min) == "-9,223,372,036,854,775,808")
        #expect(CellFormatter.decimal(units: 123_450, scale: 2) == "1,234.50")
        #expect(CellFormatter.decimal(units: -5, scale: 0) == "-5.00")
        #expect(CellFormatter.decimal(units: 12_345, scale: 1) == "1,234.50")
        #expect(CellFormatter.decimal(units: 9412, scale: 4) == "0.9412")
        #expect(CellFormatter.decimal(units: -7, scale: 2) == "-0.07")
        #expect(CellFormatter.double(0.94123, places: 4) == "0.9412")
        #expect(CellFormatter.double(1_234_567.891, places: 2) == "1,234,567.89")
        #expect(CellFormatter.double(-0.00001, places: 4) == "-1.000e-5")
        #expect(CellFormatter.double(-0.00001 * 0, places: 2) == "0.00")
        #expect(CellFormatter.decimalPlaces(for: [0.9412, 1.05]) == 4)
        #expect(CellFormatter.decimalPlaces(for: [0.5, 0.25]) == 2)
        #expect(CellFormatter.decimalPlaces(for: [12, 3]) == 0)
        #expect(CellFormatter.decimalPlaces(for: [1234.5678]) == 2)
    }

    @Test func displayWidth() {
        #expect(DisplayWidth.of("Zürich") == 6)
        #expect(DisplayWidth.of("Zu\u{308}rich") == 6)
        #expect(DisplayWidth.of("São Paulo") == 9)
        #expect(DisplayWidth.of("東京") == 4)
        #expect(DisplayWidth.of("🚀") == 2)
        #expect(DisplayWidth.truncate("東京オフィス", to: 6) == "東京…")
        #expect(DisplayWidth.truncate("Zürich", to: 6) == "Zürich")
        #expect(DisplayWidth.truncate("Zürich", to: 5) == "Züri…")
    }

    @Test func rowWindow() {
        let w = RowWindow(rowCount: 100, maxRows: 10)
        #expect(w.head == 0..<7 && w.tail == 97..<100 && w.hidden == 90)
        #expect(RowWindow(rowCount: 10, maxRows: 10).hidden == 0)
        #expect(RowWindow(rowCount: 5, maxRows: nil).indices == [0, 1, 2, 3, 4])
    }
}
