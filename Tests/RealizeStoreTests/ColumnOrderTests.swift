import RealizeTestSupport
import Testing

@testable import RealizeStore

/// The order the columns are started in (``ColumnWork/numbersFirst(_:isNumber:)``): number columns first, and
/// whatever the order, the outcomes come back in column order and the table is the serial one.
@Suite struct ColumnOrderTests {
    @Test func numbersAreStartedFirstAndOutcomesKeepColumnOrder() {
        #expect(ColumnWork.numbersFirst(5) { $0 >= 2 } == [2, 3, 4, 0, 1])
        #expect(ColumnWork.numbersFirst(3) { _ in false } == [0, 1, 2])
        let order = [3, 1, 4, 0, 2]
        let outcomes = ColumnWork.run(5, parallel: true, order: order) { c in .planned(ColumnPlan(type: c % 2 == 0 ? .int : .text)) }
        for (c, outcome) in outcomes.enumerated() {
            guard case .planned(let plan) = outcome else {
                Issue.record("column \(c) was not planned")
                continue
            }
            #expect(plan.type == (c % 2 == 0 ? .int : .text))
        }
    }

    @Test func aLargeFileReadInParallelIsTheSerialTable() throws {
        // Enough cells to read the columns in parallel: text, period, numbers and a date, with nulls.
        var g = SeededGenerator(seed: 42)
        var csv = "id,period,pv,note,ac,day\n"
        for r in 0..<50_000 {
            let pv = Int.random(in: 0..<9, using: &g) == 0 ? "" : "\(Int.random(in: 0...9999, using: &g)).\(Int.random(in: 10...99, using: &g))"
            csv += "P\(r / 12),20\(10 + r % 10)-0\(1 + r % 9),\(pv),n\(r % 7),\(r),2020-01-0\(1 + r % 9)\n"
        }
        var serial = CSVReadOptions()
        serial.parallelColumns = false
        let a = try CSVReader.read(bytes: Array(csv.utf8), sourceName: "s.csv", options: serial)
        let b = try CSVReader.read(bytes: Array(csv.utf8), sourceName: "p.csv")
        #expect(a.columns.map(\.name) == b.columns.map(\.name))
        for (x, y) in zip(a.columns, b.columns) {
            #expect(x.type == y.type)
            for r in stride(from: 0, to: a.rowCount, by: 97) where x.value(at: r) != y.value(at: r) {
                Issue.record("row \(r) of \(x.name)")
                return
            }
        }
    }
}
