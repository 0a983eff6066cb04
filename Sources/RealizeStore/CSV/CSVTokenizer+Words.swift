/// The scan of an unquoted field eight bytes at a time (SWAR: SIMD within a register).
extension CSVTokenizer {
    /// Eight copies of byte `b`.
    static func broadcast(_ b: UInt8) -> UInt64 { 0x0101_0101_0101_0101 &* UInt64(b) }

    /// The first offset from `i` whose byte stops an unquoted field (the delimiter, whose eight copies are
    /// `delimiters`, LF, CR, `"`, NUL or any non-ASCII byte), or `count`; `plain` is the same set as a table.
    ///
    /// In each little-endian word, a byte that is one of those values becomes zero once XORed with its
    /// copies, and subtracting one from it sets its high bit; so does a non-ASCII byte, which already has
    /// it. A byte below the first such one is neither zero nor non-ASCII, so it lends no borrow and keeps
    /// its high bit clear: the lowest high bit set is exactly the first byte that stops the field.
    @inline(__always)
    static func skipPlain(
        _ p: UnsafePointer<UInt8>, _ from: Int, _ count: Int, delimiters: UInt64, _ plain: UnsafePointer<Bool>
    ) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let lfs: UInt64 = 0x0A0A_0A0A_0A0A_0A0A, crs: UInt64 = 0x0D0D_0D0D_0D0D_0D0D, quotes: UInt64 = 0x2222_2222_2222_2222
        let raw = UnsafeRawPointer(p)
        var i = from
        while i &+ 8 <= count {
            let x = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            let stops =
                ((x ^ delimiters) &- ones) | ((x ^ lfs) &- ones) | ((x ^ crs) &- ones) | ((x ^ quotes) &- ones) | (x &- ones) | x
            let hits = stops & highs
            if hits != 0 { return i &+ hits.trailingZeroBitCount &>> 3 }
            i &+= 8
        }
        while i < count && !plain[Int(p[i])] { i &+= 1 }
        return i
    }
}

extension CSVTokenizer {
    /// Scans a plain row of `columns` fields starting at `start`, a word at a time: unquoted fields of ASCII
    /// bytes other than NUL, ended by LF or CRLF. Its start and field ends are added to `fields` (the ends
    /// written straight into its spare room, and counted once the row is whole), and the offset just past
    /// its line break is returned. For any other row (quotes, non-ASCII bytes, a stray CR,
    /// too many or too few fields, a blank line, a last row without a line break) nothing is added and
    /// the result is -1: the byte-by-byte scan then reads it, with its errors.
    ///
    /// Each word's candidate stops are found as in ``skipPlain(_:_:_:delimiters:_:)``; past the first one
    /// a borrow may mark a byte that is none, which the check of each byte against `plain` leaves alone.
    @inline(__always)
    static func plainRow(
        _ p: UnsafePointer<UInt8>, _ start: Int, _ count: Int, _ columns: Int, _ delimiters: UInt64, _ plain: UnsafePointer<Bool>,
        _ fields: inout FieldBuffer
    ) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let lfs: UInt64 = 0x0A0A_0A0A_0A0A_0A0A, crs: UInt64 = 0x0D0D_0D0D_0D0D_0D0D, quotes: UInt64 = 0x2222_2222_2222_2222
        let delimiter = UInt8(truncatingIfNeeded: delimiters)
        let raw = UnsafeRawPointer(p)
        let out = fields.endSpace(columns)
        var ended = 0
        var i = start
        while i &+ 8 <= count {
            let x = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            var hits =
                (((x ^ delimiters) &- ones) | ((x ^ lfs) &- ones) | ((x ^ crs) &- ones) | ((x ^ quotes) &- ones) | (x &- ones) | x) & highs
            while hits != 0 {
                let k = i &+ hits.trailingZeroBitCount &>> 3
                hits &= hits &- 1
                let b = p[k]
                if b == delimiter {
                    guard ended < columns &- 1 else { return -1 }
                    out[ended] = UInt32(truncatingIfNeeded: k)
                    ended &+= 1
                } else if b == lf || (b == cr && k &+ 1 < count && p[k &+ 1] == lf) {
                    guard ended == columns &- 1, k > start else { return -1 }
                    out[ended] = UInt32(truncatingIfNeeded: k)
                    fields.commitRow(start, fields: columns)
                    return k &+ (b == lf ? 1 : 2)
                } else if plain[Int(b)] {
                    return -1
                }
            }
            i &+= 8
        }
        return -1
    }
}
