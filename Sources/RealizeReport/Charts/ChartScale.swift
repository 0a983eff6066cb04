import RealizeStore

/// Axis ticks, number labels and colours shared by every chart.
enum ChartScale {
    /// Colours that stay distinct for colour-blind readers and on paper (Okabe–Ito, darkened).
    static let palette = ["#1f5f99", "#d55e00", "#009e73", "#cc79a7", "#b8860b", "#56b4e9", "#5b2c6f", "#444444"]
    static let negative = "#b3261e"
    static let limit = "#8c1d18"

    /// Round tick values (steps of 1, 2 or 5 × 10ⁿ) covering `lo…hi`, about `count` of them.
    static func ticks(_ lo: Double, _ hi: Double, count: Int = 5) -> [Double] {
        var lo = lo, hi = hi
        if lo == hi { lo -= lo == 0 ? 1 : abs(lo) * 0.1; hi += hi == 0 ? 1 : abs(hi) * 0.1 }
        let raw = (hi - lo) / Double(max(count, 1))
        let magnitude = pow10(floor(log10(raw)))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
        let first = floor(lo / step) * step
        var out: [Double] = []
        var v = first
        while v <= hi + step * 0.5 && out.count < 50 {
            out.append(abs(v) < step * 1e-9 ? 0 : v)
            if v >= hi { break }
            v += step
        }
        if let last = out.last, last < hi { out.append(last + step) }
        return out
    }

    private static func pow10(_ e: Double) -> Double {
        var r = 1.0
        if e >= 0 { for _ in 0..<Int(e) { r *= 10 } } else { for _ in 0..<Int(-e) { r /= 10 } }
        return r
    }

    private static func floor(_ x: Double) -> Double { x.rounded(.down) }

    private static func log10(_ x: Double) -> Double {
        // Enough precision for choosing a step: count decimal orders of magnitude.
        guard x > 0 else { return 0 }
        var e = 0.0, v = x
        while v >= 10 { v /= 10; e += 1 }
        while v < 1 { v *= 10; e -= 1 }
        return e
    }

    /// A tick label: `1.5M`, `250k`, `0.95`, `-1,200`, using as many decimals as the step needs.
    static func tick(_ v: Double, step: Double) -> String {
        let a = abs(v)
        if a >= 1_000_000_000 || step >= 1_000_000_000 { return compact(v / 1_000_000_000, step: step / 1_000_000_000) + "B" }
        if a >= 1_000_000 || step >= 1_000_000 { return compact(v / 1_000_000, step: step / 1_000_000) + "M" }
        if a >= 10_000 && step >= 1_000 { return compact(v / 1_000, step: step / 1_000) + "k" }
        return fixed(v, places: places(for: step))
    }

    private static func compact(_ v: Double, step: Double) -> String { fixed(v, places: places(for: step)) }

    private static func places(for step: Double) -> Int {
        var p = 0
        var s = abs(step)
        while p < 6 && s > 0 && (s - s.rounded()).magnitude > 1e-9 * max(1, s) { s *= 10; p += 1 }
        return p
    }

    /// A data label: grouped, with 2 decimals below 100, none above; `n/a` for nil.
    static func label(_ v: Double?) -> String {
        guard let v else { return "n/a" }
        return fixed(v, places: abs(v) >= 100 ? 0 : (abs(v) >= 10 ? 1 : 2))
    }

    /// `v` with `places` decimals and thousands separators.
    static func fixed(_ v: Double, places: Int) -> String {
        let factor = (0..<places).reduce(1.0) { r, _ in r * 10 }
        let scaled = (abs(v) * factor).rounded()
        guard scaled < 9e18 else { return Value.formatDouble(v) }
        let units = UInt64(scaled)
        let f = UInt64(factor)
        var whole = String(units / f)
        var grouped = ""
        while whole.count > 3 {
            grouped = "," + whole.suffix(3) + grouped
            whole = String(whole.dropLast(3))
        }
        grouped = whole + grouped
        let sign = v < 0 && units != 0 ? "−" : ""
        if places == 0 { return sign + grouped }
        let frac = String(units % f)
        return sign + grouped + "." + String(repeating: "0", count: places - frac.count) + frac
    }
}
