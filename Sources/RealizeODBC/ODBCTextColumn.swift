import RealizeStore

/// A text column accumulated straight from fetched bytes: each value is interned by its bytes
/// (``ByteInterner``, as the CSV reader does), so a `String` is made once per distinct value, at the
/// end, never per row.
struct ODBCTextColumn {
    private var interner = ByteInterner()
    private var codes: [UInt32] = []
    /// The rows holding null, in order (the validity bitmap is made from them at the end).
    private var nullRows: [Int] = []

    /// Appends the UTF-8 text `bytes`.
    @inline(__always)
    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        codes.append(intern(bytes))
    }

    /// The code of `bytes`, added to the dictionary if new.
    @inline(__always)
    private mutating func intern(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        guard let base = bytes.baseAddress, bytes.count > 0 else {
            return withUnsafeBytes(of: 0 as UInt8) { zero in
                interner.intern(zero.baseAddress!.assumingMemoryBound(to: UInt8.self), 0)
            }
        }
        return interner.intern(base.assumingMemoryBound(to: UInt8.self), bytes.count)
    }

    /// Appends a null.
    mutating func appendNull() {
        nullRows.append(codes.count)
        codes.append(0)
    }

    /// Appends the values of `other` (the later rows of the same result), coded as if they had been
    /// appended here one by one: its distinct values are interned after this column's own, in the
    /// order `other` met them, so the dictionary is the one a single pass over both would make.
    /// (The values pass through `String`, which keeps valid UTF-8 as it is: what a UTF-8 database sends.)
    mutating func append(contentsOf other: ODBCTextColumn) {
        var remap: [UInt32] = []
        for var value in other.interner.strings() {
            remap.append(value.withUTF8 { bytes in intern(UnsafeRawBufferPointer(bytes)) })
        }
        let base = codes.count
        codes.reserveCapacity(base + other.codes.count)
        var nulls = other.nullRows.makeIterator()
        var nextNull = nulls.next()
        for (row, code) in other.codes.enumerated() {
            if row == nextNull {
                codes.append(0)
                nextNull = nulls.next()
            } else {
                codes.append(remap[Int(code)])
            }
        }
        nullRows.append(contentsOf: other.nullRows.map { $0 + base })
    }

    /// The finished column named `name`.
    func finish(name: String) -> Column {
        var validity: Bitmap? = nil
        if !nullRows.isEmpty {
            var v = Bitmap(count: codes.count, value: true)
            for r in nullRows { v[r] = false }
            validity = v
        }
        return Column(name: name, storage: .text(codes: codes, dictionary: interner.strings()), validity: validity)
    }
}
