import RealizeStore

/// The cell formatting as it was before it wrote digits into a buffer: `String(v)`, a grouping pass and
/// string concatenation. Kept only as the reference the faster code must match byte for byte.
enum CellFormatterReference {
    static func integer(_ v: Int64) -> String {
        (v < 0 ? "-" : "") + grouped(String(v.magnitude))
    }

    static func decimal(units: Int128, scale: Int) -> String {
        let mag = units.magnitude
        let shown = max(2, scale)
        let whole: UInt128, fracDigits: String
        if scale == 0 {
            whole = mag
            fracDigits = ""
        } else {
            let f = UInt128(FixedDecimal.pow10[scale])
            whole = mag / f
            fracDigits = zeroPadded(UInt64(mag % f), width: scale)
        }
        let frac = fracDigits + String(repeating: "0", count: shown - scale)
        return (units < 0 ? "-" : "") + grouped(String(whole)) + "." + frac
    }

    static func decimalPlaces(for values: [Double]) -> Int {
        var maxAbs = 0.0
        for v in values where v.isFinite { maxAbs = max(maxAbs, abs(v)) }
        let cap = maxAbs >= 100 ? 2 : 4
        var places = 0
        for v in values where v.isFinite {
            guard let scaled = scaledMagnitude(v, places: cap) else { continue }
            var p = cap
            var s = scaled
            while p > places && s % 10 == 0 { s /= 10; p -= 1 }
            places = max(places, p)
            if places == cap { break }
        }
        return places
    }

    static func double(_ v: Double, places: Int) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v < 0 ? "-∞" : "∞" }
        guard let scaled = scaledMagnitude(v, places: places) else { return Value.formatDouble(v) }
        if scaled == 0 && v != 0 { return scientific(v) }
        let f = UInt64(FixedDecimal.pow10[places])
        let sign = (v < 0 && scaled != 0) ? "-" : ""
        let whole = grouped(String(scaled / f))
        return places == 0 ? sign + whole : sign + whole + "." + zeroPadded(scaled % f, width: places)
    }

    /// The `.decimals(places)` display hint's text of one value.
    static func hintedDecimals(_ v: Double, places: Int) -> String {
        let shown = max(0, min(places, 17))
        let tiny = v.isFinite && abs(v) * Double(FixedDecimal.pow10[shown]) < 0.5
        return double(tiny ? 0 : v, places: shown)
    }

    private static func scaledMagnitude(_ v: Double, places: Int) -> UInt64? {
        let s = (abs(v) * Double(FixedDecimal.pow10[places])).rounded()
        return s < 9.2e18 ? UInt64(s) : nil
    }

    private static func scientific(_ v: Double) -> String {
        var m = abs(v)
        var e = 0
        while m < 1 { m *= 10; e -= 1 }
        let digits = UInt64((m * 1000).rounded())
        let mantissa = String(digits / 1000) + "." + zeroPadded(digits % 1000, width: 3)
        return (v < 0 ? "-" : "") + mantissa + "e" + String(e)
    }

    static func grouped(_ digits: String) -> String {
        let n = digits.utf8.count
        if n <= 3 { return digits }
        var out = ""
        out.reserveCapacity(n + n / 3)
        for (i, ch) in digits.enumerated() {
            if i > 0 && (n - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return out
    }

    private static func zeroPadded(_ v: UInt64, width: Int) -> String {
        let s = String(v)
        return s.count < width ? String(repeating: "0", count: width - s.count) + s : s
    }
}
