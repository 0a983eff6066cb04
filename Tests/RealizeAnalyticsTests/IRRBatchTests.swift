import RealizeTestSupport
import Testing

@testable import RealizeAnalytics

/// Many series' IRR searches run together (``IRRBatch``, ``NPVLanes`` over a ``FlowSeries``): every figure is the
/// one-series search's to the bit, whatever the series' lengths and however the lanes are packed.
@Suite struct IRRBatchTests {
    /// Series of every kind and length side by side: programme-like flows, short integer flows, long flows whose
    /// NPV overflows near −100 %, flows past the sign proofs' magnitudes, no sign change, empty and single flows.
    static func mixedSeries(_ rng: inout SeededGenerator, count: Int) -> [[Double]] {
        var out: [[Double]] = [[], [5], [-100, 230, -132], [-1, 1e-9], [1e30, -2e30, 1e-30], [0, -0.0, 0]]
        while out.count < count {
            switch Int.random(in: 0..<5, using: &rng) {
            case 0: out.append(IRRSearchTests.programmeFlows(&rng))
            case 1:
                let n = Int.random(in: 2...12, using: &rng)
                out.append((0..<n).map { _ in Double(Int.random(in: -1_000...1_000, using: &rng)) })
            case 2:
                let n = Int.random(in: 250...420, using: &rng)
                out.append((0..<n).map { k in Double(Int.random(in: -50_000...(k < n / 3 ? 10_000 : 60_000), using: &rng)) / 100 })
            case 3: out.append([-1e27, 3e26, 5e26, 4e26, Double(Int.random(in: 1...9, using: &rng)) * 1e-27])
            default: out.append((0..<Int.random(in: 1...30, using: &rng)).map { _ in Double(Int.random(in: 1...500, using: &rng)) })
            }
        }
        return out
    }

    /// Each series' IRR (rate, every root, sign changes, note) is ``CashFlowAppraisal/irr(_:)``'s, bit for bit.
    @Test(arguments: [1, 2, 3, 5, 17, 90])
    func batchIsTheOneSeriesSearch(count: Int) {
        var rng = SeededGenerator(seed: UInt64(300 + count))
        let series = Self.mixedSeries(&rng, count: count)
        let batch = IRRBatch.irrs(series)
        #expect(batch.count == series.count)
        for (flows, got) in zip(series, batch) {
            let one = CashFlowAppraisal.irr(flows)
            #expect(got.signChanges == one.signChanges)
            #expect(got.rate?.bitPattern == one.rate?.bitPattern, "\(flows.prefix(6))")
            #expect(got.roots.map(\.bitPattern) == one.roots.map(\.bitPattern))
            #expect(got.note == one.note)
        }
    }

    /// Points over different series in one pass (lengths differing, so lanes stop at their own last flow) are the
    /// one-rate evaluation's, field by field.
    @Test func pointsOverSeriesAreTheOneRateEvaluation() {
        var rng = SeededGenerator(seed: 12)
        let series = Self.mixedSeries(&rng, count: 40).filter { !$0.isEmpty }
        let flows = FlowSeries(series)
        let jobs = (0..<150).map { _ in
            NPVLanes.Job(
                series: Int.random(in: 0..<series.count, using: &rng), rate: RateGrid.rates[Int.random(in: 0..<RateGrid.rates.count, using: &rng)])
        }
        for (job, p) in zip(jobs, NPVLanes.points(flows, jobs: jobs)) {
            let one = series[job.series].withUnsafeBufferPointer { NPVSignScan.evaluate($0, rate: job.rate) }
            #expect(p.npv.bitPattern == one.npv.bitPattern || (p.npv.isNaN && one.npv.isNaN), "rate \(job.rate)")
            #expect(p.magnitude.bitPattern == one.magnitude.bitPattern || (p.magnitude.isNaN && one.magnitude.isNaN))
            #expect(p.growth.bitPattern == one.growth.bitPattern)
            #expect(p.boundedBelow == one.boundedBelow && p.bounded == one.bounded)
        }
    }

    /// Brackets of different series bisected side by side end on the serial bisection's roots, including brackets
    /// cut off at the step limit and lanes refilled as their bisections end at different steps.
    @Test func bracketsBisectAsSerially() {
        var rng = SeededGenerator(seed: 5)
        let series = (0..<9).map { k in k % 3 == 2 ? [-1_000, 300, 400, 500.5] : IRRSearchTests.programmeFlows(&rng) }
        let flows = FlowSeries(series)
        let brackets = (0..<61).map { _ -> NPVLanes.Bracket in
            let s = Int.random(in: 0..<series.count, using: &rng)
            let lo = Double.random(in: -0.99...0.5, using: &rng), hi = lo + Double.random(in: 1e-9...2, using: &rng)
            return NPVLanes.Bracket(series: s, low: lo, high: hi, lowValue: CashFlowAppraisal.npv(rate: lo, flows: series[s])!)
        }
        for (b, root) in zip(brackets, NPVLanes.bisect(flows, brackets: brackets)) {
            let serial = CashFlowAppraisal.bisect(low: b.low, high: b.high, lowValue: b.lowValue) {
                CashFlowAppraisal.npv(rate: $0, flows: series[b.series])
            }
            #expect(serial.bitPattern == root.bitPattern, "\(b.low) \(b.high)")
        }
    }

    /// Lengths sort shortest first, equal lengths in index order.
    @Test func byLengthIsStable() {
        #expect(NPVLanes.byLength([3, 1, 3, 0, 1]) == [3, 1, 4, 0, 2])
        #expect(NPVLanes.byLength([]) == [])
    }
}
