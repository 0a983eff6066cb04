import RealizeStore

/// One range's part of ``SemiJoinAggregate``: over a dense grid of group cells, the range's selected rows (those
/// whose key code meets a right row, see ``SemiJoinSelection``), the first of them (when the groups come in order
/// of first appearance), and per summed decimal column the exact sum of its 64-bit units (the low 64 bits and a
/// count of wraps, as ``NarrowPartial`` keeps them) with its non-null rows.
///
/// The selected rows are read a chunk at a time: their cells are placed a key at a time, then each column summed.
struct SemiJoinGrid: Sendable {
    /// Per cell, the rows that met a right row.
    var rows: [Int64]
    /// Per cell, the first such row (`Int.max` for none); empty when not asked for.
    var first: [Int]
    /// Per summed column, per cell: the low 64 bits of the sum.
    var low: [[Int64]]
    /// Per summed column, per cell: the sum's wraps (±2^64).
    var wraps: [[Int64]]
    /// Per summed column, per cell: its non-null rows (empty for a column without a validity bitmap).
    var seen: [[Int64]]

    /// The selected rows placed per chunk: their cells stay in the first-level cache.
    static let chunk = 2048

    /// What every range reads: the group cells' tables and the summed columns.
    struct Input: Sendable {
        /// The group keys' indices, each with its column and its table: the cell contribution of each index.
        var keys: [(source: OrderedGrouping.SourceIndex, column: Column, table: [UInt32])]
        /// The number of cells.
        var space: Int
        /// The summed columns' 64-bit units and validity.
        var sums: [(units: [Int64], validity: Bitmap?)]
        /// Whether each cell's first row is kept (groups in order of first appearance).
        var firstRows: Bool
    }

    /// The grid of the `selected` rows; nil when `shouldStop` (asked every 64K rows) said yes.
    init?(_ input: Input, selected: [Int], shouldStop: () -> Bool) {
        let space = input.space
        rows = [Int64](repeating: 0, count: space)
        first = input.firstRows ? [Int](repeating: .max, count: space) : []
        low = input.sums.map { _ in [Int64](repeating: 0, count: space) }
        wraps = low
        seen = input.sums.map { $0.validity == nil ? [] : [Int64](repeating: 0, count: space) }
        var cells = [UInt32](repeating: 0, count: Self.chunk)
        var start = 0
        while start < selected.count {
            if start > 0, start & 0xFFFF == 0, shouldStop() { return nil }
            let end = min(selected.count, start + Self.chunk)
            selected.withUnsafeBufferPointer { all in
                let sel = UnsafeBufferPointer(rebasing: all[start..<end])
                cells.withUnsafeMutableBufferPointer { cell in
                    for (j, key) in input.keys.enumerated() { key.source.place(key.column, key.table, sel, into: cell, first: j == 0) }
                }
                add(sel, cells, input)
            }
            start = end
        }
    }

    /// Counts the selected rows `sel` into their cells, keeps first rows, and adds their units into the sums.
    private mutating func add(_ sel: UnsafeBufferPointer<Int>, _ cells: [UInt32], _ input: Input) {
        let k = sel.count
        cells.withUnsafeBufferPointer { cell in
            rows.withUnsafeMutableBufferPointer { r in
                for m in 0..<k { r[Int(cell[m])] &+= 1 }
            }
            if input.firstRows {
                first.withUnsafeMutableBufferPointer { f in
                    for m in 0..<k where f[Int(cell[m])] == .max { f[Int(cell[m])] = sel[m] }
                }
            }
            for (s, column) in input.sums.enumerated() {
                Self.sum(column.units, column.validity, sel, cell, k, &low[s], &wraps[s], &seen[s])
            }
        }
    }

    /// Adds `x` at the selected rows into the cells' low words and wraps (and their non-null counts).
    private static func sum(
        _ x: [Int64], _ validity: Bitmap?, _ sel: UnsafeBufferPointer<Int>, _ cell: UnsafeBufferPointer<UInt32>, _ k: Int,
        _ low: inout [Int64], _ wraps: inout [Int64], _ seen: inout [Int64]
    ) {
        x.withUnsafeBufferPointer { x in
            low.withUnsafeMutableBufferPointer { s in
                wraps.withUnsafeMutableBufferPointer { wr in
                    guard let v = validity else {
                        for m in 0..<k {
                            let (c, u) = (Int(cell[m]), x[sel[m]])
                            let (r, o) = s[c].addingReportingOverflow(u)
                            s[c] = r
                            if o { wr[c] &+= u < 0 ? -1 : 1 }
                        }
                        return
                    }
                    seen.withUnsafeMutableBufferPointer { n in
                        v.words.withUnsafeBufferPointer { w in
                            for m in 0..<k {
                                let i = sel[m]
                                guard w[i >> 6] & (1 << UInt64(i & 63)) != 0 else { continue }
                                let (c, u) = (Int(cell[m]), x[i])
                                let (r, o) = s[c].addingReportingOverflow(u)
                                s[c] = r
                                if o { wr[c] &+= u < 0 ? -1 : 1 }
                                n[c] &+= 1
                            }
                        }
                    }
                }
            }
        }
    }
}

extension OrderedGrouping.SourceIndex {
    /// `cells[m] = table[index(rows[m])]` (`+=` when not `first`) for the selected rows of `column` (this index's
    /// column or the column it was ranged over, see ``readRows(_:bounds:)``): the group cell of each, a key at a
    /// time, as ``add(_:rows:into:first:)`` does for a range of rows.
    func place(_ column: Column, _ table: [UInt32], _ rows: UnsafeBufferPointer<Int>, into cells: UnsafeMutableBufferPointer<UInt32>, first: Bool) {
        switch column.storage {
        case .text(let codes, _): place(codes, column.validity, table, rows, cells, first) { Int($0) }
        case .bool(let a): place(a, column.validity, table, rows, cells, first) { $0 ? 1 : 0 }
        case .int(let a):
            let l = lo
            place(a, column.validity, table, rows, cells, first) { Int($0 &- l) }
        case .date(let a), .period(let a):
            let l = lo
            place(a, column.validity, table, rows, cells, first) { Int(Int64($0) &- l) }
        case .decimal, .double: break
        }
    }

    @inline(__always) private func place<T>(
        _ a: [T], _ validity: Bitmap?, _ table: [UInt32], _ rows: UnsafeBufferPointer<Int>, _ p: UnsafeMutableBufferPointer<UInt32>, _ first: Bool,
        index: (T) -> Int
    ) {
        let nullSlot = values
        let words = validity?.words
        a.withUnsafeBufferPointer { x in
            table.withUnsafeBufferPointer { t in
                guard let words else {
                    if first {
                        for m in rows.indices { p[m] = t[index(x[rows[m]])] }
                    } else {
                        for m in rows.indices { p[m] &+= t[index(x[rows[m]])] }
                    }
                    return
                }
                words.withUnsafeBufferPointer { w in
                    for m in rows.indices {
                        let i = rows[m]
                        let valid = w[i >> 6] & (1 << UInt64(i & 63)) != 0
                        let v = t[valid ? index(x[i]) : nullSlot]
                        p[m] = first ? v : p[m] &+ v
                    }
                }
            }
        }
    }
}
