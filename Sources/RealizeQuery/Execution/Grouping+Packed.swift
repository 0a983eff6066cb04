import RealizeStore

/// Grouping on several small-domain keys at once: each row's key codes (see ``KeyCodes``) are packed into one
/// integer in mixed radix, a column at a time, and the packed keys are numbered in order of first appearance
/// through a direct-mapped table when their space is compact, or one hash table otherwise. The ids are those of
/// the pairwise combination (the same groups, numbered the same way), with one pass per key instead of a
/// combination per key.
extension Grouping {
    /// The largest key space numbered through a direct-mapped table (beyond `2 * rows`).
    static let packedDenseLimit = 1 << 16

    /// Groups rows by several key columns packed into one integer per row, or nil when some key's domain is not
    /// small or the product of the domains does not fit.
    static func packed(keys: [Column], rows: Int, shouldStop: () -> Bool) -> Grouping? {
        var codes: [KeyCodes] = []
        for k in keys {
            guard k.count == rows, let c = KeyCodes(k) else { return nil }
            codes.append(c)
        }
        return packed(codes, rows: rows, shouldStop: shouldStop)
    }

    /// Groups rows by the packed codes of `keys`, or nil when the product of their domains passes 2^62.
    static func packed(_ keys: [KeyCodes], rows: Int, shouldStop: () -> Bool) -> Grouping? {
        var space: UInt64 = 1
        for c in keys {
            let (p, wide) = space.multipliedReportingOverflow(by: UInt64(max(c.domain, 1)))
            guard !wide, p < 1 << 62 else { return nil }
            space = p
        }
        // Half the memory traffic when the packed keys fit in 32 bits.
        if space <= UInt64(UInt32.max) { return packedIds(keys, space: space, rows: rows, UInt32.self, shouldStop) }
        return packedIds(keys, space: space, rows: rows, UInt64.self, shouldStop)
    }

    private static func packedIds<P: FixedWidthInteger & UnsignedInteger>(
        _ keys: [KeyCodes], space: UInt64, rows: Int, _: P.Type, _ shouldStop: () -> Bool
    ) -> Grouping {
        var packed = [P](repeating: 0, count: rows)
        for c in keys {
            if shouldStop() { return .single(rows: rows) }
            c.fold(into: &packed)
        }
        if shouldStop() { return .single(rows: rows) }
        var groupOf = [Int32](repeating: 0, count: rows)
        var firstRow: [Int] = []
        if space <= UInt64(max(2 * rows, packedDenseLimit)) {
            var table = [Int32](repeating: -1, count: Int(space))
            var next: Int32 = 0
            table.withUnsafeMutableBufferPointer { t in
                packed.withUnsafeBufferPointer { p in
                    groupOf.withUnsafeMutableBufferPointer { out in
                        for i in 0..<rows {
                            let k = Int(p[i])
                            if t[k] < 0 {
                                t[k] = next
                                next += 1
                                firstRow.append(i)
                            }
                            out[i] = t[k]
                        }
                    }
                }
            }
        } else {
            var map: [P: Int32] = [:]
            for i in 0..<rows {
                if i & 0xFFFF == 0, i > 0, shouldStop() { return .single(rows: rows) }
                let key = packed[i]
                if let g = map[key] {
                    groupOf[i] = g
                } else {
                    let g = Int32(firstRow.count)
                    map[key] = g
                    firstRow.append(i)
                    groupOf[i] = g
                }
            }
        }
        return Grouping(groupOf: groupOf, count: firstRow.count, firstRow: firstRow)
    }
}
