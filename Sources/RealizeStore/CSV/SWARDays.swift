/// `YYYY-MM` periods and `YYYY-MM-DD` dates read with one eight-byte load (SWAR), for ``SpeculativeDecoder``.
///
/// The first eight bytes are checked at once (digits where digits belong, `-` where dashes belong) and
/// the year and month are combined from digit pairs by one multiply; the calendar checks are those of
/// ``FieldParsers/period(_:_:_:)`` and ``FieldParsers/date(_:_:_:)``. Nil means "ask the byte-at-a-time
/// parser": the value is not one, or the load would pass `limit`, the end of the buffer.
enum SWARDays {
    /// `-` after the `0` bias is taken off, in byte 4 (and byte 7 for a date).
    private static let dash: UInt64 = UInt64(FieldParsers.minus ^ FieldParsers.digit0)

    /// The year and month of `YYYY-MM` in the low seven bytes of `x` (XORed with `0`), nil unless they are
    /// digits and a dash.
    @inline(__always)
    private static func yearMonth(_ x: UInt64) -> (year: Int, month: Int)? {
        let d = x & 0x00FF_FF00_FFFF_FFFF
        guard SWARNumber.nonDigits(d) == 0, (x >> 32) & 0xFF == dash else { return nil }
        // Byte k of `pairs` is 10 × digit k + digit k+1 (at most 99: no carry).
        let pairs = d &* 10 &+ (d >> 8)
        let year = Int(pairs & 0xFF) &* 100 &+ Int((pairs >> 16) & 0xFF)
        return (year, Int((pairs >> 40) & 0xFF))
    }

    /// A strictly valid `YYYY-MM` as `year * 12 + month - 1`, as ``FieldParsers/period(_:_:_:)`` reads it.
    @inline(__always)
    static func period(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int, limit: Int) -> Int32? {
        guard e &- s == 7, s &+ 8 <= limit else { return nil }
        let x = UnsafeRawPointer(p + s).loadUnaligned(as: UInt64.self) ^ 0x3030_3030_3030_3030
        guard let (y, m) = yearMonth(x), m >= 1 && m <= 12 else { return nil }
        return CivilCalendar.period(year: y, month: m)
    }

    /// A strictly valid `YYYY-MM-DD` as days since 1970-01-01, as ``FieldParsers/date(_:_:_:)`` reads it.
    @inline(__always)
    static func date(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int, limit: Int) -> Int32? {
        guard e &- s == 10, s &+ 8 <= limit else { return nil }
        let x = UnsafeRawPointer(p + s).loadUnaligned(as: UInt64.self) ^ 0x3030_3030_3030_3030
        guard let (y, m) = yearMonth(x), x >> 56 == dash else { return nil }
        let a = p[s &+ 8] &- FieldParsers.digit0, b = p[s &+ 9] &- FieldParsers.digit0
        guard a < 10, b < 10 else { return nil }
        let d = Int(a) &* 10 &+ Int(b)
        guard m >= 1 && m <= 12 && d >= 1 && d <= CivilCalendar.daysInMonth(year: y, month: m) else { return nil }
        return CivilCalendar.days(year: y, month: m, day: d)
    }
}
