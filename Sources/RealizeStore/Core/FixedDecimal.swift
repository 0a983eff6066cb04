/// An exact fixed-point decimal: `units × 10^-scale`, with 128-bit units.
///
/// Money is kept as decimals so that `0.7 + 0.79 + 1 + 1.1` is exactly `3.59`. Units are `Int128`
/// and the scale is 0…18, so a value holds up to 38 significant digits, like DuckDB's
/// `DECIMAL(38, s)`. Addition and subtraction align scales; multiplication adds them; division
/// leaves the exact world and yields a `Double`. Every operation that could overflow reports it.
public struct FixedDecimal: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The scaled integer value.
    public var units: Int128
    /// The number of digits after the decimal point (0…18).
    public var scale: Int

    /// The largest scale a decimal can have.
    public static let maxScale = 18
    /// The most significant digits a decimal can hold.
    public static let maxDigits = 38

    /// Powers of ten 10^0…10^38 (all fit an `Int128`).
    public static let pow10: [Int128] = (0...38).map { n in (0..<n).reduce(Int128(1)) { acc, _ in acc * 10 } }

    /// The largest magnitude of units: 38 nines.
    public static let maxUnits: Int128 = pow10[38] - 1

    /// Creates a decimal from scaled units.
    public init(units: Int128, scale: Int) {
        self.units = units
        self.scale = scale
    }

    /// This value expressed at another scale: exact when widening (nil on overflow), rounded half
    /// away from zero when narrowing.
    public func rescaled(to newScale: Int) -> FixedDecimal? {
        Self.rescale(units, from: scale, to: newScale).map { FixedDecimal(units: $0, scale: newScale) }
    }

    /// `units` at scale `from` expressed at scale `to`; nil when widening overflows 38 digits.
    @inline(__always)
    public static func rescale(_ units: Int128, from: Int, to: Int) -> Int128? {
        if to == from { return units }
        if to > from {
            let (r, o) = units.multipliedReportingOverflow(by: pow10[to - from])
            return o ? nil : r
        }
        let f = pow10[from - to]
        let (q, r) = units.quotientAndRemainder(dividingBy: f)
        return r.magnitude * 2 >= f.magnitude ? q + (units < 0 ? -1 : 1) : q
    }

    /// Whether `units` fits in 38 digits.
    @inline(__always)
    public static func fits(_ units: Int128) -> Bool { units.magnitude <= maxUnits.magnitude }

    /// The nearest `Double`.
    public var doubleValue: Double { Self.double(units, scale: scale) }

    /// 10^0 … 10^18 as doubles, each exact.
    static let pow10Double: [Double] = (0...18).map { n in (0..<n).reduce(1.0) { acc, _ in acc * 10 } }

    /// The `Double` nearest `units × 10^-scale`.
    @inline(__always)
    public static func double(_ units: Int128, scale: Int) -> Double {
        // Fast path (measured: Int128 → Double goes through a generic conversion of ~3,000 instructions):
        // below 2^53 the units convert exactly, and so does 10^scale, so one division rounds once.
        if let small = Int64(exactly: units), small.magnitude < 1 << 53 { return Double(small) / pow10Double[scale] }
        if scale == 0 { return Double(units) }
        // Split so that the integer part and the fraction each convert with one rounding.
        let (q, r) = units.quotientAndRemainder(dividingBy: pow10[scale])
        return Double(q) + Double(r) / Double(pow10[scale])
    }

    /// Parses `-123.45`, `+7`, `.5`; nil if the text is not a plain decimal, has more than 18
    /// digits of scale or more than 38 significant digits.
    public init?(parsing text: Substring) {
        var neg = false
        let u = text.utf8
        var i = u.startIndex
        if i == u.endIndex { return nil }
        if u[i] == UInt8(ascii: "-") {
            neg = true
            i = u.index(after: i)
        } else if u[i] == UInt8(ascii: "+") {
            i = u.index(after: i)
        }
        var units: Int128 = 0
        var scale = 0
        var seenDot = false
        var digits = 0
        while i != u.endIndex {
            let c = u[i]
            if c == UInt8(ascii: ".") {
                if seenDot { return nil }
                seenDot = true
            } else if c >= 48 && c <= 57 {
                // Checked before multiplying: 38 nines times 10 would not fit 128 bits.
                let digit = Int128(c - 48)
                if units > (Self.maxUnits - digit) / 10 { return nil }
                units = units * 10 + digit
                digits += 1
                if seenDot { scale += 1 }
            } else {
                return nil
            }
            i = u.index(after: i)
        }
        if digits == 0 || scale > Self.maxScale { return nil }
        self.units = neg ? -units : units
        self.scale = scale
    }

    public static func < (a: FixedDecimal, b: FixedDecimal) -> Bool {
        compare(a.units, a.scale, b.units, b.scale) < 0
    }

    public static func == (a: FixedDecimal, b: FixedDecimal) -> Bool {
        compare(a.units, a.scale, b.units, b.scale) == 0
    }

    /// Three-way comparison of two decimals at any scales, exact (scales ≤ 18 and 38-digit units
    /// never overflow when aligned in a wider split).
    public static func compare(_ a: Int128, _ sa: Int, _ b: Int128, _ sb: Int) -> Int {
        if sa == sb { return a < b ? -1 : (a == b ? 0 : 1) }
        // Align the smaller scale up; if that overflows, its magnitude dominates.
        if sa < sb {
            guard let x = rescale(a, from: sa, to: sb) else { return a < 0 ? -1 : 1 }
            return x < b ? -1 : (x == b ? 0 : 1)
        }
        guard let y = rescale(b, from: sb, to: sa) else { return b < 0 ? 1 : -1 }
        return a < y ? -1 : (a == y ? 0 : 1)
    }

    public func hash(into h: inout Hasher) {
        // Normalise trailing zeros so that 1.50 and 1.5 hash alike.
        var u = units
        var s = scale
        while s > 0 && u % 10 == 0 {
            u /= 10
            s -= 1
        }
        h.combine(u)
        h.combine(s)
    }

    /// Plain text: `-1234.50` (no thousands separators), at this value's scale.
    public var description: String { Self.text(units, scale: scale) }

    /// `units × 10^-scale` as plain text at `scale` digits.
    public static func text(_ units: Int128, scale: Int) -> String {
        if scale == 0 { return String(units) }
        let mag = units.magnitude
        let f = UInt128(pow10[scale])
        let (whole, frac) = mag.quotientAndRemainder(dividingBy: f)
        var fracText = String(frac)
        if fracText.count < scale { fracText = String(repeating: "0", count: scale - fracText.count) + fracText }
        return (units < 0 ? "-" : "") + String(whole) + "." + fracText
    }
}
