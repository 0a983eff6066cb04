import RealizeStore
import RealizeTestSupport
import Testing
@testable import RealizeAnalytics

/// The faster paths of `trend` and `appraise` against the code they replaced: the same bits, the same text.
@Suite struct TrendSpeedupTests {
    /// Random series with gaps, whole numbers, tiny and huge values, negative zero and non-finite values.
    static func series(_ rng: inout SeededGenerator, count: Int) -> [Double?] {
        (0..<count).map { _ -> Double? in
            switch Int.random(in: 0..<12, using: &rng) {
            case 0: nil
            case 1: Double(Int.random(in: -1000...1000, using: &rng))
            case 2: -0.0
            case 3: Double.random(in: -1e-9...1e-9, using: &rng)
            case 4: Double.random(in: -1e18...1e18, using: &rng)
            case 5: [Double.nan, .infinity, -.infinity][Int.random(in: 0..<3, using: &rng)]
            default: Double.random(in: 0.5...1.5, using: &rng)
            }
        }
    }

    @Test func seriesTextIsDisplayHintSeriesText() {
        var rng = SeededGenerator(seed: 0x5E71E5)
        for n in [0, 1, 2, 3, 17, 180] {
            for _ in 0..<40 {
                let s = Self.series(&rng, count: n)
                #expect(SeriesText.of(s) == DisplayHint.seriesText(s))
            }
        }
    }

    @Test func statisticsAreBitIdenticalToTheArrayForms() {
        var rng = SeededGenerator(seed: 0x57A75)
        for n in [0, 1, 2, 3, 4, 12, 180] {
            for _ in 0..<50 {
                // Finite values (the statistics of a series with ±∞ or NaN are not compared bit for bit).
                let s = Self.series(&rng, count: n).map { v in v.flatMap { $0.isFinite ? $0 : nil } }
                let fit = TrendStatistics.slope(s), ref = Reference.slope(s)
                #expect(fit?.slope.bitPattern == ref?.slope.bitPattern && fit?.t?.bitPattern == ref?.t?.bitPattern)
                let x = TrendStatistics.xmr(s), y = Reference.xmr(s)
                #expect(
                    x?.centre.bitPattern == y?.centre.bitPattern && x?.lower.bitPattern == y?.lower.bitPattern
                        && x?.upper.bitPattern == y?.upper.bitPattern)
                #expect(TrendStatistics.movingAverage(s).map { $0?.bitPattern } == Reference.movingAverage(s).map { $0?.bitPattern })
                #expect(TrendStatistics.movingAverage(s, at: s.count - 1)?.bitPattern == (Reference.movingAverage(s).last ?? nil)?.bitPattern)
            }
        }
    }

    @Test func distinctTextIsTheBuildersColumn() {
        var rng = SeededGenerator(seed: 0xD157)
        for n in [0, 1, 5, 200] {
            let values = (0..<n).map { _ in ["a;1", "b", "", "a;1;2", "zz", "b;"][Int.random(in: 0..<6, using: &rng)] }
            let fast = ResultColumn.distinctText("s", values), built = ResultColumn.text("s", values)
            guard case .text(let c1, let d1) = fast.storage, case .text(let c2, let d2) = built.storage else {
                Issue.record("not text columns")
                continue
            }
            #expect(c1 == c2 && d1 == d2 && fast.validity == nil && built.validity == nil)
        }
    }

    @Test func groupWorkKeepsGroupOrder() {
        for n in [0, 1, GroupWork.parallelGroups - 1, GroupWork.parallelGroups, 1001] {
            #expect(GroupWork.map(n) { $0 * 3 + 1 } == (0..<n).map { $0 * 3 + 1 })
        }
    }

    @Test func unitsToDoubleIsFixedDecimalDouble() {
        var rng = SeededGenerator(seed: 0x0D0B1E)
        for scale in 0...8 {
            let convert = UnitsToDouble(scale: scale)
            for _ in 0..<200 {
                let u: Int128 =
                    Bool.random(using: &rng)
                    ? Int128(Int64.random(in: -(1 << 54)...(1 << 54), using: &rng))
                    : Int128(Int64.random(in: .min ... .max, using: &rng)) * Int128(Int64.random(in: -1_000_000...1_000_000, using: &rng))
                #expect(convert(u).bitPattern == FixedDecimal.double(u, scale: scale).bitPattern)
            }
        }
    }

    /// `TrendStatistics` as it was written before its loops: arrays of points and ranges, then `reduce`.
    enum Reference {
        static func slope(_ series: [Double?]) -> (slope: Double, t: Double?)? {
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

        static func movingAverage(_ series: [Double?], window: Int = 3) -> [Double?] {
            series.indices.map { i in
                guard i + 1 >= window else { return nil }
                let slice = series[(i + 1 - window)...i]
                guard slice.allSatisfy({ $0 != nil }) else { return nil }
                return slice.reduce(0) { $0 + $1! } / Double(window)
            }
        }

        static func xmr(_ series: [Double?]) -> (centre: Double, lower: Double, upper: Double)? {
            let xs = series.compactMap { $0 }
            guard xs.count >= 2 else { return nil }
            let mean = xs.reduce(0, +) / Double(xs.count)
            let ranges = zip(xs.dropFirst(), xs).map { abs($0 - $1) }
            let mr = ranges.reduce(0, +) / Double(ranges.count)
            return (mean, mean - 2.66 * mr, mean + 2.66 * mr)
        }
    }
}
