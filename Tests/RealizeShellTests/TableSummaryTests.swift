import RealizeReport
import RealizeStore
import Testing

@testable import RealizeShell

/// `.summary`: one row per column with its count, nulls, distinct values, range and mean.
@Suite struct TableSummaryTests {
    static func date(_ y: Int, _ m: Int, _ d: Int) -> Value { .date(CivilCalendar.days(year: y, month: m, day: d)) }
    static func money(_ text: String) -> Value { .decimal(FixedDecimal(parsing: Substring(text))!) }

    /// Hand-checked: amounts 10.50, -2.25, null, 10.50, 4.00 → count 4, nulls 1, distinct 3,
    /// min -2.25, max 10.50, mean 22.75 / 4 = 5.6875.
    static var table: Table {
        Table(columns: [
            Column(
                name: "amount", type: .decimal,
                values: [
                    Self.money("10.50"), Self.money("-2.25"), .null,
                    Self.money("10.50"), Self.money("4.00"),
                ]),
            Column(name: "city", type: .text, values: [.text("Zürich"), .text("Bern"), .text("Zürich"), .null, .null]),
            Column(name: "n", type: .int, values: [.int(3), .int(-1), .int(3), .int(7), .int(0)]),
            Column(name: "ratio", type: .double, values: [.double(0.5), .double(0.25), .null, .null, .double(0.75)]),
            Column(
                name: "start", type: .date,
                values: [
                    Self.date(2024, 3, 1), .null, Self.date(2023, 12, 31), .null, .null,
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
        expectMatchesGolden(text, file: RealizeBinary.fixtures.appendingPathComponent("summary/summary.txt"))
    }

    @Test func emptyTable() {
        let s = TableSummary.summarize(.empty)
        #expect(s.rowCount == 0 && s.columns.count == 8)
    }
}
