import RealizeTestSupport
import Testing

@testable import RealizeAnalytics

/// NPV at several rates a pass (``NPVLanes``): every lane is `npv` at its rate to the bit, and the two-steps-a-pass
/// bisection takes the serial bisection's steps.
@Suite struct NPVLanesTests {
    /// Points at 1 to 9 rates (every mix of 4-, 2- and 1-lane passes) are the one-rate evaluation's, field by field.
    @Test func pointsAreTheOneRateEvaluation() {
        var rng = SeededGenerator(seed: 41)
        for count in 1...9 {
            let flows = IRRSearchTests.programmeFlows(&rng) + [0, -0.0, 1e-3]
            let rates = (0..<count).map { _ in RateGrid.rates[Int.random(in: 0..<RateGrid.rates.count, using: &rng)] }
            flows.withUnsafeBufferPointer { f in
                let lanes = NPVLanes.points(f, rates: rates)
                #expect(lanes.count == rates.count)
                for (r, p) in zip(rates, lanes) {
                    let one = NPVSignScan.evaluate(f, rate: r)
                    #expect(p.npv.bitPattern == one.npv.bitPattern || (p.npv.isNaN && one.npv.isNaN), "rate \(r)")
                    #expect(p.magnitude.bitPattern == one.magnitude.bitPattern || (p.magnitude.isNaN && one.magnitude.isNaN))
                    #expect(p.growth.bitPattern == one.growth.bitPattern)
                    #expect(p.boundedBelow == one.boundedBelow && p.bounded == one.bounded)
                    if let exact = CashFlowAppraisal.npv(rate: r, flows: flows), !exact.isNaN { #expect(p.npv == exact) }
                }
            }
        }
    }

    /// The bisection two steps a pass ends on the serial bisection's root, on brackets of every width, including
    /// ones that end after an odd number of steps and ones cut off at the step limit.
    @Test func bisectionIsTheSerialOne() {
        var rng = SeededGenerator(seed: 7)
        for k in 0..<200 {
            let flows = k % 2 == 0 ? IRRSearchTests.programmeFlows(&rng) : [-1_000, 300, 400, 500.5]
            let lo = Double.random(in: -0.99...0.5, using: &rng), hi = lo + Double.random(in: 1e-9...2, using: &rng)
            let flo = CashFlowAppraisal.npv(rate: lo, flows: flows)!
            let serial = CashFlowAppraisal.bisect(low: lo, high: hi, lowValue: flo) { CashFlowAppraisal.npv(rate: $0, flows: flows) }
            let lanes = flows.withUnsafeBufferPointer { NPVLanes.bisect($0, low: lo, high: hi, lowValue: flo) }
            #expect(serial.bitPattern == lanes.bitPattern, "\(lo) \(hi)")
        }
    }

    /// The level-by-level scan evaluates `npv` exactly where it evaluates, and gives the full scan's roots.
    @Test func scanValuesAreExactWhereEvaluated() {
        var rng = SeededGenerator(seed: 99)
        for _ in 0..<40 {
            let flows = IRRSearchTests.programmeFlows(&rng)
            let scanned = NPVSignScan(flows).values()
            var evaluated = 0
            for (r, v) in zip(RateGrid.rates, scanned) where v.isFinite && abs(v) != 1 {
                #expect(v == CashFlowAppraisal.npv(rate: r, flows: flows)!)
                evaluated += 1
            }
            #expect(evaluated < RateGrid.rates.count / 2)
            let full = CashFlowAppraisal.findRoots { CashFlowAppraisal.npv(rate: $0, flows: flows) }
            #expect(CashFlowAppraisal.irr(flows).roots == full)
        }
    }
}
