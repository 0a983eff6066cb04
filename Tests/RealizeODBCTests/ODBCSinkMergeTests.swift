import RealizeStore
import Testing

@testable import RealizeODBC

/// Appending the sinks of a result's later rows gives what appending those rows one by one would:
/// the same codes, dictionary order, units, scale and nulls (the two-part table load relies on it).
struct ODBCSinkMergeTests {
    private func append(_ text: String?, to column: inout ODBCTextColumn) {
        guard let text else { return column.appendNull() }
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { column.append(UnsafeRawBufferPointer($0)) }
    }

    @Test(arguments: [0, 1, 7, 500, 999, 1000])
    func textInTwoPartsIsTextInOne(split: Int) {
        var state: UInt64 = 12_345
        let values: [String?] = (0..<1000).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let k = Int(state >> 33) % 60
            return k == 0 ? nil : k == 1 ? "" : "P\(k % 41)é"
        }
        var whole = ODBCTextColumn()
        var first = ODBCTextColumn()
        var second = ODBCTextColumn()
        for (i, v) in values.enumerated() {
            append(v, to: &whole)
            if i < split { append(v, to: &first) } else { append(v, to: &second) }
        }
        first.append(contentsOf: second)
        #expect(sameColumns(first.finish(name: "t"), whole.finish(name: "t")))
    }

    @Test func onlyNullsBeforeTextAfter() {
        var whole = ODBCTextColumn()
        var first = ODBCTextColumn()
        var second = ODBCTextColumn()
        for v in [nil, nil] as [String?] { append(v, to: &whole); append(v, to: &first) }
        for v in ["a", nil, "b", "a"] as [String?] { append(v, to: &whole); append(v, to: &second) }
        first.append(contentsOf: second)
        #expect(sameColumns(first.finish(name: "t"), whole.finish(name: "t")))
    }

    /// Scales: one scale on both sides, nulls only on one side, another scale on the second side,
    /// several scales within one side.
    @Test(
        arguments: [
            [[2, 2, nil], [2, nil, 2]], [[nil, nil], [3, 3]], [[1, 1], [nil]], [[2, 2], [4, 4]],
            [[2, 0, 2], [2, 2]], [[2, 2], [3, 1, nil, 3]], [[], [2, 5]],
        ] as [[[Int?]]])
    func decimalsInTwoPartsAreDecimalsInOne(scales: [[Int?]]) {
        var whole = ODBCDecimalColumn()
        var parts = [ODBCDecimalColumn(), ODBCDecimalColumn()]
        for (p, part) in scales.enumerated() {
            for (i, s) in part.enumerated() {
                if let s {
                    let d = FixedDecimal(units: Int128(1234 + i * 7 - p * 5000), scale: s)
                    whole.append(d)
                    parts[p].append(d)
                } else {
                    whole.appendNull()
                    parts[p].appendNull()
                }
            }
        }
        parts[0].append(contentsOf: parts[1])
        let joined = parts[0].finish(name: "n")
        let single = whole.finish(name: "n")
        #expect(sameColumns(joined, single))
        #expect((0..<single.count).map { joined.value(at: $0) } == (0..<single.count).map { single.value(at: $0) })
    }

    @Test func otherTypesGoThroughTheBuilder() {
        let plan = ODBCColumnPlan(name: "d", sqlType: 91, size: 10)
        var whole = ODBCColumnSink(plan: plan)
        var first = ODBCColumnSink(plan: plan)
        var second = ODBCColumnSink(plan: plan)
        for i in 0..<10 {
            let v: Value = i == 3 || i == 8 ? .null : .date(Int32(19_000 + i))
            whole.builder.append(v)
            if i < 5 { first.builder.append(v) } else { second.builder.append(v) }
        }
        first.append(contentsOf: second)
        #expect(sameColumns(first.finish(), whole.finish()))
    }

    @Test func aRowErrorOfTheSecondPartCountsFromTheTablesFirstRow() {
        let error = ODBCError(.fetch, row: 12, message: "`1e40` in column `n` (row 12) is not a decimal Realize can hold exactly")
        let moved = error.movingRows(by: 1000)
        #expect(moved.row == 1012)
        #expect(moved.message == "`1e40` in column `n` (row 1012) is not a decimal Realize can hold exactly")
        let server = ODBCError(.fetch, sqlState: "22012", message: "division by zero")
        #expect(server.movingRows(by: 1000) == server)
    }
}
