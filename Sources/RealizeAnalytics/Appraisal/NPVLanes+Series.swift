/// NPV of different series of flows side by side: each SIMD lane has its own series (``FlowSeries``) and rate.
///
/// Each lane makes exactly the operations of ``CashFlowAppraisal/npv(rate:flows:)`` on its series, in the same
/// order (`f / factor`, added to the total, then `factor *= 1 + rate`), so each result is that function's, to the
/// bit. Lanes whose series is shorter than the longest in the pass keep their total, Σ|term| and factor as they
/// were after their last flow (a select, not an addition of zero, so even the sign of a zero total is kept).
///
/// Used to run many groups' IRR searches together (``IRRBatch``): a bisection step then costs one lane of a pass
/// instead of the two of ``NPVLanes/bisect(_:low:high:lowValue:)``, which evaluates both next midpoints of a
/// single series in advance.
extension NPVLanes {
    /// |v| lane by lane, by clearing the sign bits (one AND, where a compare and a select take several SSE2
    /// instructions); a −0 term becomes +0, which adds the same to a total that starts at +0.
    @inline(__always)
    static func magnitude(_ v: SIMD4<Double>) -> SIMD4<Double> {
        unsafeBitCast(unsafeBitCast(v, to: SIMD4<UInt64>.self) & SIMD4(repeating: ~(1 << 63)), to: SIMD4<Double>.self)
    }

    /// One NPV to evaluate: a series of a ``FlowSeries`` at a rate (above −1).
    struct Job {
        var series: Int
        var rate: Double
    }

    /// NPV, Σ|term| (when `magnitude`) and the last factor of 4 lanes, lane i over `count[i]` flows from `base[i]`.
    @inline(__always)
    static func evaluate(
        _ base: (UnsafePointer<Double>, UnsafePointer<Double>, UnsafePointer<Double>, UnsafePointer<Double>), count: SIMD4<Int64>,
        rates: SIMD4<Double>, magnitude wantMagnitude: Bool
    ) -> (npv: SIMD4<Double>, magnitude: SIMD4<Double>, growth: SIMD4<Double>) {
        var total = SIMD4<Double>(repeating: 0), magnitude = SIMD4<Double>(repeating: 0), factor = SIMD4<Double>(repeating: 1)
        let step = SIMD4<Double>(repeating: 1) + rates
        let shortest = Int(count.min()), longest = Int(count.max())
        for k in 0..<shortest {
            let d = SIMD4(base.0[k], base.1[k], base.2[k], base.3[k]) / factor
            total += d
            if wantMagnitude { magnitude += NPVLanes.magnitude(d) }
            factor *= step
        }
        // Past the shortest series: each lane only while it has flows.
        for k in shortest..<longest {
            let live = SIMD4<Int64>(repeating: Int64(k)) .< count
            let d = SIMD4(base.0[k], base.1[k], base.2[k], base.3[k]) / factor
            total.replace(with: total + d, where: live)
            if wantMagnitude { magnitude.replace(with: magnitude + NPVLanes.magnitude(d), where: live) }
            factor.replace(with: factor * step, where: live)
        }
        return (total, magnitude, factor)
    }

    /// The flows and lengths of the series of one pass's lanes (`ids`: lane i's series).
    @inline(__always)
    private static func lanes(_ flows: UnsafeBufferPointer<Double>, _ series: FlowSeries, _ ids: SIMD4<Int>)
        -> (base: (UnsafePointer<Double>, UnsafePointer<Double>, UnsafePointer<Double>, UnsafePointer<Double>), count: SIMD4<Int64>)
    {
        let root = flows.baseAddress.unsafelyUnwrapped
        var count = SIMD4<Int64>()
        for lane in 0..<4 { count[lane] = Int64(series.count[ids[lane]]) }
        return ((root + series.start[ids[0]], root + series.start[ids[1]], root + series.start[ids[2]], root + series.start[ids[3]]), count)
    }

    /// ``NPVSignScan/Point`` of every job, 4 jobs a pass, in the order of `jobs`. Jobs are packed by the length of
    /// their series, so a pass runs over series of about the same length; `packed`: they come in that order already
    /// (or the caller does not mind how they are packed), so they are taken as they come.
    static func points(_ series: FlowSeries, jobs: [Job], packed: Bool = false) -> [NPVSignScan.Point] {
        let order = packed ? Array(jobs.indices) : byLength(jobs.indices.map { series.count[jobs[$0].series] })
        var out = [NPVSignScan.Point](repeating: NPVSignScan.Point(npv: 0, magnitude: 0, growth: 1, boundedBelow: true, bounded: true), count: jobs.count)
        series.values.withUnsafeBufferPointer { flows in
            for first in stride(from: 0, to: order.count, by: 4) {
                // Missing lanes repeat the pass's first job, unread.
                let here = order[first..<min(order.count, first + 4)]
                var ids = SIMD4<Int>(repeating: jobs[here.first!].series), rates = SIMD4<Double>(repeating: jobs[here.first!].rate)
                for (lane, j) in here.enumerated() { (ids[lane], rates[lane]) = (jobs[j].series, jobs[j].rate) }
                let l = lanes(flows, series, ids)
                let v = evaluate(l.base, count: l.count, rates: rates, magnitude: true)
                for (lane, j) in here.enumerated() {
                    out[j] = NPVSignScan.point(
                        Int(l.count[lane]), rate: rates[lane], npv: v.npv[lane], magnitude: v.magnitude[lane], growth: v.growth[lane])
                }
            }
        }
        return out
    }

    /// The indices of `lengths` from the shortest length to the longest, in index order among equal lengths (one
    /// sort of packed integers: a length below 2³¹ in the high half, the index in the low).
    static func byLength(_ lengths: [Int]) -> [Int] {
        var keys = lengths.enumerated().map { i, n in n << 32 | i }
        keys.sort()
        return keys.map { $0 & 0xFFFF_FFFF }
    }

    /// A bracket to bisect: a series, and rates `low` < `high` (`low` > −1) where its NPV has opposite signs,
    /// `lowValue` at `low`.
    struct Bracket {
        var series: Int
        var low: Double
        var high: Double
        var lowValue: Double
    }

    /// The root in each bracket, bisected exactly as ``CashFlowAppraisal/bisect(low:high:lowValue:_:)`` does on
    /// NPV (the same midpoints, the same values, the same root to the bit), 4 brackets side by side: a lane whose
    /// bisection ends takes the next bracket (brackets are taken by the length of their series).
    static func bisect(_ series: FlowSeries, brackets: [Bracket]) -> [Double] {
        var out = [Double](repeating: .nan, count: brackets.count)
        var queue = byLength(brackets.indices.map { series.count[brackets[$0].series] })[...]
        // Per lane: its bracket (nil: idle), bounds, the value at `low`, and the steps taken.
        var job = [Int?](repeating: nil, count: 4)
        var lo = SIMD4<Double>(), hi = SIMD4<Double>(), flo = SIMD4<Double>(), steps = SIMD4<Int>()
        series.values.withUnsafeBufferPointer { flows in
            while true {
                for lane in 0..<4 where job[lane] == nil {
                    guard let b = queue.popFirst() else { break }
                    job[lane] = b
                    (lo[lane], hi[lane], flo[lane], steps[lane]) = (brackets[b].low, brackets[b].high, brackets[b].lowValue, 0)
                }
                guard let any = (0..<4).first(where: { job[$0] != nil }) else { return }
                let mid = (lo + hi) / 2
                // Idle lanes repeat a busy one, unread.
                var ids = SIMD4<Int>(), rates = mid
                for lane in 0..<4 {
                    ids[lane] = brackets[job[lane] ?? job[any]!].series
                    if job[lane] == nil { rates[lane] = mid[any] }
                }
                let l = lanes(flows, series, ids)
                let v = evaluate(l.base, count: l.count, rates: rates, magnitude: false).npv
                for lane in 0..<4 where job[lane] != nil {
                    let m = mid[lane], fm = v[lane]
                    if (fm < 0) == (flo[lane] < 0) {
                        lo[lane] = m
                        flo[lane] = fm
                    } else {
                        hi[lane] = m
                    }
                    steps[lane] += 1
                    if hi[lane] - lo[lane] <= 1e-15 * max(1, abs(m)) || steps[lane] == CashFlowAppraisal.bisectionSteps {
                        out[job[lane]!] = (lo[lane] + hi[lane]) / 2
                        job[lane] = nil
                    }
                }
            }
        }
        return out
    }
}
