/// Earned schedule (Lipke, "Schedule is Different", *The Measurable News*, 2003; PMI Practice Standard for EVM,
/// 2nd ed., appendix D): the time at which the work performed was planned to be performed.
public enum EarnedSchedule {
    /// ES = C + (EV − PV_C) / (PV_{C+1} − PV_C), where PV_k is the cumulative planned value at the end of period k
    /// (PV_0 = 0) and C is the last period with PV_C ≤ EV.
    ///
    /// - Parameters:
    ///   - cumulativePV: cumulative planned value at the end of periods 1, 2, … (as far as the plan is known).
    ///   - ev: cumulative earned value at the status date.
    /// - Returns: ES in periods, or nil when it cannot be interpolated (EV beyond the known plan and not equal to it).
    public static func es(cumulativePV: [Double], ev: Double) -> Double? {
        es(curve: ScheduleCurve(cumulativePV: cumulativePV), ev: ev)
    }

    /// ES over a curve kept as its steps: the same result as the dense form, in O(steps), whatever the span.
    public static func es(curve: ScheduleCurve, ev: Double) -> Double? {
        // C: the last index whose value is ≤ EV, i.e. the end of the last step at or below EV (0 when none is).
        var last = -1
        for k in curve.values.indices where curve.values[k] <= ev { last = k }
        let c = last < 0 ? 0 : curve.end(ofStep: last)
        let cStep = last < 0 ? 0 : last
        if curve.values[cStep] == ev {
            // Exactly on the curve: the earliest period at which the plan reached EV (a flat stretch adds no time).
            var k = cStep
            while k > 0 && curve.values[k - 1] == ev { k -= 1 }
            return Double(curve.indices[k])
        }
        guard c + 1 <= curve.lastIndex else { return nil }
        let next = curve.values[curve.step(containing: c + 1)]
        let step = next - curve.values[cStep]
        guard step > 0 else { return nil }
        return Double(c) + (ev - curve.values[cStep]) / step
    }

    /// SV(t) = ES − AT, in periods.
    public static func svT(es: Double?, at: Double) -> Double? { es.map { $0 - at } }

    /// SPI(t) = ES / AT; nil when AT = 0.
    public static func spiT(es: Double?, at: Double) -> Double? {
        guard let es, at > 0 else { return nil }
        return es / at
    }

    /// Planned duration PD: the period at which the cumulative plan first reaches its final value (the end of the
    /// last period with planned value), counted from the first period of the curve; nil when nothing is planned.
    public static func plannedDuration(curve: ScheduleCurve) -> Double? {
        guard let final = curve.values.last, final > 0 else { return nil }
        var k = curve.values.count - 1
        while k > 0 && curve.values[k - 1] == final { k -= 1 }
        return Double(curve.indices[k])
    }

    /// IEAC(t) = PD / SPI(t), the independent estimate of the duration at completion (Lipke 2003; PMI Practice
    /// Standard for EVM, appendix D); nil when SPI(t) is missing or not positive.
    public static func ieacT(plannedDuration pd: Double?, spiT: Double?) -> Double? {
        guard let pd, let spiT, spiT > 0 else { return nil }
        return pd / spiT
    }

    /// The forecast finish month: the month in which IEAC(t) months from the start of `first` end,
    /// first + ⌈IEAC(t)⌉ − 1 (12.0 months from 2025-01 finish in 2025-12; 12.1 in 2026-01).
    public static func finish(first: Int32, ieacT: Double?) -> Int32? {
        guard let ieacT, ieacT.isFinite, ieacT > 0, ieacT < 120_000 else { return nil }
        return first + Int32((ieacT - 1e-9).rounded(.up)) - 1
    }
}
