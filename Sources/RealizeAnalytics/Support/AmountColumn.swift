import RealizeQuery
import RealizeStore

/// A money column's exact units at one scale, read row by row (null rows read as 0, as a sum counts them).
///
/// A decimal column already at that scale is read in place (its buffer is shared, not copied: 64-bit units when
/// the column is stored narrow, half the bytes a row); any other column is converted once, with the same rules
/// and errors as ``InputTables/amounts(_:_:scale:)``.
struct AmountColumn {
    /// The column's 64-bit units when it is stored narrow (then ``wideUnits`` is empty).
    private let narrowUnits: [Int64]
    /// The 128-bit units otherwise.
    private let wideUnits: [Int128]
    private let isNarrow: Bool
    /// The validity bitmap's words, empty when the column has no nulls (kept unwrapped: binding an optional
    /// bitmap per row costs a retain and a release).
    private let validWords: [UInt64]

    /// - Throws: `numeric-overflow` naming the column and the row when an amount does not fit 38 digits at `scale`,
    ///   `type-mismatch` when the column does not hold amounts, `cancelled`.
    init(_ c: Column, _ tableName: String, scale: Int, input: InputTables) throws(QueryError) {
        guard case .decimal(let units, let s) = c.storage, s == scale else {
            narrowUnits = []
            wideUnits = try input.amounts(c, tableName, scale: scale).map { $0 ?? 0 }
            isNarrow = false
            validWords = []
            return
        }
        validWords = c.validity?.words ?? []
        switch units.storage {
        case .narrow(let a):
            // Every 64-bit value has at most 19 digits: no check.
            narrowUnits = a
            wideUnits = []
            isNarrow = true
        case .wide(let a):
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
            narrowUnits = []
            wideUnits = a
            isNarrow = false
        }
    }

    /// A measure a command does not read (`appraise` sums only `actual_cost`): 0 on each of `rows` rows, as a
    /// column of 64-bit units that are all null, so that every loop reads it without a case of its own and the
    /// grid kernel can leave it out (``isAbsent``).
    static func absent(rows: Int) -> AmountColumn { AmountColumn(absentRows: rows) }

    private init(absentRows rows: Int) {
        narrowUnits = []
        wideUnits = []
        isNarrow = true
        validWords = [UInt64](repeating: 0, count: max(1, (rows + 63) / 64))
        isAbsent = true
    }

    /// Whether this is a column made by ``absent(rows:)``: it reads 0 on every row.
    private(set) var isAbsent = false

    /// Whether the column is read from 64-bit units: then no sum of fewer than 2^62 of its amounts, nor of their
    /// magnitudes, can pass 38 digits (2^62 × 2^63 = 2^125 < 10^38), so sums need no overflow checks.
    var isNarrowUnits: Bool { isNarrow }

    /// The column's 64-bit units when it is stored narrow and has no nulls (a kernel then reads them as a buffer).
    var narrowWithoutNulls: [Int64]? { isNarrow && validWords.isEmpty ? narrowUnits : nil }

    /// The units of `row` of a column with ``isNarrowUnits``; 0 for null.
    @inline(__always) func narrow(_ row: Int) -> Int64 {
        if !validWords.isEmpty, validWords[row >> 6] & (1 << UInt64(row & 63)) == 0 { return 0 }
        return narrowUnits[row]
    }

    /// The units of `row`; 0 for null.
    @inline(__always) subscript(row: Int) -> Int128 {
        if !validWords.isEmpty, validWords[row >> 6] & (1 << UInt64(row & 63)) == 0 { return 0 }
        return isNarrow ? Int128(narrowUnits[row]) : wideUnits[row]
    }
}
