import RealizeTestSupport
import Testing

@testable import RealizeAnalytics

/// ``CashFlowFigures`` makes in one pass the doubles of the separate functions, to the bit.
@Suite struct CashFlowFiguresTests {
    @Test func onePassIsTheSeparateFunctions() {
        var rng = SeededGenerator(seed: 0xCF1)
        for round in 0..<2_000 {
            let n = Int.random(in: 0...(round % 7 == 0 ? 400 : 40), using: &rng)
            func amount() -> Double {
                switch Int.random(in: 0..<6, using: &rng) {
                case 0: return 0
                case 1: return Double(Int.random(in: -500...500, using: &rng)) / 100
                default: return Double(Int.random(in: 0...5_000_000, using: &rng)) / 100
                }
            }
            let costs = (0..<n).map { _ in amount() }, benefits = (0..<n).map { _ in amount() }
            let rate = [0, 0.0064340301100034, -0.5, 2, Double.random(in: -0.9...1, using: &rng)].randomElement(using: &rng)!
            var figures = CashFlowFigures(rate: rate)
            let net = zip(costs, benefits).map { figures.add(cost: $0, benefit: $1) }
            let flows = zip(benefits, costs).map { $0 - $1 }
            #expect(net.map(\.bitPattern) == flows.map(\.bitPattern))
            let s = CashFlowAppraisal.summary(costs: costs, benefits: benefits, rate: rate), f = figures.summary
            #expect(f.cost.bitPattern == s.cost.bitPattern && f.benefit.bitPattern == s.benefit.bitPattern)
            #expect(f.presentCost.bitPattern == s.presentCost.bitPattern && f.presentBenefit.bitPattern == s.presentBenefit.bitPattern)
            #expect(figures.npv.bitPattern == CashFlowAppraisal.npv(rate: rate, flows: flows)!.bitPattern)
            #expect(figures.payback?.bitPattern == CashFlowAppraisal.payback(flows)?.bitPattern)
            #expect(figures.discountedPayback?.bitPattern == CashFlowAppraisal.payback(flows, rate: rate)?.bitPattern)
        }
    }
}
