/// Parsers for one field's bytes `p[s..<e]` (quotes already stripped), used by inference and decoding.
///
/// They work on raw pointers and never allocate, except `double` on its rare slow path.
enum FieldParsers {
    static let digit0 = UInt8(ascii: "0"), minus = UInt8(ascii: "-"), plus = UInt8(ascii: "+"), dot = UInt8(ascii: ".")

    /// The shape of a number: `[+-]? digits ('.' digits)? ([eE] [+-]? digits)?` with at least one digit.
    struct NumberShape {
        enum Kind { case integer, decimal, exponent }
        var kind: Kind
        /// Digits before the point, leading zeros excluded.
        var intDigits: Int
        /// Digits after the point.
        var fracDigits: Int
    }

    @inline(__always)
    static func isDigit(_ c: UInt8) -> Bool { c &- digit0 < 10 }

    /// The shape of the number in `p[s..<e]`, or nil if it is not a number; `point` is the decimal separator.
    @inline(__always)
    static func numberShape(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int, point: UInt8 = dot) -> NumberShape? {
        var i = s
        if i < e && (p[i] == minus || p[i] == plus) { i += 1 }
        var intDigits = 0, fracDigits = 0, anyDigit = false
        while i < e && p[i] == digit0 { i += 1; anyDigit = true }
        while i < e && isDigit(p[i]) { i += 1; intDigits += 1 }
        anyDigit = anyDigit || intDigits > 0
        var kind = NumberShape.Kind.integer
        if i < e && p[i] == point {
            kind = .decimal
            i += 1
            while i < e && isDigit(p[i]) { i += 1; fracDigits += 1 }
            anyDigit = anyDigit || fracDigits > 0
        }
        guard anyDigit else { return nil }
        if i < e && (p[i] | 0x20) == UInt8(ascii: "e") {
            kind = .exponent
            i += 1
            if i < e && (p[i] == minus || p[i] == plus) { i += 1 }
            let expStart = i
            while i < e && isDigit(p[i]) { i += 1 }
            guard i > expStart else { return nil }
        }
        return i == e ? NumberShape(kind: kind, intDigits: intDigits, fracDigits: fracDigits) : nil
    }

    /// An `Int64` written as `[+-]?digits`, or nil (also on overflow).
    @inline(__always)
    static func int(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> Int64? {
        var i = s
        var negative = false
        if i < e && (p[i] == minus || p[i] == plus) { negative = p[i] == minus; i += 1 }
        guard i < e else { return nil }
        var v: UInt64 = 0
        while i < e {
            let d = p[i] &- digit0
            guard d < 10 else { return nil }
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(UInt64(d))
            if o1 || o2 { return nil }
            v = a
            i += 1
        }
        if negative { return v <= UInt64(Int64.max) + 1 ? Int64(truncatingIfNeeded: 0 &- v) : nil }
        return v <= UInt64(Int64.max) ? Int64(v) : nil
    }

    /// A plain decimal (`-12.5`, `.5`, `7`; `point` is the decimal separator) as units at `scale`; nil if it has more fractional
    /// digits than `scale`, is not a plain decimal, or has more than 38 significant digits.
    ///
    /// The first 18 digits accumulate in 64 bits; only longer values take the 128-bit path.
    @inline(__always)
    static func decimalUnits(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int, scale: Int, point: UInt8 = dot) -> Int128? {
        var i = s
        var negative = false
        if i < e && (p[i] == minus || p[i] == plus) { negative = p[i] == minus; i += 1 }
        var v: UInt64 = 0
        var wide: UInt128 = 0
        var isWide = false
        var digits = 0, frac = 0, seenDot = false, anyDigit = false
        while i < e {
            let c = p[i]
            let d = c &- digit0
            if d < 10 {
                anyDigit = true
                if isWide {
                    wide = wide &* 10 &+ UInt128(d)
                } else if digits < 18 {
                    v = v &* 10 &+ UInt64(d)
                } else {
                    isWide = true
                    wide = UInt128(v) &* 10 &+ UInt128(d)
                }
                if digits > 0 || d != 0 { digits += 1 }
                if seenDot { frac += 1 }
                if digits > FixedDecimal.maxDigits { return nil }
            } else if c == point && !seenDot {
                seenDot = true
            } else {
                return nil
            }
            i += 1
        }
        guard anyDigit, frac <= scale, digits + (scale - frac) <= FixedDecimal.maxDigits else { return nil }
        var units = isWide ? Int128(wide) : Int128(v)
        if frac < scale { units *= FixedDecimal.pow10[scale - frac] }
        return negative ? -units : units
    }

    private static let exactPowers: [Double] = (0...22).map { n in (0..<n).reduce(1.0) { acc, _ in acc * 10 } }

    /// A double: plain or with an exponent; also `nan`, `inf`, `infinity` (any case, signed).
    ///
    /// Numbers of up to 15 significant digits with a small exponent take the exact fast path
    /// (Clinger: both operands are exact doubles, so one rounding); the rest go to the standard library.
    static func double(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> Double? {
        var i = s
        var negative = false
        if i < e && (p[i] == minus || p[i] == plus) { negative = p[i] == minus; i += 1 }
        var mantissa: UInt64 = 0
        var significant = 0, exp10 = 0, anyDigit = false, seenDot = false
        while i < e {
            let c = p[i]
            let d = c &- digit0
            if d < 10 {
                anyDigit = true
                if mantissa != 0 || d != 0 { significant += 1 }
                if significant <= 19 { mantissa = mantissa &* 10 &+ UInt64(d) } else if !seenDot { exp10 += 1 }
                if seenDot && significant <= 19 { exp10 -= 1 }
            } else if c == dot && !seenDot {
                seenDot = true
            } else {
                break
            }
            i += 1
        }
        if anyDigit && i < e && (p[i] | 0x20) == UInt8(ascii: "e") {
            i += 1
            var expNegative = false
            if i < e && (p[i] == minus || p[i] == plus) { expNegative = p[i] == minus; i += 1 }
            let expStart = i
            var x = 0
            while i < e && isDigit(p[i]) {
                if x < 100_000 { x = x * 10 + Int(p[i] - digit0) }
                i += 1
            }
            guard i > expStart else { return nil }
            exp10 += expNegative ? -x : x
        }
        if anyDigit && i == e && significant <= 15 && exp10 >= -22 && exp10 <= 22 {
            let m = Double(mantissa)
            let v = exp10 >= 0 ? m * exactPowers[exp10] : m / exactPowers[-exp10]
            return negative ? -v : v
        }
        // Slow path: long mantissas, large exponents, nan and inf words.
        guard e - s <= 64 else { return nil }
        let text = String(decoding: UnsafeBufferPointer(start: p + s, count: e - s), as: UTF8.self)
        if !anyDigit {
            switch text.lowercased() {
            case "nan", "+nan", "-nan": return .nan
            case "inf", "+inf", "infinity", "+infinity": return .infinity
            case "-inf", "-infinity": return -.infinity
            default: return nil
            }
        }
        guard i == e || numberShape(p, s, e) != nil else { return nil }
        return Double(text)
    }

    @inline(__always)
    private static func twoDigits(_ p: UnsafePointer<UInt8>, _ i: Int) -> Int? {
        let a = p[i] &- digit0, b = p[i + 1] &- digit0
        return a < 10 && b < 10 ? Int(a) * 10 + Int(b) : nil
    }

    @inline(__always)
    private static func year(_ p: UnsafePointer<UInt8>, _ s: Int) -> Int? {
        guard let hi = twoDigits(p, s), let lo = twoDigits(p, s + 2) else { return nil }
        return hi * 100 + lo
    }

    /// A strictly valid `YYYY-MM-DD` as days since 1970-01-01.
    @inline(__always)
    static func date(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> Int32? {
        guard e - s == 10, p[s + 4] == minus, p[s + 7] == minus, let y = year(p, s),
            let m = twoDigits(p, s + 5), let d = twoDigits(p, s + 8),
            m >= 1 && m <= 12 && d >= 1 && d <= CivilCalendar.daysInMonth(year: y, month: m)
        else { return nil }
        return CivilCalendar.days(year: y, month: m, day: d)
    }

    /// A strictly valid `YYYY-MM` as `year * 12 + month - 1`.
    @inline(__always)
    static func period(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> Int32? {
        guard e - s == 7, p[s + 4] == minus, let y = year(p, s), let m = twoDigits(p, s + 5), m >= 1 && m <= 12
        else { return nil }
        return CivilCalendar.period(year: y, month: m)
    }

    /// `true` or `false`, in any case.
    @inline(__always)
    static func bool(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> Bool? {
        func lower(_ k: Int) -> UInt8 { p[s + k] | 0x20 }
        if e - s == 4 && lower(0) == 0x74 && lower(1) == 0x72 && lower(2) == 0x75 && lower(3) == 0x65 { return true }
        if e - s == 5 && lower(0) == 0x66 && lower(1) == 0x61 && lower(2) == 0x6C && lower(3) == 0x73 && lower(4) == 0x65 {
            return false
        }
        return nil
    }
}
