import RealizeStore

/// Dense group ids for rows, by hashing typed key columns (dictionary codes for text; no boxing).
struct Grouping {
    /// Group id of each row, 0..<count, numbered in order of first appearance.
    var groupOf: [Int32]
    var count: Int
    /// The first row of each group.
    var firstRow: [Int]

    /// One group for all rows (`agg` without `by`).
    static func single(rows: Int) -> Grouping {
        Grouping(groupOf: Array(repeating: 0, count: rows), count: 1, firstRow: [0])
    }

    init(groupOf: [Int32], count: Int, firstRow: [Int]) {
        self.groupOf = groupOf
        self.count = count
        self.firstRow = firstRow
    }

    /// Groups rows by the values of `keys` (nulls form a group of their own).
    ///
    /// `shouldStop` is asked between key columns and every 64K rows of the loops that combine them; once it says
    /// yes, the result is one group of all rows, which the caller must drop (it checks its token right after).
    init(keys: [Column], rows: Int, shouldStop: () -> Bool = { false }) {
        guard let first = keys.first, !shouldStop() else { self = .single(rows: rows); return }
        if keys.count == 1, case .text(let codes, let dict) = first.storage, first.validity == nil, codes.count == rows {
            self = .textCodes(codes, dictionaryCount: dict.count)
            return
        }
        // Several small-domain keys: one packed key per row (see Grouping+Packed).
        if keys.count > 1, let packed = Grouping.packed(keys: keys, rows: rows, shouldStop: shouldStop) {
            self = packed
            return
        }
        var ids = Grouping.denseIds(first)
        var card = ids.count
        var groupOf = ids.ids
        for k in keys.dropFirst() {
            let next = Grouping.denseIds(k)
            var combined = [Int32](repeating: 0, count: rows)
            var map: [Int: Int32] = [:]
            var c: Int32 = 0
            if shouldStop() { self = .single(rows: rows); return }
            // A direct-mapped table over the pairs of ids when they are few; a dictionary otherwise.
            let (space, wide) = card.multipliedReportingOverflow(by: next.count)
            var direct = [Int32](repeating: -1, count: !wide && space <= max(rows, 1 << 20) ? space : 0)
            // In chunks of 64K rows, so that the check stays out of the inner loop.
            for chunk in stride(from: 0, to: rows, by: 1 << 16) {
                if chunk > 0, shouldStop() { self = .single(rows: rows); return }
                let end = min(rows, chunk + (1 << 16))
                if !direct.isEmpty {
                    let width = next.count
                    direct.withUnsafeMutableBufferPointer { d in
                        groupOf.withUnsafeBufferPointer { so in
                            next.ids.withUnsafeBufferPointer { nx in
                                combined.withUnsafeMutableBufferPointer { out in
                                    for i in chunk..<end {
                                        let key = Int(so[i]) * width + Int(nx[i])
                                        if d[key] < 0 { d[key] = c; c += 1 }
                                        out[i] = d[key]
                                    }
                                }
                            }
                        }
                    }
                    continue
                }
                for i in chunk..<end {
                    let key = Int(groupOf[i]) * next.count + Int(next.ids[i])
                    if let g = map[key] { combined[i] = g } else { map[key] = c; combined[i] = c; c += 1 }
                }
            }
            groupOf = combined
            card = Int(c)
            ids = (combined, card)
        }
        var firstRow = [Int](repeating: -1, count: card)
        for i in 0..<rows where firstRow[Int(groupOf[i])] < 0 { firstRow[Int(groupOf[i])] = i }
        self.init(groupOf: groupOf, count: card, firstRow: firstRow)
    }

    /// Dense ids of one column's distinct values, in order of first appearance.
    static func denseIds(_ c: Column) -> (ids: [Int32], count: Int) {
        let n = c.count
        var ids = [Int32](repeating: 0, count: n)
        var next: Int32 = 0
        var nullId: Int32 = -1
        func nullGroup() -> Int32 {
            if nullId < 0 { nullId = next; next += 1 }
            return nullId
        }
        switch c.storage {
        case .text(let codes, let dict):
            var map = [Int32](repeating: -1, count: dict.count)
            if c.validity == nil {
                // No nulls: a tight loop over the codes.
                map.withUnsafeMutableBufferPointer { m in
                    codes.withUnsafeBufferPointer { cs in
                        ids.withUnsafeMutableBufferPointer { out in
                            for i in 0..<n {
                                let code = Int(cs[i])
                                if m[code] < 0 { m[code] = next; next += 1 }
                                out[i] = m[code]
                            }
                        }
                    }
                }
                return (ids, Int(next))
            }
            for i in 0..<n {
                if c.isNull(i) { ids[i] = nullGroup(); continue }
                let code = Int(codes[i])
                if map[code] < 0 { map[code] = next; next += 1 }
                ids[i] = map[code]
            }
        case .bool(let a):
            var map: [Int32] = [-1, -1]
            for i in 0..<n {
                if c.isNull(i) { ids[i] = nullGroup(); continue }
                let k = a[i] ? 1 : 0
                if map[k] < 0 { map[k] = next; next += 1 }
                ids[i] = map[k]
            }
        case .date(let a), .period(let a):
            // Small integer domains: a direct-mapped table over the value range when it is compact.
            let lo = a.min() ?? 0, hi = a.max() ?? 0
            if Int(hi) - Int(lo) < 1 << 20 {
                var map = [Int32](repeating: -1, count: Int(hi) - Int(lo) + 1)
                for i in 0..<n {
                    if c.isNull(i) { ids[i] = nullGroup(); continue }
                    let k = Int(a[i] - lo)
                    if map[k] < 0 { map[k] = next; next += 1 }
                    ids[i] = map[k]
                }
            } else {
                return hashed(a.map(Int64.init), c)
            }
        case .int(let a):
            // Small ranges (years, quarters, scores): direct-mapped like dates.
            let lo = a.min() ?? 0, hi = a.max() ?? 0
            let (range, wide) = hi.subtractingReportingOverflow(lo)
            guard !wide, range < 1 << 20 else { return hashed(a, c) }
            if c.validity == nil { return directIds(a, lo: lo, range: Int(range)) }
            var map = [Int32](repeating: -1, count: Int(range) + 1)
            for i in 0..<n {
                if c.isNull(i) { ids[i] = nullGroup(); continue }
                let k = Int(a[i] - lo)
                if map[k] < 0 { map[k] = next; next += 1 }
                ids[i] = map[k]
            }
        case .decimal(let a, _):
            return hashed(DecimalKeys.ordered(a), c)
        case .double(let a):
            return hashed(a.map { Int64(bitPattern: ($0 == 0 ? 0 : $0).bitPattern) }, c)
        }
        return (ids, Int(next))
    }

    /// Dense ids of values without nulls in `lo...lo + range`, through a direct-mapped table, over raw buffers.
    private static func directIds(_ a: [Int64], lo: Int64, range: Int) -> (ids: [Int32], count: Int) {
        var map = [Int32](repeating: -1, count: range + 1)
        var next: Int32 = 0
        let ids = [Int32](unsafeUninitializedCapacity: a.count) { out, count in
            map.withUnsafeMutableBufferPointer { m in
                a.withUnsafeBufferPointer { x in
                    for i in 0..<x.count {
                        let k = Int(x[i] &- lo)
                        if m[k] < 0 { m[k] = next; next += 1 }
                        out[i] = m[k]
                    }
                }
            }
            count = a.count
        }
        return (ids, Int(next))
    }

    private static func hashed(_ a: [Int64], _ c: Column) -> (ids: [Int32], count: Int) {
        var map: [Int64: Int32] = [:]
        var ids = [Int32](repeating: 0, count: a.count)
        var next: Int32 = 0
        var nullId: Int32 = -1
        for i in a.indices {
            if c.isNull(i) {
                if nullId < 0 { nullId = next; next += 1 }
                ids[i] = nullId
                continue
            }
            if let g = map[a[i]] { ids[i] = g } else { map[a[i]] = next; ids[i] = next; next += 1 }
        }
        return (ids, Int(next))
    }
}
