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
        let curve = [0.0] + cumulativePV
        var c = 0
        for k in curve.indices where curve[k] <= ev { c = k }
        if curve[c] == ev {
            // Exactly on the curve: the earliest period at which the plan reached EV (a flat stretch adds no time).
            var k = c
            while k > 0 && curve[k - 1] == ev { k -= 1 }
            return Double(k)
        }
        guard c + 1 < curve.count else { return nil }
        let step = curve[c + 1] - curve[c]
        guard step > 0 else { return nil }
        return Double(c) + (ev - curve[c]) / step
    }

    /// SV(t) = ES − AT, in periods.
    public static func svT(es: Double?, at: Double) -> Double? { es.map { $0 - at } }

    /// SPI(t) = ES / AT; nil when AT = 0.
    public static func spiT(es: Double?, at: Double) -> Double? {
        guard let es, at > 0 else { return nil }
        return es / at
    }
}
