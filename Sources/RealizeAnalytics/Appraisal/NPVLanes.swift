/// NPV of one set of periodic flows at several rates in one pass over the flows, a rate a SIMD lane.
///
/// Each lane makes the operations of ``CashFlowAppraisal/npv(rate:flows:)``, in the same order (`f / factor`,
/// added to the total, then `factor *= 1 + rate`), so each lane's result is that function's, to the bit: IEEE
/// division, multiplication and addition are correctly rounded lane by lane, and nothing is fused. One pass at 4
/// rates costs about 1.5 passes at one: the rates' chains of multiplications and additions run side by side and
/// the divisions go two at a time.
enum NPVLanes {
    /// NPV, Σ|term| and the last factor (1 + r)^n at each lane's rate (every rate above −1).
    @inline(__always)
    static func evaluate<V: SIMD>(_ flows: UnsafeBufferPointer<Double>, rates: V) -> (npv: V, magnitude: V, growth: V)
    where V.Scalar == Double {
        var total = V(repeating: 0), magnitude = V(repeating: 0), factor = V(repeating: 1)
        let step = V(repeating: 1) + rates
        for f in flows {
            let d = V(repeating: f) / factor
            total += d
            // |d|: −d where negative (a −0 term stays −0, which adds nothing to a total that starts at +0).
            magnitude += d.replacing(with: -d, where: d .< 0)
            factor *= step
        }
        return (total, magnitude, factor)
    }

    /// NPV points (``NPVSignScan/Point``) at `rates`, 4 lanes a pass (2 for a remainder of 2, one rate alone).
    static func points(_ flows: UnsafeBufferPointer<Double>, rates: [Double]) -> [NPVSignScan.Point] {
        var out: [NPVSignScan.Point] = []
        out.reserveCapacity(rates.count)
        var k = 0
        while k < rates.count {
            let left = rates.count - k
            if left >= 3 {
                // Three rates: the third again in the fourth lane, read by no one.
                let r = SIMD4(rates[k], rates[k + 1], rates[k + 2], left > 3 ? rates[k + 3] : rates[k + 2])
                let v = evaluate(flows, rates: r)
                for lane in 0..<min(4, left) {
                    out.append(NPVSignScan.point(flows.count, rate: r[lane], npv: v.npv[lane], magnitude: v.magnitude[lane], growth: v.growth[lane]))
                }
                k += min(4, left)
            } else if left == 2 {
                let r = SIMD2(rates[k], rates[k + 1])
                let v = evaluate(flows, rates: r)
                for lane in 0..<2 {
                    out.append(NPVSignScan.point(flows.count, rate: r[lane], npv: v.npv[lane], magnitude: v.magnitude[lane], growth: v.growth[lane]))
                }
                k += 2
            } else {
                out.append(NPVSignScan.evaluate(flows, rate: rates[k]))
                k += 1
            }
        }
        return out
    }

    /// The bisection of ``CashFlowAppraisal/bisect(low:high:lowValue:_:)`` on NPV, two steps a pass: the midpoint
    /// and both midpoints the next step can take are evaluated side by side, and the step taken reads its own.
    /// The same midpoints, the same values, so the same root to the bit.
    /// - Precondition: `low` > −1 (every midpoint is then a rate NPV is defined at).
    static func bisect(_ flows: UnsafeBufferPointer<Double>, low: Double, high: Double, lowValue: Double) -> Double {
        var lo = low, hi = high, flo = lowValue
        var steps = 0
        while steps < CashFlowAppraisal.bisectionSteps {
            let mid = (lo + hi) / 2
            let left = (lo + mid) / 2, right = (mid + hi) / 2
            let v = evaluate(flows, rates: SIMD4(mid, left, right, right)).npv
            // The first step, at `mid`.
            let wentLeft: Bool
            if (v[0] < 0) == (flo < 0) { lo = mid; flo = v[0]; wentLeft = false } else { hi = mid; wentLeft = true }
            steps += 1
            if hi - lo <= 1e-15 * max(1, abs(mid)) || steps == CashFlowAppraisal.bisectionSteps { break }
            // The second, at (lo + hi) / 2: `left` after a step left (hi = mid), `right` after one right (lo = mid).
            let mid2 = wentLeft ? left : right, fm2 = wentLeft ? v[1] : v[2]
            if (fm2 < 0) == (flo < 0) { lo = mid2; flo = fm2 } else { hi = mid2 }
            steps += 1
            if hi - lo <= 1e-15 * max(1, abs(mid2)) { break }
        }
        return (lo + hi) / 2
    }
}
