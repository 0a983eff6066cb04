import RealizeTestSupport
import Testing

@testable import RealizeAnalytics

/// The IRR search that evaluates NPV only where its sign is not proven (``NPVSignScan``): worked examples, and the
/// same roots, to the bit, as scanning every rate of the grid.
@Suite struct IRRSearchTests {
    /// −100 then 110 a period later: 10 % exactly; −100, 0, 121: 10 % over two periods.
    @Test func singleRootToTenDigits() {
        #expect(close(CashFlowAppraisal.irr([-100, 110]).rate, 0.1, 1e-10))
        #expect(close(CashFlowAppraisal.irr([-100, 0, 121]).rate, 0.1, 1e-10))
        // Benefits first, cost later (a loan): NPV rises with the rate, the root is the same.
        #expect(close(CashFlowAppraisal.irr([100, -110]).rate, 0.1, 1e-10))
        // −1,000 then 5 × 263.797480794: an annuity at 10 % (1,000 = 263.797… × (1 − 1.1⁻⁵) / 0.1).
        let annuity = 1_000 * 0.1 / (1 - 1 / 1.61051)
        #expect(close(CashFlowAppraisal.irr([-1_000] + Array(repeating: annuity, count: 5)).rate, 0.1, 1e-10))
        // A loss: −100 then 50, 40 → (1 + r)² · 100 = 50(1 + r) + 40, 1 + r = (50 + √(2500 + 16000)) / 200.
        let loss = (50 + (2_500.0 + 16_000).squareRoot()) / 200 - 1
        #expect(close(CashFlowAppraisal.irr([-100, 50, 40]).rate, loss, 1e-10))
    }

    /// −1000(y − 1.05)(y − 1.1)(y − 1.3), y = 1 + r: flows −1000, 3450, −3950, 1501.5 and NPV = 0 at 5 %, 10 %, 30 %.
    @Test func threeSignChangesThreeRoots() {
        let i = CashFlowAppraisal.irr([-1_000, 3_450, -3_950, 1_501.5])
        #expect(i.signChanges == 3)
        #expect(i.roots.count == 3)
        #expect(close(i.roots.first, 0.05, 1e-10))
        #expect(close(i.roots.dropFirst().first, 0.10, 1e-10))
        #expect(close(i.roots.last, 0.30, 1e-10))
        #expect(close(i.rate, 0.10, 1e-10))
        #expect(i.note == "flows change sign 3 times: IRR may not be unique (3 rates give NPV = 0)")
    }

    @Test func noSignChangeAndAllZeroHaveNoRate() {
        for flows: [Double] in [[0, 0, 0], [], [5], [0, 100, 0, 3], [-1, 0, -2]] {
            let i = CashFlowAppraisal.irr(flows)
            #expect(i.rate == nil && i.roots.isEmpty && i.signChanges == 0)
            #expect(i.note == "IRR undefined: the flows never change sign")
        }
    }

    /// Sign changes but no root in (−99.99 %, 10,000 %]: −1, then 1e−9 a period later (the IRR is about −100 %).
    @Test func rootOutsideTheRangeIsNotFound() {
        let i = CashFlowAppraisal.irr([-1, 1e-9])
        #expect(i.rate == nil)
        #expect(i.note == "IRR not found between -99.99% and 10,000% per period")
    }

    /// Wherever the scan skips a rate, `npv` there has the proven sign (and is finite and non-zero).
    @Test func skippedRatesHaveTheirProvenSign() {
        var rng = SeededGenerator(seed: 14)
        for _ in 0..<60 {
            let flows = Self.programmeFlows(&rng)
            let scanned = NPVSignScan(flows).values()
            for (r, v) in zip(RateGrid.rates, scanned) {
                let exact = CashFlowAppraisal.npv(rate: r, flows: flows)!
                #expect(v.isFinite == exact.isFinite)
                guard v.isFinite else { continue }
                #expect((v == 0) == (exact == 0) && (v < 0) == (exact < 0), "rate \(r)")
            }
        }
    }

    /// The roots are the same doubles as the scan of every rate gives, on flows of every kind.
    @Test func sameRootsAsTheFullScan() {
        var rng = SeededGenerator(seed: 2_026)
        var cases: [[Double]] = [[-100, 230, -132], [-1_000, 3_450, -3_950, 1_501.5], [-1, 1e-9], [1e30, -2e30, 1e-30]]
        for _ in 0..<120 { cases.append(Self.programmeFlows(&rng)) }
        for _ in 0..<120 {
            let n = Int.random(in: 2...12, using: &rng)
            cases.append((0..<n).map { _ in Double(Int.random(in: -1_000...1_000, using: &rng)) })
        }
        for _ in 0..<20 {
            // Long flows: NPV overflows near −100 % and the factors reach infinity near 10,000 %.
            let n = Int.random(in: 250...420, using: &rng)
            cases.append((0..<n).map { k in Double(Int.random(in: -50_000...(k < n / 3 ? 10_000 : 60_000), using: &rng)) / 100 })
        }
        for _ in 0..<20 {
            // Magnitudes past what the bounds cover: every rate is evaluated.
            cases.append([-1e27, 3e26, 5e26, 4e26, Double(Int.random(in: 1...9, using: &rng)) * 1e-27])
        }
        for flows in cases {
            let fast = CashFlowAppraisal.irr(flows)
            let full = CashFlowAppraisal.findRoots { CashFlowAppraisal.npv(rate: $0, flows: flows) }
            if fast.signChanges > 0 { #expect(fast.roots == full, "\(flows)") }
        }
    }

    /// Monthly net flows like a programme's: costs from the start, benefits from a later month, both noisy, in cents.
    static func programmeFlows(_ rng: inout SeededGenerator) -> [Double] {
        let n = Int.random(in: 60...200, using: &rng)
        let benefitsFrom = Int.random(in: 6...(n / 2), using: &rng)
        return (0..<n).map { k in
            let cost = Double.random(in: 0...900_000, using: &rng)
            let benefit = k < benefitsFrom ? 0 : Double.random(in: 0...1_400_000, using: &rng)
            return ((benefit - cost) * 100).rounded() / 100
        }
    }
}

/// Which `benefits` rows an appraisal counts (``RealizedBenefits``).
@Suite struct RealizedBenefitsTests {
    /// Rows after the status period and null amounts count for nothing, not even for the first period or a group;
    /// two rows of a month add up; a project only in `benefits` is a group of its own.
    @Test func rowsCountedUpToTheStatus() throws {
        let financials = makeTable([
            ("project_id", .text, [.text("P1"), .text("P1"), .text("P1")]),
            ("period", .period, ["2024-01", "2024-02", "2024-03"].map(period)),
            ("planned_value", .decimal, ["10", "10", "10"].map(money)),
            ("earned_value", .decimal, ["10", "10", "10"].map(money)),
            ("actual_cost", .decimal, ["100", "40", "0"].map(money)),
        ])
        let benefits = makeTable([
            ("project_id", .text, ["P1", "P1", "P1", "P1", "P8", "P9"].map { .text($0) }),
            ("period", .period, ["2023-11", "2024-02", "2024-02", "2024-06", "2024-02", "2024-05"].map(period)),
            ("realized", .decimal, [.null, money("50"), money("70"), money("1000"), money("30"), money("5")]),
        ])
        let projects = makeTable([
            ("project_id", .text, [.text("P1")]), ("program", .text, [.text("A")]), ("portfolio", .text, [.text("X")]),
        ])
        var s = financialSession([("financials", financials), ("benefits", benefits), ("projects", projects)])
        let t = try runTable("appraise by project rate 0%", &s)
        #expect(t.texts("project_id") == ["P1", "P8"])
        #expect(t.column(named: "first_period")!.value(at: 0) == period("2024-01"))
        #expect(t.column(named: "first_period")!.value(at: 1) == period("2024-02"))
        #expect(t.column(named: "months")!.value(at: 0) == .int(3))
        #expect(t.column(named: "benefit")!.value(at: 0).doubleValue == 120)
        #expect(t.column(named: "benefit")!.value(at: 1).doubleValue == 30)
        // Flows −100, +80, 0: NPV at 0 % is −20.
        #expect(close(t.column(named: "npv")!.value(at: 0).doubleValue, -20))
    }
}
