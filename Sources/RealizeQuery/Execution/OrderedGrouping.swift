import RealizeStore

/// Grouping whose groups are numbered in the order of their keys (as `sort` orders them: text by dictionary rank,
/// numbers and dates by value, each ascending or descending, nulls last), for an aggregate whose sort was dropped by
/// ``OrderedGroups``.
///
/// Each key is coded by its rank in `0..<domain` and the codes are packed in mixed radix, the first sort key most
/// significant, so that the packed keys order as the sorted groups. The codes come from one table per source
/// column, indexed by the row's dictionary code or by its value minus the minimum: the keys read from one column
/// (`year = period.year, quarter = period.quarter`) share one table and one read per row. The groups are then
/// numbered by walking the packed key space in order, and their sizes are what `count()` returns.
struct OrderedGrouping {
    var grouping: Grouping
    /// Rows per group: `count()`.
    var sizes: [Int64]
    /// The key columns at each group's first row, in the order of the keys.
    var keyColumns: [Column]

    /// The largest source index space read through a table (a range of values or a dictionary).
    static let sourceLimit = 1 << 20

    /// The ordered grouping of the rows by `keys`, in `order` (key index, descending); nil for one key, when some key is not a
    /// text, int, bool, date or period column or a date part of a date or period column, when a range is too wide,
    /// or when the packed key space passes `max(4 × rows, 2^16)`. The caller then groups the ordinary way.
    static func make(
        _ keys: [BoundExpr], order: [(key: Int, descending: Bool)], _ ev: Evaluator, shouldStop: () -> Bool
    ) throws(NumericOverflow) -> OrderedGrouping? {
        let rows = ev.n
        // One key is grouped faster the ordinary way, and its few groups then sorted.
        guard rows > 0, keys.count > 1, order.count == keys.count, Set(order.map(\.key)).count == keys.count else { return nil }
        // The source of each key (a date part reads its date or period), each distinct source evaluated once.
        var sourceExprs: [BoundExpr] = []
        var sources: [SourceIndex] = []
        var sourceOf: [Int] = []
        var parts: [DatePart?] = []
        for key in keys {
            var x = key
            var part: DatePart? = nil
            if case .datePart(let p, let s) = key { (x, part) = (s, p) }
            parts.append(part)
            if let j = sourceExprs.firstIndex(where: { $0.isSame(as: x) }) {
                sourceOf.append(j)
                continue
            }
            let c = try ev.eval(x)
            guard c.count == rows, let s = SourceIndex(c) else { return nil }
            sourceExprs.append(x)
            sources.append(s)
            sourceOf.append(sources.count - 1)
        }
        // Each key's code over its source's index space, and its domain (the null code last).
        var codes: [[UInt32]] = []
        var domains: [Int] = []
        for (k, part) in parts.enumerated() {
            let s = sources[sourceOf[k]]
            guard let (c, d) = s.codes(part: part, descending: order.first { $0.key == k }!.descending, fiscalStart: ev.settings.fiscalYearStart)
            else { return nil }
            codes.append(c)
            domains.append(d)
        }
        // Mixed radix in sort order: the last sort key varies fastest.
        var multiplier = [Int](repeating: 0, count: keys.count)
        var space = 1
        for o in order.reversed() {
            multiplier[o.key] = space
            let (p, wide) = space.multipliedReportingOverflow(by: domains[o.key])
            guard !wide, p <= max(4 * rows, 1 << 16) else { return nil }
            space = p
        }
        // One table per source: the sum of the codes, times their multipliers, of the keys it holds.
        var tables = sources.map { [UInt32](repeating: 0, count: $0.size) }
        for k in keys.indices {
            let m = UInt32(multiplier[k])
            let c = codes[k]
            tables[sourceOf[k]].withUnsafeMutableBufferPointer { t in
                for i in 0..<t.count { t[i] &+= c[i] &* m }
            }
        }
        var packed = [UInt32](repeating: 0, count: rows)
        for (s, table) in zip(sources, tables) {
            if shouldStop() { return OrderedGrouping(grouping: .single(rows: rows), sizes: [Int64(rows)], keyColumns: []) }
            s.add(table, into: &packed)
        }
        let (grouping, sizes) = number(packed, space: space)
        let fs = ev.settings.fiscalYearStart
        let columns = keys.indices.map { k -> Column in
            let source = sources[sourceOf[k]].column.gather(grouping.firstRow)
            return parts[k].map { $0.evaluate(source, rows: grouping.count, fiscalStart: fs) } ?? source
        }
        return OrderedGrouping(grouping: grouping, sizes: sizes, keyColumns: columns)
    }

    /// Groups numbered in increasing order of their packed keys, with their sizes and first rows.
    static func number(_ packed: [UInt32], space: Int) -> (Grouping, [Int64]) {
        let rows = packed.count
        var count = [Int32](repeating: 0, count: space)
        packed.withUnsafeBufferPointer { p in
            count.withUnsafeMutableBufferPointer { c in
                for i in 0..<rows { c[Int(p[i])] &+= 1 }
            }
        }
        var idOf = [Int32](repeating: -1, count: space)
        var sizes: [Int64] = []
        for key in 0..<space where count[key] > 0 {
            idOf[key] = Int32(sizes.count)
            sizes.append(Int64(count[key]))
        }
        var firstRow = [Int](repeating: -1, count: sizes.count)
        let groupOf = [Int32](unsafeUninitializedCapacity: rows) { out, n in
            packed.withUnsafeBufferPointer { p in
                idOf.withUnsafeBufferPointer { id in
                    firstRow.withUnsafeMutableBufferPointer { f in
                        for i in 0..<rows {
                            let g = id[Int(p[i])]
                            out[i] = g
                            if f[Int(g)] < 0 { f[Int(g)] = i }
                        }
                    }
                }
            }
            n = rows
        }
        return (Grouping(groupOf: groupOf, count: sizes.count, firstRow: firstRow), sizes)
    }
}
