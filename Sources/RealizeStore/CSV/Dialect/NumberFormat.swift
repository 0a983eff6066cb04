/// How the numbers of one column are written, beyond the plain `-1234.56`: the decimal separator,
/// a thousands separator, accounting parentheses, a trailing minus, a currency symbol or code.
///
/// A column's format is fixed by its values (see ``FormatInference``); every value of the column
/// must then fit it: `1.234,56` and `1234,56` fit the format `1.234,56`, and `1,234.56` does not.
struct NumberFormat: Equatable, Sendable {
    /// `.` or `,`.
    var decimal: UInt8
    /// The thousands separator's bytes (UTF-8), or empty when no value groups its digits.
    var grouping: [UInt8] = []
    /// The currency symbol or code's bytes, or empty.
    var currency: [UInt8] = []
    /// Whether the currency stands before the number.
    var currencyBefore = true
    /// Whether some value is a negative in parentheses.
    var parentheses = false

    /// Thousands separators that may group digits: `.` `,` `'` `’` space, no-break space, narrow no-break space.
    static let groupings: [[UInt8]] = [[0x2E], [0x2C], [0x27], [0xE2, 0x80, 0x99], [0x20], [0xC2, 0xA0], [0xE2, 0x80, 0xAF]]
    /// Currency symbols: `€` `$` `£` `¥`.
    static let symbols: [[UInt8]] = [[0xE2, 0x82, 0xAC], [0x24], [0xC2, 0xA3], [0xC2, 0xA5]]
    /// ISO 4217 codes accepted next to an amount.
    static let codes: Set<String> = [
        "EUR", "USD", "GBP", "CHF", "JPY", "PLN", "CZK", "SEK", "NOK", "DKK", "HUF", "CAD", "AUD", "NZD", "CNY", "HKD",
        "SGD", "INR", "ZAR", "BRL", "MXN", "RON", "BGN", "TRY", "ILS", "AED", "SAR", "KRW",
    ]

    /// What one value shows of its format.
    struct Scan {
        var negative = false
        var parentheses = false
        var intDigits = 0
        var fracDigits = 0
        var hasDecimal = false
        var grouping: Range<Int>? = nil
        var currency: Range<Int>? = nil
        var currencyBefore = true
    }

    /// Scans `p[s..<e]` as a number with decimal separator `decimal`; nil when it is not one.
    static func scan(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int, decimal: UInt8) -> Scan? {
        var out = Scan()
        var i = s, end = e
        while i < end && p[i] == 0x20 { i += 1 }
        while end > i && p[end - 1] == 0x20 { end -= 1 }
        guard i < end else { return nil }
        if p[i] == 0x28 {  // (
            guard end - i >= 3, p[end - 1] == 0x29 else { return nil }
            out.parentheses = true
            out.negative = true
            i += 1
            end -= 1
        }
        var signed = false
        func sign() {
            if !signed && !out.parentheses && i < end && (p[i] == 0x2D || p[i] == 0x2B) {
                out.negative = p[i] == 0x2D
                signed = true
                i += 1
            }
        }
        sign()
        if i < end && !FieldParsers.isDigit(p[i]) {
            guard let n = currencyLength(p, i, end) else { return nil }
            out.currency = i..<(i + n)
            i += n
            i += spaceLength(p, i, end)
            sign()
        }
        // Digits, maybe grouped.
        let firstStart = i
        while i < end && FieldParsers.isDigit(p[i]) { i += 1 }
        var groupDigits = i - firstStart
        guard groupDigits > 0 else { return nil }
        var digits = 0
        var leading = true
        for k in firstStart..<i { if !(leading && p[k] == FieldParsers.digit0) { leading = false; digits += 1 } }
        while i < end, p[i] != decimal, let g = groupingLength(p, i, end) {
            let sep = i..<(i + g)
            if let old = out.grouping {
                guard old.count == sep.count, (0..<g).allSatisfy({ p[old.lowerBound + $0] == p[sep.lowerBound + $0] }) else { return nil }
            } else {
                guard groupDigits <= 3 else { return nil }
            }
            let d = i + g
            guard d + 3 <= end, FieldParsers.isDigit(p[d]), FieldParsers.isDigit(p[d + 1]), FieldParsers.isDigit(p[d + 2]),
                d + 3 == end || !FieldParsers.isDigit(p[d + 3])
            else { break }
            out.grouping = sep
            for k in d..<(d + 3) { if !(leading && p[k] == FieldParsers.digit0) { leading = false; digits += 1 } }
            i = d + 3
            groupDigits = 3
        }
        out.intDigits = digits
        if i < end && p[i] == decimal {
            out.hasDecimal = true
            i += 1
            let fracStart = i
            while i < end && FieldParsers.isDigit(p[i]) { i += 1 }
            out.fracDigits = i - fracStart
            guard out.fracDigits > 0 else { return nil }
        }
        if i < end && out.currency == nil {
            let space = spaceLength(p, i, end)
            if let n = currencyLength(p, i + space, end) {
                out.currency = (i + space)..<(i + space + n)
                out.currencyBefore = false
                i += space + n
            }
        }
        if i < end && p[i] == 0x2D && !signed && !out.parentheses {  // SAP's trailing minus: 1.234,56-
            out.negative = true
            i += 1
        }
        return i == end ? out : nil
    }

    /// The value at `scale` as units, or nil when it does not fit this format.
    @inline(__always)
    func units(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int, scale: Int) -> Int128? {
        // Most values are plain but for the separator (`-1234,56`): the plain parser takes them in one pass.
        if let units = FieldParsers.decimalUnits(p, s, e, scale: scale, point: decimal) { return units }
        guard let v = Self.scan(p, s, e, decimal: decimal), fits(v, p), v.fracDigits <= scale,
            v.intDigits + scale <= FixedDecimal.maxDigits
        else { return nil }
        var units: Int128 = 0
        var k = s
        var seenDecimal = false
        var frac = 0
        let stop = v.currency.map { v.currencyBefore ? e : $0.lowerBound } ?? e
        if let c = v.currency, v.currencyBefore { k = c.upperBound }
        while k < stop {
            let c = p[k]
            let d = c &- FieldParsers.digit0
            if d < 10 {
                units = units &* 10 &+ Int128(d)
                if seenDecimal { frac += 1 }
            } else if c == decimal && !(grouping.count == 1 && grouping[0] == c) {
                seenDecimal = true
            }
            k += 1
        }
        if frac < scale { units *= FixedDecimal.pow10[scale - frac] }
        return v.negative ? -units : units
    }

    /// Whether a scanned value agrees with this format's grouping and currency.
    func fits(_ v: Scan, _ p: UnsafePointer<UInt8>) -> Bool {
        if let g = v.grouping, !Self.equal(p, g, grouping) { return false }
        if let c = v.currency {
            guard !currency.isEmpty, v.currencyBefore == currencyBefore, Self.equal(p, c, currency) else { return false }
        }
        return true
    }

    static func equal(_ p: UnsafePointer<UInt8>, _ r: Range<Int>, _ bytes: [UInt8]) -> Bool {
        r.count == bytes.count && bytes.indices.allSatisfy { p[r.lowerBound + $0] == bytes[$0] }
    }

    /// A sample of the format for reports: `1.234,56`, `(1'234.56)`, `CHF 1'234.50`, `1.234,56 €`.
    var sample: String {
        let g = String(decoding: grouping, as: UTF8.self)
        var text = "1" + g + "234" + String(UnicodeScalar(decimal)) + "56"
        if !currency.isEmpty {
            let c = String(decoding: currency, as: UTF8.self)
            text = currencyBefore ? c + (c.count == 3 ? " " : "") + text : text + " " + c
        }
        return parentheses ? "(" + text + ")" : text
    }

    private static func groupingLength(_ p: UnsafePointer<UInt8>, _ i: Int, _ end: Int) -> Int? {
        for g in groupings where i + g.count <= end && (0..<g.count).allSatisfy({ p[i + $0] == g[$0] }) { return g.count }
        return nil
    }

    private static func spaceLength(_ p: UnsafePointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        if i < end && p[i] == 0x20 { return 1 }
        if i + 1 < end && p[i] == 0xC2 && p[i + 1] == 0xA0 { return 2 }
        if i + 2 < end && p[i] == 0xE2 && p[i + 1] == 0x80 && p[i + 2] == 0xAF { return 3 }
        return 0
    }

    private static func currencyLength(_ p: UnsafePointer<UInt8>, _ i: Int, _ end: Int) -> Int? {
        for sym in symbols where i + sym.count <= end && (0..<sym.count).allSatisfy({ p[i + $0] == sym[$0] }) { return sym.count }
        guard i + 3 <= end, (0..<3).allSatisfy({ p[i + $0] >= 0x41 && p[i + $0] <= 0x5A }),
            i + 3 == end || !(p[i + 3] >= 0x41 && p[i + 3] <= 0x5A)
        else { return nil }
        return codes.contains(String(decoding: UnsafeBufferPointer(start: p + i, count: 3), as: UTF8.self)) ? 3 : nil
    }
}
