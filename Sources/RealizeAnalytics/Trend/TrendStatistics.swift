/// Statistics of a time series for `trend`: least-squares slope, moving average, XmR limits.
///
/// Series are indexed by period; nil marks a period without a value (skipped by every statistic).
public enum TrendStatistics {
    /// Ordinary least-squares fit of value on period index (0, 1, 2, …) over the non-nil points.
    ///
    /// - Returns: the slope per period and its t statistic (slope / standard error), or nil with fewer than
    ///   2 points; the t statistic is nil with fewer than 3 points or a perfect fit.
    public static func slope(_ series: [Double?]) -> (slope: Double, t: Double?)? {
        let pts = series.enumerated().compactMap { i, v in v.map { (Double(i), $0) } }
        let n = Double(pts.count)
        guard pts.count >= 2 else { return nil }
        let mx = pts.map(\.0).reduce(0, +) / n, my = pts.map(\.1).reduce(0, +) / n
        let sxx = pts.reduce(0) { $0 + ($1.0 - mx) * ($1.0 - mx) }
        let sxy = pts.reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
        guard sxx > 0 else { return nil }
        let b = sxy / sxx
        guard pts.count >= 3 else { return (b, nil) }
        let a = my - b * mx
        let sse = pts.reduce(0) { $0 + ($1.1 - a - b * $1.0) * ($1.1 - a - b * $1.0) }
        let se = (sse / (n - 2) / sxx).squareRoot()
        return (b, se > 0 ? b / se : nil)
    }

    /// Direction of a series from its slope: `improving`, `deteriorating` or `stable`.
    ///
    /// A slope counts only when it is significant: |t| ≥ 2 (about the 5 % level). `higherIsBetter` nil means the
    /// metric has no good direction, giving `rising`, `falling` or `stable`.
    public static func direction(slope: Double, t: Double?, higherIsBetter: Bool?) -> String {
        let significant = t.map { abs($0) >= 2 } ?? false
        guard significant, slope != 0 else { return "stable" }
        guard let better = higherIsBetter else { return slope > 0 ? "rising" : "falling" }
        return (slope > 0) == better ? "improving" : "deteriorating"
    }

    /// Trailing moving average over `window` periods; nil until `window` values are present (a gap restarts it).
    public static func movingAverage(_ series: [Double?], window: Int = 3) -> [Double?] {
        series.indices.map { i in
            guard i + 1 >= window else { return nil }
            let slice = series[(i + 1 - window)...i]
            guard slice.allSatisfy({ $0 != nil }) else { return nil }
            return slice.reduce(0) { $0 + $1! } / Double(window)
        }
    }

    /// XmR (individuals and moving range) chart limits: centre = mean, limits = mean ± 2.66 × mean moving range.
    ///
    /// Moving ranges are |xᵢ − xᵢ₋₁| between consecutive values present. Wheeler, *Understanding Variation* (2000).
    public static func xmr(_ series: [Double?]) -> (centre: Double, lower: Double, upper: Double)? {
        let xs = series.compactMap { $0 }
        guard xs.count >= 2 else { return nil }
        let mean = xs.reduce(0, +) / Double(xs.count)
        let ranges = zip(xs.dropFirst(), xs).map { abs($0 - $1) }
        let mr = ranges.reduce(0, +) / Double(ranges.count)
        return (mean, mean - 2.66 * mr, mean + 2.66 * mr)
    }

    /// `above UCL` / `below LCL` for a point outside the limits, else nil.
    public static func signal(_ v: Double?, _ limits: (centre: Double, lower: Double, upper: Double)?) -> String? {
        guard let v, let l = limits else { return nil }
        if v > l.upper { return "above UCL" }
        if v < l.lower { return "below LCL" }
        return nil
    }
}
