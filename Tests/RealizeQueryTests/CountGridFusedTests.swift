import RealizeStore
import RealizeTestSupport
import Testing
@testable import RealizeQuery

/// ``CountGrid/Fused``: the one-pass fill gives the chunked fill's grid (counts, first rows) for one or two text,
/// date and period sources, every comparison (bounds at `Int64.min` and `.max`, `!=`), one range or many, with or
/// without first rows; keys or counts with nulls, boolean inputs and more than two comparisons are declined.
@Suite struct CountGridFusedTests {
    static let ops: [BinaryOperator] = [.equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual]

    /// A random table of `n` rows: a text key, a period key, a date key and two int columns with extreme values.
    static func table(_ g: inout SeededGenerator, rows n: Int) -> Table {
        let names = (0..<g.int(1...6)).map { "k\($0)" }.shuffled(using: &g)
        let t = Column(name: "t", type: .text, values: (0..<n).map { _ in .text(g.pick(names)) })
        let p = Column(name: "p", storage: .period((0..<n).map { _ in Int32(g.int(24_000...24_030)) }))
        let d = Column(name: "d", storage: .date((0..<n).map { _ in Int32(g.int(-40...400)) }))
        let pool: [Int64] = [.min, .min + 1, -1, 0, 1, 2, 6, 9, 10, .max - 1, .max]
        let x = Column(name: "x", storage: .int((0..<n).map { _ in g.pick(pool) }))
        let y = Column(name: "y", storage: .int((0..<n).map { _ in Int64(g.int(-3...12)) }))
        return Table(columns: [t, p, d, x, y], rowCount: n)
    }

    @Test(arguments: 0..<120) func fusedFillIsTheChunkedFill(seed: UInt64) throws {
        var g = SeededGenerator(seed: seed)
        let n = g.pick([1, 7, 100, 3000, 70_000])
        let t = Self.table(&g, rows: n)
        let ev = Evaluator(table: t, settings: QuerySettings())
        // Keys with the column they read: at most two columns (the year and the quarter of `p` read one).
        let sources: [(key: BoundExpr, column: Int)] = [
            (.column(0, .text), 0), (.datePart(.year, .column(1, .period)), 1), (.datePart(.quarter, .column(1, .period)), 1),
            (.datePart(.month, .column(2, .date)), 2),
        ]
        var picked = Array(sources.shuffled(using: &g).prefix(g.int(2...3)))
        if Set(picked.map(\.column)).count > 2 { picked.removeLast() }
        let keys = picked.map(\.key)
        let order = keys.indices.shuffled(using: &g).map { (key: $0, descending: g.chance(0.5)) }
        let layout = try #require(try OrderedGrouping.Layout(keys, order: order, ev))
        var inputs: [OrderedCounts.Input] = [.rows]
        for _ in 0..<g.int(0...2) {
            let column = g.chance(0.5) ? 3 : 4
            guard case .int(let a) = t.columns[column].storage else { continue }
            let v: Int64 = column == 3 ? g.pick([.min, -1, 0, 6, 9, .max]) : Int64(g.int(-4...13))
            inputs.insert(.compare(a, g.pick(Self.ops), v, nil), at: g.int(0...inputs.count))
        }
        let blocks = CountGrid.Blocks(inputs)
        let fused = try #require(CountGrid.Fused(layout, inputs, blocks), "seed \(seed)")
        let cut = g.int(0...n)
        for ranges in [[0..<n], [0..<cut, cut..<n]] {
            for firstRows in [true, false] {
                for r in ranges {
                    let got = try #require(fused.fill(space: layout.space, blocks: blocks.total, rows: r, firstRows: firstRows, shouldStop: { false }))
                    let expected = try #require(CountGrid.fillChunks(layout, inputs, blocks, rows: r, firstRows: firstRows, shouldStop: { false }))
                    #expect(got.cells == expected.cells && got.first == expected.first, "seed \(seed), rows \(r), first rows \(firstRows)")
                }
            }
        }
    }

    @Test func declinesNullsBooleansAndMoreThanTwoComparisons() throws {
        var g = SeededGenerator(seed: 5)
        let t = Self.table(&g, rows: 50)
        let ev = Evaluator(table: t, settings: QuerySettings())
        let layout = try #require(try OrderedGrouping.Layout([.column(0, .text), .datePart(.year, .column(1, .period))], order: [(0, false), (1, false)], ev))
        guard case .int(let a) = t.columns[3].storage else { return }
        let compare = OrderedCounts.Input.compare(a, .less, 3, nil)
        #expect(CountGrid.Fused(layout, [.rows, compare, compare], CountGrid.Blocks([.rows, compare, compare])) != nil)
        for inputs in [
            [compare, compare, compare], [.rows, .compare(a, .less, 3, Bitmap(count: 50, value: true))], [.bool(Array(repeating: true, count: 50), nil)],
        ] {
            #expect(CountGrid.Fused(layout, inputs, CountGrid.Blocks(inputs)) == nil)
        }
        // A key column with nulls (or an int key) is read the chunked way.
        var validity = Bitmap(count: 50, value: true)
        validity[3] = false
        let nullable = Table(columns: [Column(name: "t", storage: t.columns[0].storage, validity: validity)] + t.columns.dropFirst(), rowCount: 50)
        let withNulls = try #require(
            try OrderedGrouping.Layout(
                [.column(0, .text), .datePart(.year, .column(1, .period))], order: [(0, false), (1, false)],
                Evaluator(table: nullable, settings: QuerySettings())))
        #expect(CountGrid.Fused(withNulls, [.rows], CountGrid.Blocks([.rows])) == nil)
        let ints = try #require(try OrderedGrouping.Layout([.column(0, .text), .column(4, .int)], order: [(0, false), (1, false)], ev))
        #expect(CountGrid.Fused(ints, [.rows], CountGrid.Blocks([.rows])) == nil)
    }

    /// Cancelled between blocks of 64K rows, as the chunked fill is.
    @Test func stopsWhenAsked() throws {
        var g = SeededGenerator(seed: 9)
        let t = Self.table(&g, rows: 70_000)
        let layout = try #require(
            try OrderedGrouping.Layout(
                [.column(0, .text), .datePart(.year, .column(1, .period))], order: [(0, false), (1, false)], Evaluator(table: t, settings: QuerySettings())))
        let fused = try #require(CountGrid.Fused(layout, [.rows], CountGrid.Blocks([.rows])))
        #expect(fused.fill(space: layout.space, blocks: 1, rows: 0..<70_000, firstRows: true, shouldStop: { true }) == nil)
        #expect(fused.fill(space: layout.space, blocks: 1, rows: 0..<60_000, firstRows: true, shouldStop: { true }) != nil)
    }
}
