import RealizeQuery
import RealizeStore

/// A money column's exact units at one scale, read row by row (null rows read as 0, as a sum counts them).
///
/// A decimal column already at that scale is read in place (its buffer is shared, not copied); any other column is
/// converted once, with the same rules and errors as ``InputTables/amounts(_:_:scale:)``.
struct AmountColumn {
    private let units: [Int128]
    /// The validity bitmap's words, empty when the column has no nulls (kept unwrapped: binding an optional
    /// bitmap per row costs a retain and a release).
    private let validWords: [UInt64]

    /// - Throws: `numeric-overflow` naming the column and the row when an amount does not fit 38 digits at `scale`,
    ///   `type-mismatch` when the column does not hold amounts, `cancelled`.
    init(_ c: Column, _ tableName: String, scale: Int, input: InputTables) throws(QueryError) {
        if case .decimal(let a, let s) = c.storage, s == scale {
            let valid = c.validity
            let largest = FixedDecimal.maxUnits.magnitude  // read once: a static is a lazy global behind swift_once
            var fits = true
            // In chunks of 64K rows, with a look at the cancellation token between them (10M rows take ~0.1 s).
            for chunk in stride(from: 0, to: a.count, by: 1 << 16) where fits {
                try input.checkCancelled(row: 0)
                fits = a.withUnsafeBufferPointer { x in
                    for i in chunk..<min(x.count, chunk + (1 << 16)) where x[i].magnitude > largest {
                        if let valid, !valid[i] { continue }
                        return false
                    }
                    return true
                }
            }
            // A row that does not fit: the row-by-row conversion throws the error naming it.
            if !fits { _ = try input.amounts(c, tableName, scale: scale) }
            units = a
            validWords = valid?.words ?? []
        } else {
            units = try input.amounts(c, tableName, scale: scale).map { $0 ?? 0 }
            validWords = []
        }
    }

    /// The units of `row`; 0 for null.
    @inline(__always) subscript(row: Int) -> Int128 {
        if !validWords.isEmpty, validWords[row >> 6] & (1 << UInt64(row & 63)) == 0 { return 0 }
        return units[row]
    }
}
