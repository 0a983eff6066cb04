#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Investment appraisal of cash flows: NPV, IRR, payback, ROI, benefit-cost ratio, XNPV and XIRR.
///
/// Periodic flows follow Excel's NPV convention made explicit: `flows[k]` falls at the end of period k and is
/// discounted by (1 + rate)^k, so `flows[0]` is undiscounted. `rate` is per period; ``monthlyRate(annual:)``
/// converts an annual rate. Undefined results are nil.
public enum CashFlowAppraisal {
    /// The monthly rate equivalent to an annual effective rate: (1 + r)^(1/12) − 1.
    public static func monthlyRate(annual r: Double) -> Double { pow(1 + r, 1.0 / 12) - 1 }

    /// An annual effective rate from a monthly one: (1 + m)^12 − 1.
    public static func annualRate(monthly m: Double) -> Double { pow(1 + m, 12) - 1 }

    /// NPV = Σ flows[k] / (1 + rate)^k, k = 0, 1, …; nil when rate ≤ −1.
    public static func npv(rate: Double, flows: [Double]) -> Double? {
        guard rate > -1 else { return nil }
        var total = 0.0, factor = 1.0
        for f in flows {
            total += f / factor
            factor *= 1 + rate
        }
        return total
    }

    /// How often the non-zero flows change sign.
    public static func signChanges(_ flows: [Double]) -> Int {
        var changes = 0
        var previous: Bool? = nil
        for f in flows where f != 0 {
            let positive = f > 0
            if let p = previous, p != positive { changes += 1 }
            previous = positive
        }
        return changes
    }

    /// The result of an IRR search.
    public struct IRR: Sendable, Equatable {
        /// The rate per period, nil when there is none (the flows never change sign, or no root was found).
        public var rate: Double?
        /// Every rate found where NPV = 0, ascending (more than one only when the flows change sign more than once).
        public var roots: [Double]
        /// How often the flows change sign.
        public var signChanges: Int
        /// A warning for the reader, or nil.
        public var note: String? {
            if signChanges == 0 { return "IRR undefined: the flows never change sign" }
            if rate == nil { return "IRR not found between -99.99% and 10,000% per period" }
            if signChanges > 1 {
                return "flows change sign \(signChanges) times: IRR may not be unique" + (roots.count > 1 ? " (\(roots.count) rates give NPV = 0)" : "")
            }
            return nil
        }
    }

    /// IRR: the rate per period at which NPV = 0.
    ///
    /// Scans for sign changes of NPV over rates from −99.99 % to 10,000 % per period, then bisects each bracket to
    /// machine precision. With several roots it reports the one nearest to 10 % (Excel's default guess) and says so.
    /// The scan evaluates NPV only where its sign is not proven otherwise (``NPVSignScan``): the same roots, to the bit,
    /// as evaluating every rate.
    public static func irr(_ flows: [Double]) -> IRR {
        let changes = signChanges(flows)
        guard changes > 0 else { return IRR(rate: nil, roots: [], signChanges: 0) }
        let roots = flows.withUnsafeBufferPointer { f -> [Double] in
            Self.roots(scanned: NPVSignScan(flows).values()) { NPVLanes.bisect(f, low: $0, high: $1, lowValue: $2) }
        }
        let best = roots.min { abs($0 - 0.1) < abs($1 - 0.1) }
        return IRR(rate: best, roots: roots, signChanges: changes)
    }

    /// Rates r in (−1, 100] where f(r) = 0, by a scan of f on ``RateGrid/rates`` and bisection.
    static func findRoots(_ f: (Double) -> Double?) -> [Double] {
        roots(scanned: RateGrid.rates.map { f($0) ?? .nan }) { bisect(low: $0, high: $1, lowValue: $2, f) }
    }

    /// The most steps a bisection takes.
    static let bisectionSteps = 200

    /// The root of f between `low` and `high`, where f has opposite signs (`lowValue` at `low`), bisected to machine
    /// precision: up to ``bisectionSteps`` midpoints, until the bracket is within 1e−15 of the midpoint (or 1e−15).
    static func bisect(low: Double, high: Double, lowValue: Double, _ f: (Double) -> Double?) -> Double {
        var lo = low, hi = high, flo = lowValue
        for _ in 0..<bisectionSteps {
            let mid = (lo + hi) / 2
            guard let fm = f(mid) else { break }
            if (fm < 0) == (flo < 0) { lo = mid; flo = fm } else { hi = mid }
            if hi - lo <= 1e-15 * max(1, abs(mid)) { break }
        }
        return (lo + hi) / 2
    }

    /// The roots from f's values on ``RateGrid/rates`` (not finite where f has none): a rate where the value is 0,
    /// and one bisected to machine precision (`bisect(low, high, value at low)`) between neighbouring rates whose
    /// values differ in sign. Only the values' signs are read.
    static func roots(scanned values: [Double], bisect: (Double, Double, Double) -> Double) -> [Double] {
        var roots: [Double] = []
        var prev: (Double, Double)? = nil
        for (x, y) in zip(RateGrid.rates, values) {
            guard y.isFinite else { prev = nil; continue }
            if y == 0 { roots.append(x); prev = (x, y); continue }
            if let (px, py) = prev, py != 0, (py < 0) != (y < 0) {
                roots.append(bisect(px, x, py))
            }
            prev = (x, y)
        }
        return roots
    }

    /// Payback: the time, in periods, at which the cumulative flow turns non-negative for good, interpolated
    /// linearly within that period: (k − 1) + |cumulative before| / flows[k].
    ///
    /// - Parameter rate: discount per period for discounted payback; 0 for simple payback.
    /// - Returns: nil when the cumulative flow is still negative at the end (never recovered).
    public static func payback(_ flows: [Double], rate: Double = 0) -> Double? {
        var scan = PaybackScan(), factor = 1.0
        for (k, f) in flows.enumerated() {
            scan.add(k, f / factor)
            factor *= 1 + rate
        }
        return scan.payback
    }

    /// ``payback(_:rate:)`` a flow at a time: `add(k, d)` with period k's (discounted) flow d, in order.
    struct PaybackScan {
        private var cumulative = 0.0
        private var lastNegativeEnd: (k: Int, before: Double, flow: Double)? = nil
        private var everNegative = false

        @inline(__always) mutating func add(_ k: Int, _ d: Double) {
            let before = cumulative
            cumulative += d
            if cumulative < 0 {
                everNegative = true
                lastNegativeEnd = nil
                return
            }
            if before < 0 && lastNegativeEnd == nil { lastNegativeEnd = (k, before, d) }
        }

        /// The payback so far: nil while the cumulative flow is negative.
        var payback: Double? {
            guard cumulative >= 0 else { return nil }
            guard everNegative, let (k, before, d) = lastNegativeEnd else { return 0 }
            return Double(k - 1) + (-before) / d
        }
    }

    /// Figures from separate cost and benefit streams (both positive amounts), period by period.
    public struct Summary: Sendable, Equatable {
        public var cost: Double
        public var benefit: Double
        public var presentCost: Double
        public var presentBenefit: Double
        /// ROI = (benefits − costs) / costs; nil when costs are 0.
        public var roi: Double? { cost > 0 ? (benefit - cost) / cost : nil }
        /// Discounted ROI = (PV benefits − PV costs) / PV costs.
        public var discountedROI: Double? { presentCost > 0 ? (presentBenefit - presentCost) / presentCost : nil }
        /// Benefit-cost ratio = PV benefits / PV costs.
        public var bcr: Double? { presentCost > 0 ? presentBenefit / presentCost : nil }
    }

    /// Totals and present values of costs and benefits at `rate` per period (same timing as ``npv(rate:flows:)``).
    public static func summary(costs: [Double], benefits: [Double], rate: Double) -> Summary {
        Summary(
            cost: costs.reduce(0, +), benefit: benefits.reduce(0, +),
            presentCost: npv(rate: rate, flows: costs) ?? 0, presentBenefit: npv(rate: rate, flows: benefits) ?? 0)
    }

    /// XNPV = Σ amount_i / (1 + rate)^((day_i − day_0) / 365), day_0 the first flow's date (actual/365).
    public static func xnpv(rate: Double, flows: [(day: Int32, amount: Double)]) -> Double? {
        guard rate > -1, let d0 = flows.first?.day else { return nil }
        return flows.reduce(0) { $0 + $1.amount / pow(1 + rate, Double($1.day - d0) / 365) }
    }

    /// XIRR: the annual rate at which XNPV = 0 (actual/365), chosen like ``irr(_:)``.
    public static func xirr(_ flows: [(day: Int32, amount: Double)]) -> IRR {
        let amounts = flows.map(\.amount)
        let changes = signChanges(amounts)
        guard changes > 0 else { return IRR(rate: nil, roots: [], signChanges: 0) }
        let roots = findRoots { xnpv(rate: $0, flows: flows) }
        return IRR(rate: roots.min { abs($0 - 0.1) < abs($1 - 0.1) }, roots: roots, signChanges: changes)
    }
}
