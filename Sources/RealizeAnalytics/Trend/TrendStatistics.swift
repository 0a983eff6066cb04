/// Statistics of a time series for `trend`: least-squares slope, moving average, XmR limits.
///
/// Series are indexed by period; nil marks a period without a value (skipped by every statistic).
public enum TrendStatistics {
    /// Ordinary least-squares fit of value on period index (0, 1, 2, …) over the non-nil points.
    ///
    /// - Returns: the slope per period and its t statistic (slope / standard error), or nil with fewer than
    ///   2 points; the t statistic is nil with fewer than 3 points or a perfect fit.
    public static func slope(_ series: [Double?]) -> (slope: Double, t: Double?)? {
        // Loops over the points present, with the operations (and their order) of the textbook sums:
        // x̄ = (0 + x₀ + x₁ + …) / n, Sxx = 0 + (x₀ − x̄)² + …, and so on.
        var count = 0, sumX = 0.0, sumY = 0.0
        for (i, v) in series.enumerated() {
            guard let v else { continue }
            count += 1
            sumX += Double(i)
            sumY += v
        }
        guard count >= 2 else { return nil }
        let n = Double(count)
        let mx = sumX / n, my = sumY / n
        var sxx = 0.0, sxy = 0.0
        for (i, v) in series.enumerated() {
            guard let v else { continue }
            let x = Double(i)
            sxx = sxx + (x - mx) * (x - mx)
            sxy = sxy + (x - mx) * (v - my)
        }
        guard sxx > 0 else { return nil }
        let b = sxy / sxx
        guard count >= 3 else { return (b, nil) }
        let a = my - b * mx
        var sse = 0.0
        for (i, v) in series.enumerated() {
            guard let v else { continue }
            let x = Double(i)
            sse = sse + (v - a - b * x) * (v - a - b * x)
        }
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
        series.indices.map { movingAverage(series, window: window, at: $0) }
    }

    /// The trailing moving average at `i` (see ``movingAverage(_:window:)``): (0 + xᵢ₋ᵥ₊₁ + … + xᵢ) / window.
    public static func movingAverage(_ series: [Double?], window: Int = 3, at i: Int) -> Double? {
        guard i + 1 >= window, i < series.count else { return nil }
        var total = 0.0
        for k in (i + 1 - window)...i {
            guard let v = series[k] else { return nil }
            total = total + v
        }
        return total / Double(window)
    }

    /// XmR (individuals and moving range) chart limits: centre = mean, limits = mean ± 2.66 × mean moving range.
    ///
    /// Moving ranges are |xᵢ − xᵢ₋₁| between consecutive values present. Wheeler, *Understanding Variation* (2000).
    public static func xmr(_ series: [Double?]) -> (centre: Double, lower: Double, upper: Double)? {
        // Sums in the order of the values present: 0 + x₀ + x₁ + …, and 0 + |x₁ − x₀| + |x₂ − x₁| + ….
        var count = 0, total = 0.0, ranges = 0.0
        var previous: Double? = nil
        for case let x? in series {
            count += 1
            total = total + x
            if let p = previous { ranges = ranges + abs(x - p) }
            previous = x
        }
        guard count >= 2 else { return nil }
        let mean = total / Double(count)
        let mr = ranges / Double(count - 1)
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
