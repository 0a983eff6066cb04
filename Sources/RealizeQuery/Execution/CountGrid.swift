import RealizeStore

/// One range's counts for ``OrderedCounts``, dense over the packed key space, in blocks of `space` cells: block 0
/// the rows of each key, then per counted aggregate the rows where its predicate holds and, with a validity
/// bitmap, the valid rows; and the first row of each key.
struct CountGrid: Sendable {
    var cells: [Int64]
    /// The first row of each key (-1 for a key without rows); empty when the grid does not keep them.
    var first: [Int]
    /// The size of the packed key space.
    let space: Int

    /// Where each aggregate's counts and valid rows are in the blocks of a grid (0 for `count()`: the sizes).
    struct Blocks: Sendable {
        var count: [Int]
        /// Nil where the aggregate's input has no validity bitmap.
        var seen: [Int?]
        var total: Int

        init(_ inputs: [OrderedCounts.Input]) {
            (count, seen, total) = ([], [], 1)
            for input in inputs {
                switch input {
                case .rows:
                    count.append(0)
                    seen.append(nil)
                case .compare(_, _, _, let valid), .bool(_, let valid):
                    count.append(total)
                    seen.append(valid == nil ? nil : total + 1)
                    total += valid == nil ? 1 : 2
                }
            }
        }
    }

    /// The rows of a chunk: its packed keys sit in a buffer small enough to stay in the first-level cache.
    static let chunk = 2048

    /// The grid of `rows` (with the first row of each key when `firstRows`); nil when `shouldStop` (asked every 64K
    /// rows) said yes. In one pass over the rows when they have the shape of ``Fused``, else a chunk at a time.
    static func fill(
        _ layout: OrderedGrouping.Layout, _ inputs: [OrderedCounts.Input], _ blocks: Blocks, rows: Range<Int>, firstRows: Bool = true,
        shouldStop: () -> Bool
    ) -> CountGrid? {
        if let fused = Fused(layout, inputs, blocks) {
            return fused.fill(space: layout.space, blocks: blocks.total, rows: rows, firstRows: firstRows, shouldStop: shouldStop)
        }
        return fillChunks(layout, inputs, blocks, rows: rows, firstRows: firstRows, shouldStop: shouldStop)
    }

    /// ``fill(_:_:_:rows:firstRows:shouldStop:)`` for any keys and counts: a chunk's packed keys are written to a
    /// buffer, then counted once per aggregate.
    static func fillChunks(
        _ layout: OrderedGrouping.Layout, _ inputs: [OrderedCounts.Input], _ blocks: Blocks, rows: Range<Int>, firstRows: Bool,
        shouldStop: () -> Bool
    ) -> CountGrid? {
        let space = layout.space
        var g = CountGrid(
            cells: [Int64](repeating: 0, count: space * blocks.total), first: [Int](repeating: -1, count: firstRows ? space : 0), space: space)
        var buffer = [UInt32](repeating: 0, count: min(chunk, rows.count))
        var stopped = false
        g.cells.withUnsafeMutableBufferPointer { cells in
            g.first.withUnsafeMutableBufferPointer { first in
                buffer.withUnsafeMutableBufferPointer { p in
                    for start in stride(from: rows.lowerBound, to: rows.upperBound, by: chunk) {
                        if start > rows.lowerBound, (start - rows.lowerBound) & 0xFFFF == 0, shouldStop() {
                            stopped = true
                            return
                        }
                        let part = start..<min(start + chunk, rows.upperBound)
                        layout.pack(part, into: p)
                        if firstRows {
                            tallyRows(cells.baseAddress!, first, p, part)
                        } else {
                            tallySizes(cells.baseAddress!, p, part.count)
                        }
                        for (j, input) in inputs.enumerated() {
                            let c = cells.baseAddress! + blocks.count[j] * space
                            let s = blocks.seen[j].map { cells.baseAddress! + $0 * space }
                            switch input {
                            case .rows: continue
                            case .compare(let a, let op, let v, let valid): compare(c, s, a, op, v, valid, p, part)
                            case .bool(let a, let valid): tally(c, s, a, valid, p, part) { $0 }
                            }
                        }
                    }
                }
            }
        }
        return stopped ? nil : g
    }

    /// The grids of the ranges (none nil) added in range order (the first rows from the first range that has the key).
    static func merged(_ grids: inout [CountGrid?]) -> CountGrid {
        // Taken out of the array, the first grid's buffers are not shared, and are added to in place.
        var m = grids[0]!
        grids[0] = nil
        for case let g? in grids.dropFirst() {
            m.cells.withUnsafeMutableBufferPointer { mc in
                m.first.withUnsafeMutableBufferPointer { mf in
                    g.cells.withUnsafeBufferPointer { gc in
                        g.first.withUnsafeBufferPointer { gf in
                            if !mf.isEmpty { for k in 0..<m.space where mc[k] == 0 { mf[k] = gf[k] } }
                            for i in 0..<mc.count { mc[i] &+= gc[i] }
                        }
                    }
                }
            }
        }
        return m
    }

    /// Counts the rows of each packed key in `p` (the keys of `rows`) into `sizes`, noting the first.
    private static func tallyRows(
        _ sizes: UnsafeMutablePointer<Int64>, _ first: UnsafeMutableBufferPointer<Int>, _ p: UnsafeMutableBufferPointer<UInt32>, _ rows: Range<Int>
    ) {
        let base = rows.lowerBound
        for i in 0..<rows.count {
            let k = Int(p[i])
            if sizes[k] == 0 { first[k] = base &+ i }
            sizes[k] &+= 1
        }
    }

    /// Counts the rows of each packed key in `p[0..<n]` into `sizes`.
    private static func tallySizes(_ sizes: UnsafeMutablePointer<Int64>, _ p: UnsafeMutableBufferPointer<UInt32>, _ n: Int) {
        for i in 0..<n { sizes[Int(p[i])] &+= 1 }
    }

    private static func compare(
        _ c: UnsafeMutablePointer<Int64>, _ s: UnsafeMutablePointer<Int64>?, _ a: [Int64], _ op: BinaryOperator, _ v: Int64, _ valid: Bitmap?,
        _ p: UnsafeMutableBufferPointer<UInt32>, _ rows: Range<Int>
    ) {
        switch op {
        case .equal: tally(c, s, a, valid, p, rows) { $0 == v }
        case .notEqual: tally(c, s, a, valid, p, rows) { $0 != v }
        case .less: tally(c, s, a, valid, p, rows) { $0 < v }
        case .lessOrEqual: tally(c, s, a, valid, p, rows) { $0 <= v }
        case .greater: tally(c, s, a, valid, p, rows) { $0 > v }
        default: tally(c, s, a, valid, p, rows) { $0 >= v }
        }
    }

    /// Adds `isTrue(a[i])` of each valid row of `rows` to its key's count in `c` (and the row to its valid rows in
    /// `s` when there is a bitmap).
    @inline(__always) private static func tally<T>(
        _ c: UnsafeMutablePointer<Int64>, _ s: UnsafeMutablePointer<Int64>?, _ a: [T], _ validity: Bitmap?, _ p: UnsafeMutableBufferPointer<UInt32>,
        _ rows: Range<Int>, isTrue: (T) -> Bool
    ) {
        let base = rows.lowerBound
        a.withUnsafeBufferPointer { x in
            guard let validity, let s else {
                for i in 0..<rows.count { c[Int(p[i])] &+= isTrue(x[base &+ i]) ? 1 : 0 }
                return
            }
            validity.words.withUnsafeBufferPointer { w in
                for i in rows where w[i >> 6] & (1 << UInt64(i & 63)) != 0 {
                    let k = Int(p[i &- base])
                    s[k] &+= 1
                    c[k] &+= isTrue(x[i]) ? 1 : 0
                }
            }
        }
    }
}
