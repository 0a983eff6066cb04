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
        guard let layout = try Layout(keys, order: order, ev) else { return nil }
        let rows = ev.n
        if shouldStop() { return OrderedGrouping(grouping: .single(rows: rows), sizes: [Int64(rows)], keyColumns: []) }
        let packed = [UInt32](unsafeUninitializedCapacity: rows) { p, n in
            layout.pack(0..<rows, into: p)
            n = rows
        }
        let (grouping, sizes) = number(packed, space: layout.space)
        return OrderedGrouping(
            grouping: grouping, sizes: sizes, keyColumns: layout.keyColumns(at: grouping.firstRow, fiscalStart: ev.settings.fiscalYearStart))
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
