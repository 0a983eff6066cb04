import RealizeStore

/// ``OrderedCounts`` counted over the keys' source columns rather than over the packed keys: each row's cell is its
/// sources' indices (dictionary code, value minus the minimum, the null slot) in mixed radix, the first source most
/// significant, so no first row is kept per row; the small source grid is then coarsened to the packed keys (a
/// date part is a function of its source's value: every source cell falls in one key), and the key columns are
/// built from one source cell of each key.
struct SourceGrid: Sendable {
    /// The packed keys' layout.
    let keys: OrderedGrouping.Layout
    /// The same sources with identity tables: the source cell of each row.
    let cells: OrderedGrouping.Layout

    /// The source grid of `keys`, or nil when the source cells pass ``OrderedCounts/spaceLimit``, twice the rows or twice
    /// the packed key space.
    init?(_ keys: OrderedGrouping.Layout, rows: Int) {
        var layout = keys
        var space = 1
        for j in keys.sources.indices.reversed() {
            let m = UInt32(space)
            layout.tables[j] = (0..<keys.sources[j].size).map { UInt32($0) &* m }
            let (p, wide) = space.multipliedReportingOverflow(by: keys.sources[j].size)
            guard !wide, p <= min(OrderedCounts.spaceLimit, max(2 * rows, 4096)) else { return nil }
            space = p
        }
        // Many more source cells than keys cost more to clear, merge and coarsen than the first rows save (Q4
        // medium: 36K source cells for 12K keys measured 19.8M instructions against 16.9M per packed key); every
        // source has a null slot, so twice the keys are allowed.
        guard space <= 2 * keys.space else { return nil }
        layout.space = space
        (self.keys, cells) = (keys, layout)
    }

    /// The packed key of each source cell (the keys' tables added in mixed radix, the first source most significant).
    func keyOfCell() -> [UInt32] {
        var keyOf: [UInt32] = [0]
        for t in keys.tables {
            var next = [UInt32]()
            next.reserveCapacity(keyOf.count * t.count)
            for base in keyOf { for v in t { next.append(base &+ v) } }
            keyOf = next
        }
        return keyOf
    }

    /// The counts of `grid` (over the source cells, `blocks` blocks) added per packed key, in blocks of
    /// `keys.space` cells, and the first source cell of each packed key (-1 without rows).
    func coarsened(_ grid: CountGrid, blocks: Int) -> (cells: [Int64], representative: [Int]) {
        let (space, sourceSpace) = (keys.space, cells.space)
        var out = [Int64](repeating: 0, count: space * blocks)
        var representative = [Int](repeating: -1, count: space)
        let keyOf = keyOfCell()
        grid.cells.withUnsafeBufferPointer { g in
            out.withUnsafeMutableBufferPointer { o in
                representative.withUnsafeMutableBufferPointer { r in
                    keyOf.withUnsafeBufferPointer { kc in
                        for c in 0..<sourceSpace where g[c] > 0 {
                            let k = Int(kc[c])
                            if r[k] < 0 { r[k] = c }
                            for b in 0..<blocks { o[b &* space &+ k] &+= g[b &* sourceSpace &+ c] }
                        }
                    }
                }
            }
        }
        return (out, representative)
    }

    /// The key columns at the source cells `at` (one per group), in the order of the keys.
    func keyColumns(at cellsOfGroups: [Int], fiscalStart fs: Int) -> [Column] {
        var stride = cells.space
        let sources = keys.sources.map { s -> Column in
            stride /= s.size
            let (d, n) = (stride, s.size)
            return Self.column(s, at: cellsOfGroups.map { $0 / d % n })
        }
        return keys.parts.indices.map { k -> Column in
            let source = sources[keys.sourceOf[k]]
            return keys.parts[k].map { $0.evaluate(source, rows: source.count, fiscalStart: fs) } ?? source
        }
    }

    /// The rows of `s`'s column whose indices are `idx` (the null slot a null, with a bitmap whenever the column
    /// has one, as a gather gives).
    static func column(_ s: OrderedGrouping.SourceIndex, at idx: [Int]) -> Column {
        var validity: Bitmap? = nil
        if s.column.validity != nil {
            var b = Bitmap(count: idx.count, value: false)
            for (k, i) in idx.enumerated() where i < s.values { b[k] = true }
            validity = b
        }
        // A null takes the first value's index (its value is never read).
        let (values, lo) = (s.values, s.lo)
        let storage: ColumnStorage
        switch s.column.storage {
        case .text(_, let dictionary): storage = .text(codes: idx.map { $0 < values ? UInt32(truncatingIfNeeded: $0) : 0 }, dictionary: dictionary)
        case .bool: storage = .bool(idx.map { $0 == 1 })
        case .int: storage = .int(idx.map { lo &+ Int64($0 < values ? $0 : 0) })
        case .date: storage = .date(idx.map { Int32(truncatingIfNeeded: lo &+ Int64($0 < values ? $0 : 0)) })
        case .period: storage = .period(idx.map { Int32(truncatingIfNeeded: lo &+ Int64($0 < values ? $0 : 0)) })
        case .decimal, .double: storage = s.column.storage
        }
        return Column(name: s.column.name, storage: storage, validity: validity, display: s.column.display)
    }
}
