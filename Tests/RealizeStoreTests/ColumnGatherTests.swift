import RealizeStore
import RealizeTestSupport
import Testing

/// `Column.gather` builds its validity word by word: against `value(at:)` row by row, with nulls in the source and
/// -1 indices (null rows of outer joins), over several storages and lengths that end mid-word.
@Suite struct ColumnGatherTests {
    static func column(_ rng: inout SeededGenerator, rows: Int, type: DataType) -> Column {
        let values: [Value] = (0..<rows).map { k in
            if Int.random(in: 0..<4, using: &rng) == 0 { return .null }
            switch type {
            case .text: return .text("t\(Int.random(in: 0..<5, using: &rng))")
            case .decimal: return .decimal(FixedDecimal(units: Int128(k) * 7 - 300, scale: 2))
            default: return .int(Int64(k) - 50)
            }
        }
        return Column(name: "c", type: type, values: values)
    }

    @Test func gatherMatchesRowByRow() {
        var rng = SeededGenerator(seed: 0x6A7)
        for _ in 0..<300 {
            let rows = Int.random(in: 0...200, using: &rng)
            let type = [DataType.int, .text, .decimal].randomElement(using: &rng)!
            let c = Self.column(&rng, rows: rows, type: type)
            let n = Int.random(in: 0...150, using: &rng)
            let indices = (0..<n).map { _ in rows == 0 || Int.random(in: 0..<5, using: &rng) == 0 ? -1 : Int.random(in: 0..<rows, using: &rng) }
            let g = rows == 0 ? nil : c.gather(indices)
            guard let g else { continue }
            #expect(g.count == n)
            #expect(g.invariantViolation() == nil)
            for (k, i) in indices.enumerated() {
                let want: Value = i < 0 ? .null : c.value(at: i)
                #expect(g.value(at: k) == want, "row \(k) from \(i)")
                #expect(g.isNull(k) == (i < 0 || c.isNull(i)))
            }
        }
    }
}

/// A gather told to stop (Ctrl-C in a sort of millions of rows) stops within a million rows: the rows
/// before are gathered, the rest are placeholders, and the column keeps its length.
@Suite struct StoppableGatherTests {
    @Test func stopsAtTheNextMillionRows() {
        let rows = 2_500_000
        let column = Column(name: "n", storage: .int((0..<rows).map(Int64.init)))
        let order = Array((0..<rows).reversed())
        var asked = 0
        let stopped = column.gather(order) {
            asked += 1; return true
        }
        #expect(asked == 1)
        #expect(stopped.count == rows)
        guard case .int(let a) = stopped.storage else {
            Issue.record("not an int column")
            return
        }
        #expect(a[0] == Int64(rows - 1) && a[(1 << 20) - 1] == Int64(rows - (1 << 20)))
        #expect(a[1 << 20] == 0 && a[rows - 1] == 0)
        let table = Table(columns: [column, column.renamed("m")], rowCount: rows)
        #expect(table.gather(order) { true } == nil)
        #expect(table.gather(order) { false }?.rowCount == rows)
        let whole = column.gather(order) { false }
        guard case .int(let b) = whole.storage else { return }
        #expect(b == order.map(Int64.init))
    }
}
