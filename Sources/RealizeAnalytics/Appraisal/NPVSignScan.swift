#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// NPV of periodic flows on every rate of ``RateGrid/rates``, as far as an IRR search reads it: the value exactly as
/// ``CashFlowAppraisal/npv(rate:flows:)`` computes it where that is evaluated, else a proven sign (±1).
///
/// A run of rates needs no evaluation when NPV's sign over it is proven. With x = 1/(1 + r), NPV(x) = P(x) − N(x),
/// P summing the positive terms f·x^k and N the negative ones in magnitude, both growing with x: the positive part
/// at the run's highest rate outweighing the negative part at its lowest (or the other way round) proves the sign.
/// Where late flows dominate (rates below 0) the same holds of (1 + r)^n·P and (1 + r)^n·N, which grow with r.
/// A margin above the rounding error of these figures and of `npv` itself makes the sign certain for `npv`'s own
/// result at every rate of the run, so the brackets found, and the bisection inside them, are the same doubles as
/// scanning every rate. Runs are halved until proven or down to neighbouring rates, so evaluation is spent near
/// the roots (about 40 rates of 640 on a programme's 180 months, about 90 on a project's).
struct NPVSignScan {
    /// One evaluation: `npv` as ``CashFlowAppraisal/npv(rate:flows:)`` gives it, Σ|term| (= P + N, computed), and
    /// the last factor (1 + r)^n.
    struct Point {
        var npv: Double
        var magnitude: Double
        var growth: Double
        /// Whether every factor (1 + r)^k, k ≤ n, is at least e^−600, so no term overflows.
        var boundedBelow: Bool
        /// Whether every factor is also at most e^600, so (1 + r)^n and its products are normal doubles.
        var bounded: Bool
    }

    let flows: [Double]
    /// Whether the flows' non-zero magnitudes lie in [1e−25, 1e25] (else every rate is evaluated).
    private let provable: Bool
    /// The relative margin: well above the bound on the rounding error of `npv` (3n·2⁻⁵³ of Σ|term|), of P and N
    /// (the same) and of (1 + r)^n (2n·2⁻⁵³), 13n·2⁻⁵³ in all.
    private let margin: Double
    /// The absolute margin: terms below the normal range, or past a factor that overflowed, are each under 1e−280.
    private let floor: Double

    init(_ flows: [Double]) {
        self.flows = flows
        provable = flows.allSatisfy { $0 == 0 || (1e-25...1e25).contains(abs($0)) }
        margin = Double(12 * flows.count + 32) * Double.ulpOfOne
        floor = Double(flows.count) * 1e-270
    }

    /// NPV at every rate of ``RateGrid/rates``: the exact `npv` result where evaluated, else ±1 with its proven sign.
    ///
    /// Runs are halved a level at a time, and the midpoints of a level are evaluated together (``NPVLanes``): whether
    /// a run is split reads only its two ends, so the rates evaluated are those of halving one run after another.
    func values() -> [Double] {
        var search = Search(self)
        flows.withUnsafeBufferPointer { f in
            while !search.requests.isEmpty {
                search.receive(NPVLanes.points(f, rates: search.requests.map { RateGrid.rates[$0] }))
            }
        }
        return search.values
    }

    /// ``values()`` a level at a time (``IRRBatch`` halves many series' runs the same way, keeping only their ends):
    /// ``requests`` are the rates (indices into ``RateGrid/rates``) to evaluate next, ``receive(_:)`` takes their
    /// points and sets the next requests; none left: ``values`` is final.
    struct Search {
        let scan: NPVSignScan
        private(set) var values: [Double]
        private(set) var requests: [Int]
        private var points: [Point?]
        /// The runs split at the last level (their midpoints are the requests), nil before the first level.
        private var split: [(Int, Int)]? = nil

        init(_ scan: NPVSignScan) {
            self.scan = scan
            let count = RateGrid.rates.count
            values = [Double](repeating: .nan, count: count)
            points = [Point?](repeating: nil, count: count)
            requests = [0, count - 1]
        }

        /// Takes the points of ``requests`` (in order): runs whose sign the ends prove are filled, the others split.
        mutating func receive(_ evaluated: [Point]) {
            for (i, p) in zip(requests, evaluated) {
                points[i] = p
                values[i] = p.npv
            }
            let runs = split.map { $0.flatMap { (i, j) in [(i, (i + j) / 2), ((i + j) / 2, j)] } } ?? [(0, values.count - 1)]
            var next: [(Int, Int)] = []
            for (i, j) in runs where j - i > 1 {
                if let sign = scan.provenSign(points[i]!, points[j]!) {
                    for k in (i + 1)..<j { values[k] = sign }
                } else {
                    next.append((i, j))
                }
            }
            split = next
            requests = next.map { ($0.0 + $0.1) / 2 }
        }
    }

    /// The sign of `npv` at every rate from `low`'s to `high`'s (inclusive), when the bounds prove it.
    func provenSign(_ low: Point, _ high: Point) -> Double? {
        guard provable, low.boundedBelow, high.boundedBelow else { return nil }
        // P and N from the computed npv and Σ|term|.
        let positiveHigh = (high.magnitude + high.npv) / 2, negativeHigh = (high.magnitude - high.npv) / 2
        let positiveLow = (low.magnitude + low.npv) / 2, negativeLow = (low.magnitude - low.npv) / 2
        // P(high) and N(low) are the least and the most over the run (and the other way round).
        let slack = margin * low.magnitude + floor
        if positiveHigh - negativeLow > slack { return 1 }
        if negativeHigh - positiveLow > slack { return -1 }
        guard low.bounded, high.bounded else { return nil }
        // (1 + r)^n·P and (1 + r)^n·N: least at the run's lowest rate, most at its highest.
        let scaledSlack = margin * high.magnitude * high.growth
        if positiveLow * low.growth - negativeHigh * high.growth > scaledSlack { return 1 }
        if negativeLow * low.growth - positiveHigh * high.growth > scaledSlack { return -1 }
        return nil
    }

    /// NPV at `rate` by the same operations, in the same order, as ``CashFlowAppraisal/npv(rate:flows:)``.
    static func evaluate(_ flows: UnsafeBufferPointer<Double>, rate: Double) -> Point {
        var total = 0.0, magnitude = 0.0, factor = 1.0
        for f in flows {
            let d = f / factor
            total += d
            magnitude += abs(d)
            factor *= 1 + rate
        }
        return point(flows.count, rate: rate, npv: total, magnitude: magnitude, growth: factor)
    }

    /// The point of `count` flows at `rate` from the sums of the pass over them.
    static func point(_ count: Int, rate: Double, npv: Double, magnitude: Double, growth: Double) -> Point {
        // Factors run from 1 to (1 + r)^n: at least e^−600, no term of |flows| ≤ 1e25 overflows; at most e^600 too,
        // every term of |flows| ≥ 1e−25 is normal (else it is below `floor`).
        let logGrowth = Double(count) * log1p(rate)
        return Point(npv: npv, magnitude: magnitude, growth: growth, boundedBelow: logGrowth >= -600, bounded: abs(logGrowth) <= 600)
    }
}
