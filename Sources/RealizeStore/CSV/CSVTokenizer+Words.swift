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
    /// Scans the plain rows from `start` (see ``plainRow(_:_:_:_:_:_:_:)``) in one loop, until a row that is
    /// not plain, the end of the bytes, or a row count that is a multiple of 4096 (where the caller asks
    /// whether to stop and drops pages, as after each row before): the steps between rows stay in registers.
    /// - Returns: the offset past the last row scanned, how many rows were (0: the row at `start` is not plain),
    ///   and whether the loop stopped at a row that is not plain (the caller then reads it byte by byte
    ///   without trying it again).
    @inline(__always)
    static func plainRows(
        _ p: UnsafePointer<UInt8>, _ start: Int, _ count: Int, _ columns: Int, _ delimiters: UInt64, _ plain: UnsafePointer<Bool>,
        _ fields: inout FieldBuffer
    ) -> (next: Int, rows: Int, stuck: Bool) {
        var i = start, rows = 0
        while true {
            let next = plainRow(p, i, count, columns, delimiters, plain, &fields)
            if next < 0 { return (i, rows, true) }
            i = next
            rows &+= 1
            if fields.rowCount & 0xFFF == 0 || i >= count { return (i, rows, false) }
        }
    }

    /// Scans a plain row of `columns` fields starting at `start` (see ``plainRow(_:_:_:_:_:_:_:into:base:)``),
    /// its ends written in the form `fields` keeps: 16 bits from the row's start while narrow, else 32-bit absolute.
    /// - Returns: the offset past the row's line break, or -1 when the byte-by-byte scan must read the row.
    @inline(__always)
    static func plainRow(
        _ p: UnsafePointer<UInt8>, _ start: Int, _ count: Int, _ columns: Int, _ delimiters: UInt64, _ plain: UnsafePointer<Bool>,
        _ fields: inout FieldBuffer
    ) -> Int {
        if fields.isNarrow {
            let out = fields.narrowEndSpace(columns)
            return plainRow(p, start, count, columns, delimiters, plain, &fields, into: out, base: start)
        }
        let out = fields.wideEndSpace(columns)
        return plainRow(p, start, count, columns, delimiters, plain, &fields, into: out, base: 0)
    }

    /// Scans a plain row of `columns` fields starting at `start`, a word at a time: unquoted fields of ASCII
    /// bytes other than NUL, ended by LF or CRLF. Its field ends are written to `out` less `base` (the row's
    /// start for 16-bit relative ends, 0 for absolute ones: see ``FieldBuffer``), the room `fields` gave
    /// for them, and counted with the row's start once the row is whole; the offset just past its line
    /// break is returned. For any other row (quotes, non-ASCII bytes, a stray CR, too many or too few
    /// fields, a blank line, a last row without a line break, a row whose ends do not fit `End`) nothing
    /// is added and the result is -1: the byte-by-byte scan then reads it, with its errors.
    ///
    /// Each word's candidate stops are found with three tests rather than ``skipPlain(_:_:_:delimiters:_:)``'s
    /// six: the delimiter, the quote, and any byte below 0x20 or from 0x80 (`(x - 0x20…) | x`, which takes in
    /// LF, CR and NUL, but also a tab that is content). Below the first candidate every byte lies in
    /// 0x20…0x7F and is neither the delimiter nor the quote, so no term borrows or sets a high bit there:
    /// the first candidate is exact, and no later byte that is one is missed (a borrow only lowers a byte
    /// further). A candidate is then read: the delimiter ends a field, LF or CRLF the row, another stop
    /// byte of `plain` leaves the row to the byte-by-byte scan, and anything else (a borrow, a tab) is content.
    @inline(__always)
    static func plainRow<End: FixedWidthInteger & UnsignedInteger>(
        _ p: UnsafePointer<UInt8>, _ start: Int, _ count: Int, _ columns: Int, _ delimiters: UInt64, _ plain: UnsafePointer<Bool>,
        _ fields: inout FieldBuffer, into out: UnsafeMutablePointer<End>, base: Int
    ) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let controls: UInt64 = 0x2020_2020_2020_2020, quotes: UInt64 = 0x2222_2222_2222_2222
        let delimiter = UInt8(truncatingIfNeeded: delimiters)
        let raw = UnsafeRawPointer(p)
        var ended = 0
        var i = start
        while i &+ 8 <= count {
            let x = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            var hits = (((x ^ delimiters) &- ones) | ((x ^ quotes) &- ones) | (x &- controls) | x) & highs
            while hits != 0 {
                let k = i &+ hits.trailingZeroBitCount &>> 3
                hits &= hits &- 1
                let b = p[k]
                if b == delimiter {
                    guard ended < columns &- 1 else { return -1 }
                    out[ended] = End(truncatingIfNeeded: k &- base)
                    ended &+= 1
                } else if b == lf || (b == cr && k &+ 1 < count && p[k &+ 1] == lf) {
                    guard ended == columns &- 1, k > start, UInt(k &- base) <= UInt(End.max) else { return -1 }
                    out[ended] = End(truncatingIfNeeded: k &- base)
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
