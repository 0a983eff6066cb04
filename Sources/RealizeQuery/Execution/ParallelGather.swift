import RealizeStore

/// ``Column/gather(_:)`` with each range of the indices gathered on its own core (see ``ParallelRanges``): the
/// right columns of a lookup join over millions of rows. The same column as the serial gather.
enum ParallelGather {
    /// `c` at `indices`, -1 giving null; on one thread below ``ParallelRanges/defaultMinRows`` indices or when
    /// `c` has nulls.
    static func gather(_ c: Column, _ indices: [Int]) -> Column {
        guard c.validity == nil, ParallelRanges.ranges(rows: indices.count).count > 1 else { return c.gather(indices) }
        let storage: ColumnStorage
        let missing: Bool
        switch c.storage {
        case .int(let a): (storage, missing) = take(a, indices, 0) { .int($0) }
        case .double(let a): (storage, missing) = take(a, indices, 0) { .double($0) }
        case .decimal(let a, let sc):
            switch a.storage {
            case .narrow(let x): (storage, missing) = take(x, indices, 0) { .decimal(DecimalUnits(narrow: $0), scale: sc) }
            case .wide(let x): (storage, missing) = take(x, indices, 0) { .decimal(DecimalUnits(wide: $0), scale: sc) }
            }
        case .text(let codes, let d): (storage, missing) = take(codes, indices, 0) { .text(codes: $0, dictionary: d) }
        case .date(let a): (storage, missing) = take(a, indices, 0) { .date($0) }
        case .period(let a): (storage, missing) = take(a, indices, 0) { .period($0) }
        case .bool(let a): (storage, missing) = take(a, indices, false) { .bool($0) }
        }
        return Column(name: c.name, storage: storage, validity: missing ? validity(indices) : nil, display: c.display)
    }

    /// `a[indices]` (`fill` where an index is -1) as a storage, and whether some index was -1.
    private static func take<T: Sendable>(
        _ a: [T], _ indices: [Int], _ fill: T, _ storage: ([T]) -> ColumnStorage
    ) -> (ColumnStorage, Bool) {
        var missing = false
        let values = [T](unsafeUninitializedCapacity: indices.count) { buffer, count in
            let out = DisjointWrites(buffer)
            let misses =
                ParallelRanges.map(rows: indices.count) { rows, _ -> Bool in
                    var miss = false
                    a.withUnsafeBufferPointer { src in
                        indices.withUnsafeBufferPointer { idx in
                            for k in rows {
                                let i = idx[k]
                                if i >= 0 { out.write(k, src[i]) } else { out.write(k, fill); miss = true }
                            }
                        }
                    }
                    return miss
                } ?? []
            missing = misses.contains(true)
            count = indices.count
        }
        return (storage(values), missing)
    }

    /// Set where the index is not -1.
    private static func validity(_ indices: [Int]) -> Bitmap {
        var b = Bitmap(count: indices.count, value: false)
        b.words.withUnsafeMutableBufferPointer { w in
            for (k, i) in indices.enumerated() where i >= 0 { w[k >> 6] |= 1 << UInt64(k & 63) }
        }
        return b
    }

    /// `c` at `rowOf[codes[k]]` for each `k` (every such row exists), read through the codes without an array of
    /// rows; nil when `c` has nulls.
    static func gather(_ c: Column, through rowOf: [Int], codes: [UInt32]) -> Column? {
        guard c.validity == nil else { return nil }
        let storage: ColumnStorage
        switch c.storage {
        case .int(let a): storage = .int(take(a, rowOf, codes))
        case .double(let a): storage = .double(take(a, rowOf, codes))
        case .decimal(let a, let sc):
            switch a.storage {
            case .narrow(let x): storage = .decimal(DecimalUnits(narrow: take(x, rowOf, codes)), scale: sc)
            case .wide(let x): storage = .decimal(DecimalUnits(wide: take(x, rowOf, codes)), scale: sc)
            }
        case .text(let textCodes, let d): storage = .text(codes: take(textCodes, rowOf, codes), dictionary: d)
        case .date(let a): storage = .date(take(a, rowOf, codes))
        case .period(let a): storage = .period(take(a, rowOf, codes))
        case .bool(let a): storage = .bool(take(a, rowOf, codes))
        }
        return Column(name: c.name, storage: storage, display: c.display)
    }

    /// `a[rowOf[codes[k]]]`: the values of `a` first looked up per code (a table as small as the dictionary),
    /// then read per row through the codes, a range of rows per core.
    private static func take<T: Sendable>(_ a: [T], _ rowOf: [Int], _ codes: [UInt32]) -> [T] {
        let valueOf = rowOf.map { a[$0] }
        return [T](unsafeUninitializedCapacity: codes.count) { buffer, count in
            let out = DisjointWrites(buffer)
            _ = ParallelRanges.map(rows: codes.count) { rows, _ in
                valueOf.withUnsafeBufferPointer { v in
                    codes.withUnsafeBufferPointer { cs in
                        for k in rows { out.write(k, v[Int(cs[k])]) }
                    }
                }
            }
            count = codes.count
        }
    }
}
