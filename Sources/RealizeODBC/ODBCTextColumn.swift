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
        guard let base = bytes.baseAddress, bytes.count > 0 else {
            withUnsafeBytes(of: 0 as UInt8) { zero in
                codes.append(interner.intern(zero.baseAddress!.assumingMemoryBound(to: UInt8.self), 0))
            }
            return
        }
        codes.append(interner.intern(base.assumingMemoryBound(to: UInt8.self), bytes.count))
    }

    /// Appends a null.
    mutating func appendNull() {
        nullRows.append(codes.count)
        codes.append(0)
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
