import RealizeStore

/// The first pass of ``SemiJoinAggregate`` over one range of rows: the rows whose left key code meets a right row
/// (a semi-join by dictionary code), in order, and the range of each int, date or period group key over them (so
/// that the group cells span only the values of the rows that count, with no pass over the other rows' keys).
///
/// Left tables are mostly clustered by their key (a project's periods together), so the codes are read a block of
/// ``block`` at a time as 64-bit words: when all are one code, one table read decides the block; otherwise each row
/// of the block is decided on its own.
struct SemiJoinSelection: Sendable {
    /// The selected rows, in order.
    var rows: [Int]
    /// Per group key, the smallest and largest non-null value among the selected rows (nil for a key without a
    /// range, or with no such value).
    var bounds: [(lo: Int64, hi: Int64)?]

    /// The selection of `range`; nil when `shouldStop` (asked every 64K rows) said yes.
    ///
    /// - Parameters:
    ///   - codes: the left key's dictionary codes; `keyValidity` its validity (a null key meets nothing).
    ///   - hit: per dictionary code, 1 when it meets a right row, else 0; then one last 0, which null rows read.
    ///   - keys: the group keys' columns.
    init?(codes: [UInt32], keyValidity: Bitmap?, hit: [UInt8], keys: [Column], rows range: Range<Int>, shouldStop: () -> Bool) {
        var stopped = false
        rows = [Int](unsafeUninitializedCapacity: range.count) { out, count in
            var k = 0
            for chunk in stride(from: range.lowerBound, to: range.upperBound, by: 1 << 16) {
                if chunk > range.lowerBound, shouldStop() {
                    stopped = true
                    break
                }
                let rows = chunk..<min(range.upperBound, chunk + (1 << 16))
                k = Self.select(codes, keyValidity, hit, rows, into: out, from: k)
            }
            count = k
        }
        if stopped { return nil }
        let selected = rows
        bounds = keys.map { Self.bounds($0, at: selected) }
    }

    /// The rows whose codes are compared at once: with a key's rows together (a project's 120 periods), longer
    /// blocks cost fewer instructions a row until the blocks that straddle two codes (read row by row) catch up:
    /// 16 measured 2.0 instructions a row on Q2 medium, 8 measured 2.5.
    static let block = 16

    /// Writes the selected rows of `rows` to `out` from `k`; the new count. Each row is written at the next slot,
    /// which moves on only for a hit (no branch per row), so the writes never pass the rows seen.
    private static func select(
        _ codes: [UInt32], _ validity: Bitmap?, _ hit: [UInt8], _ rows: Range<Int>, into out: UnsafeMutableBufferPointer<Int>, from start: Int
    ) -> Int {
        var k = start
        codes.withUnsafeBufferPointer { c in
            hit.withUnsafeBufferPointer { h in
                if let validity {
                    validity.words.withUnsafeBufferPointer { w in
                        // A null row's code may be anything: it reads the last entry, a miss, instead.
                        let miss = h.count - 1
                        for i in rows {
                            out[k] = i
                            let valid = w[i >> 6] & (1 << UInt64(i & 63)) != 0
                            k &+= Int(h[valid ? Int(c[i]) : miss])
                        }
                    }
                    return
                }
                let raw = UnsafeRawPointer(c.baseAddress!)
                var i = rows.lowerBound
                while i &+ block <= rows.upperBound {
                    let first = c[i]
                    let pair = UInt64(first) | UInt64(first) << 32
                    let at = i &* 4
                    var differ: UInt64 = 0
                    for w in 0..<(block / 2) { differ |= raw.loadUnaligned(fromByteOffset: at &+ 8 &* w, as: UInt64.self) ^ pair }
                    if differ == 0 {
                        // A block of one code: all selected, or none.
                        if h[Int(first)] != 0 {
                            for d in 0..<block { out[k &+ d] = i &+ d }
                            k &+= block
                        }
                    } else {
                        for j in i..<(i &+ block) {
                            out[k] = j
                            k &+= Int(h[Int(c[j])])
                        }
                    }
                    i &+= block
                }
                while i < rows.upperBound {
                    out[k] = i
                    k &+= Int(h[Int(c[i])])
                    i &+= 1
                }
            }
        }
        return k
    }

    /// The smallest and largest non-null value of an int, date or period column at `rows`; nil for other types or
    /// when every such row is null.
    private static func bounds(_ column: Column, at rows: [Int]) -> (lo: Int64, hi: Int64)? {
        switch column.storage {
        case .int(let a): return bounds(a, column.validity, rows)
        case .date(let a), .period(let a): return bounds(a, column.validity, rows)
        default: return nil
        }
    }

    private static func bounds<T: FixedWidthInteger>(_ a: [T], _ validity: Bitmap?, _ rows: [Int]) -> (lo: Int64, hi: Int64)? {
        var lo = Int64.max
        var hi = Int64.min
        a.withUnsafeBufferPointer { x in
            rows.withUnsafeBufferPointer { r in
                if let validity {
                    validity.words.withUnsafeBufferPointer { w in
                        for i in r where w[i >> 6] & (1 << UInt64(i & 63)) != 0 {
                            let v = Int64(x[i])
                            lo = min(lo, v)
                            hi = max(hi, v)
                        }
                    }
                } else {
                    for i in r {
                        let v = Int64(x[i])
                        lo = min(lo, v)
                        hi = max(hi, v)
                    }
                }
            }
        }
        return lo <= hi ? (lo, hi) : nil
    }
}

extension OrderedGrouping.SourceIndex {
    /// The index of `c` when only some rows are read: for an int, date or period column, over the values `bounds`
    /// of those rows (the other rows are never indexed), else as ``init(_:)`` gives it; nil for a column without an
    /// index or a range wider than ``OrderedGrouping/sourceLimit``.
    ///
    /// For a ranged column the index stands on a three-row column of the same type, name, display and nullability
    /// holding the bounds (what its codes and the key column of its indices read), never on `c`'s rows: the rows
    /// are placed through ``place(_:_:_:into:first:)``, which reads them from `c`.
    static func readRows(_ c: Column, bounds: (lo: Int64, hi: Int64)?) -> Self? {
        let (lo, hi) = bounds ?? (0, 0)
        guard hi &- lo >= 0, hi &- lo < Int64(OrderedGrouping.sourceLimit) else { return nil }
        let storage: ColumnStorage
        let (l, h) = (Int32(truncatingIfNeeded: lo), Int32(truncatingIfNeeded: hi))
        switch c.storage {
        case .int: storage = .int([lo, hi, lo])
        case .date: storage = .date([l, h, l])
        case .period: storage = .period([l, h, l])
        default: return Self(c)
        }
        // A column keeps a bitmap only with a null in it: the third row is one when `c` has nulls.
        var validity: Bitmap? = nil
        if c.validity != nil {
            validity = Bitmap(count: 3, value: true)
            validity?[2] = false
        }
        return Self(Column(name: c.name, storage: storage, validity: validity, display: c.display))
    }
}
