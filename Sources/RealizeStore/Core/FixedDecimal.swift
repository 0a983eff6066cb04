/// An exact fixed-point decimal: `units × 10^-scale`.
///
/// Money is kept as decimals so that `0.7 + 0.79 + 1 + 1.1` is exactly `3.59`.
/// Addition and subtraction align scales; multiplication adds them; division
/// leaves the exact world and yields a `Double`.
public struct FixedDecimal: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The scaled integer value.
    public var units: Int64
    /// The number of digits after the decimal point (0…18).
    public var scale: Int

    /// Powers of ten that fit in an `Int64`.
    public static let pow10: [Int64] = (0...18).map { n in (0..<n).reduce(Int64(1)) { acc, _ in acc * 10 } }

    /// Creates a decimal from scaled units.
    public init(units: Int64, scale: Int) {
        self.units = units
        self.scale = scale
    }

    /// This value expressed at a larger scale (exact), or nil on overflow.
    public func rescaled(to newScale: Int) -> FixedDecimal? {
        if newScale == scale { return self }
        if newScale > scale {
            let (r, o) = units.multipliedReportingOverflow(by: Self.pow10[newScale - scale])
            return o ? nil : FixedDecimal(units: r, scale: newScale)
        }
        // Rounds half away from zero when narrowing.
        let f = Self.pow10[scale - newScale]
        let q = units / f, r = units % f
        let adj: Int64 = (abs(r) * 2 >= f) ? (units < 0 ? -1 : 1) : 0
        return FixedDecimal(units: q + adj, scale: newScale)
    }

    /// The nearest `Double`.
    public var doubleValue: Double { Double(units) / Double(Self.pow10[scale]) }

    /// Parses `-123.45`, `+7`, `.5`; nil if the text is not a plain decimal or has more than 18 digits of scale.
    public init?(parsing text: Substring) {
        var neg = false
        var i = text.utf8.startIndex
        let u = text.utf8
        if i == u.endIndex { return nil }
        if u[i] == UInt8(ascii: "-") { neg = true; i = u.index(after: i) } else if u[i] == UInt8(ascii: "+") { i = u.index(after: i) }
        var units: Int64 = 0
        var scale = 0
        var seenDot = false
        var digits = 0
        while i != u.endIndex {
            let c = u[i]
            if c == UInt8(ascii: ".") {
                if seenDot { return nil }
                seenDot = true
            } else if c >= 48 && c <= 57 {
                let (m, o1) = units.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int64(c - 48))
                if o1 || o2 { return nil }
                units = a
                digits += 1
                if seenDot { scale += 1 }
            } else {
                return nil
            }
            i = u.index(after: i)
        }
        if digits == 0 || scale > 18 { return nil }
        self.units = neg ? -units : units
        self.scale = scale
    }

    public static func < (a: FixedDecimal, b: FixedDecimal) -> Bool {
        let s = max(a.scale, b.scale)
        if let x = a.rescaled(to: s), let y = b.rescaled(to: s) { return x.units < y.units }
        return a.doubleValue < b.doubleValue
    }

    public static func == (a: FixedDecimal, b: FixedDecimal) -> Bool {
        let s = max(a.scale, b.scale)
        if let x = a.rescaled(to: s), let y = b.rescaled(to: s) { return x.units == y.units }
        return false
    }

    public func hash(into h: inout Hasher) {
        // Normalise trailing zeros so that 1.50 and 1.5 hash alike.
        var u = units, s = scale
        while s > 0 && u % 10 == 0 { u /= 10; s -= 1 }
        h.combine(u); h.combine(s)
    }

    /// Plain text: `-1234.50` (no thousands separators), at this value's scale.
    public var description: String {
        if scale == 0 { return String(units) }
        let mag = units.magnitude
        let f = UInt64(Self.pow10[scale])
        let whole = mag / f, frac = mag % f
        var fracText = String(frac)
        if fracText.count < scale { fracText = String(repeating: "0", count: scale - fracText.count) + fracText }
        return (units < 0 ? "-" : "") + String(whole) + "." + fracText
    }
}
