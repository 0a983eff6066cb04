import RealizeStore

extension CountGrid {
    /// ``CountGrid/fill(_:_:_:rows:firstRows:shouldStop:)`` in one pass over the rows for its common shape: one or two
    /// key sources of 32-bit values without nulls (dictionary codes, dates, periods) and at most two comparisons of
    /// int columns without nulls (`sum(score >= 9)`). Each row's packed key is read from the tables and counted at
    /// once, with no chunk of packed keys written and read back for each aggregate (Q4 medium: about 30
    /// instructions a row in four passes, against about 20 in this one).
    struct Fused {
        /// A source's values as 32-bit patterns, and the pattern subtracted to give their index (0 for codes).
        private var sources: [(values: Source, lo: UInt32, table: [UInt32])]
        private var tests: [RangeTest]

        /// The 32-bit values of a source.
        private enum Source {
            case codes([UInt32])
            case days([Int32])

            /// Calls `body` with the values as 32-bit patterns (a date's or period's `Int32` read as `UInt32`).
            @inline(__always) func withUInt32(_ body: (UnsafeBufferPointer<UInt32>) -> Void) {
                switch self {
                case .codes(let a): a.withUnsafeBufferPointer(body)
                case .days(let a): a.withUnsafeBufferPointer { $0.withMemoryRebound(to: UInt32.self, body) }
                }
            }
        }

        /// `a[i] op v` as a range of values: true where `a[i] &- lo`, read unsigned, is at most `width`. `!=` is
        /// counted as `=` and `complement`ed afterwards (the rows less the equal ones), as is a test true of no value
        /// (`< Int64.min`), counted as one true of every value.
        private struct RangeTest {
            var values: [Int64]
            var lo: Int64
            var width: UInt64
            var complement: Bool
            /// The test's block in the grid.
            var block: Int

            init?(_ values: [Int64], _ op: BinaryOperator, _ v: Int64, block: Int) {
                (self.values, self.block, complement) = (values, block, false)
                let every: (lo: Int64, width: UInt64) = (.min, .max)
                switch op {
                case .equal: (lo, width) = (v, 0)
                case .notEqual: (lo, width, complement) = (v, 0, true)
                case .less where v == .min, .greater where v == .max: ((lo, width), complement) = (every, true)
                case .less: (lo, width) = (.min, UInt64(bitPattern: (v - 1) &- .min))
                case .lessOrEqual: (lo, width) = (.min, UInt64(bitPattern: v &- .min))
                case .greater: (lo, width) = (v + 1, UInt64(bitPattern: Int64.max &- (v + 1)))
                case .greaterOrEqual: (lo, width) = (v, UInt64(bitPattern: Int64.max &- v))
                default: return nil
                }
            }
        }

        /// The fused pass over `layout` and `inputs`, or nil when they do not have its shape.
        init?(_ layout: OrderedGrouping.Layout, _ inputs: [OrderedCounts.Input], _ blocks: Blocks) {
            guard (1...2).contains(layout.sources.count) else { return nil }
            sources = []
            for (j, s) in layout.sources.enumerated() {
                guard s.column.validity == nil else { return nil }
                switch s.column.storage {
                case .text(let codes, _): sources.append((.codes(codes), 0, layout.tables[j]))
                case .date(let days), .period(let days): sources.append((.days(days), UInt32(truncatingIfNeeded: s.lo), layout.tables[j]))
                default: return nil
                }
            }
            tests = []
            for (j, input) in inputs.enumerated() {
                switch input {
                case .rows: continue
                case .compare(let a, let op, let v, nil):
                    guard let t = RangeTest(a, op, v, block: blocks.count[j]) else { return nil }
                    tests.append(t)
                default: return nil
                }
            }
            guard tests.count <= 2 else { return nil }
        }

        /// The grid of `rows` (see ``CountGrid/fill(_:_:_:rows:firstRows:shouldStop:)``); nil when `shouldStop`
        /// (asked every 64K rows) said yes.
        func fill(space: Int, blocks: Int, rows: Range<Int>, firstRows: Bool, shouldStop: () -> Bool) -> CountGrid? {
            var g = CountGrid(
                cells: [Int64](repeating: 0, count: space * blocks), first: [Int](repeating: -1, count: firstRows ? space : 0), space: space)
            var stopped = false
            g.cells.withUnsafeMutableBufferPointer { cells in
                g.first.withUnsafeMutableBufferPointer { first in
                    withKeys { key in
                        // The blocks from the last, as their rows (see `tally`).
                        for (n, start) in stride(from: rows.lowerBound, to: rows.upperBound, by: 1 << 16).reversed().enumerated() {
                            if n > 0, shouldStop() {
                                stopped = true
                                return
                            }
                            let part = start..<min(start + (1 << 16), rows.upperBound)
                            countRows(part, cells.baseAddress!, firstRows ? first.baseAddress : nil, space: space, key: key)
                        }
                    }
                    // A complemented count is the rows less the count taken.
                    for t in tests where t.complement {
                        let c = cells.baseAddress! + t.block * space
                        for k in 0..<space { c[k] = cells[k] &- c[k] }
                    }
                }
            }
            return stopped ? nil : g
        }

        /// Calls `body` with the packed key of a row.
        @inline(__always) private func withKeys(_ body: ((Int) -> Int) -> Void) {
            sources[0].values.withUInt32 { a in
                sources[0].table.withUnsafeBufferPointer { ta in
                    let la = sources[0].lo
                    guard sources.count == 2 else { return body { Int(ta[Int(a[$0] &- la)]) } }
                    sources[1].values.withUInt32 { b in
                        sources[1].table.withUnsafeBufferPointer { tb in
                            let lb = sources[1].lo
                            body { Int(ta[Int(a[$0] &- la)] &+ tb[Int(b[$0] &- lb)]) }
                        }
                    }
                }
            }
        }

        /// Counts `rows` into the grid at `c`: the rows of each key in block 0 (noting the first in `first`), and
        /// each test's true rows in its block.
        @inline(__always) private func countRows(
            _ rows: Range<Int>, _ c: UnsafeMutablePointer<Int64>, _ first: UnsafeMutablePointer<Int>?, space: Int, key: (Int) -> Int
        ) {
            switch tests.count {
            case 0: tally(rows, c, first, key) { _, _ in }
            case 1:
                let t = tests[0]
                t.values.withUnsafeBufferPointer { x in
                    let c0 = c + t.block * space
                    tally(rows, c, first, key) { i, k in c0[k] &+= UInt64(bitPattern: x[i] &- t.lo) <= t.width ? 1 : 0 }
                }
            default:
                let (t, u) = (tests[0], tests[1])
                t.values.withUnsafeBufferPointer { x in
                    u.values.withUnsafeBufferPointer { y in
                        let (c0, c1) = (c + t.block * space, c + u.block * space)
                        tally(rows, c, first, key) { i, k in
                            c0[k] &+= UInt64(bitPattern: x[i] &- t.lo) <= t.width ? 1 : 0
                            c1[k] &+= UInt64(bitPattern: y[i] &- u.lo) <= u.width ? 1 : 0
                        }
                    }
                }
            }
        }

        /// For each row of `rows`: its key's size in `sizes` (and its first row when `first` is given), then `tests`.
        ///
        /// With first rows, the rows are read from the last to the first, so that a key's first row is the last one
        /// written to it: a store a row rather than a test of the key's size (every row of the range is written
        /// before the blocks before it are).
        @inline(__always) private func tally(
            _ rows: Range<Int>, _ sizes: UnsafeMutablePointer<Int64>, _ first: UnsafeMutablePointer<Int>?, _ key: (Int) -> Int,
            tests: (Int, Int) -> Void
        ) {
            guard let first else {
                for i in rows {
                    let k = key(i)
                    sizes[k] &+= 1
                    tests(i, k)
                }
                return
            }
            var i = rows.upperBound
            while i > rows.lowerBound {
                i &-= 1
                let k = key(i)
                first[k] = i
                sizes[k] &+= 1
                tests(i, k)
            }
        }
    }
}
