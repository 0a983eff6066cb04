import Testing
@testable import RealizeAnalytics

/// Excel's published examples, and the undefined cases.
@Suite struct AppraisalTests {
    /// Microsoft's NPV help, example 1: 10 %, −10,000 a year from now, then 3,000, 4,200, 6,800 → 1,188.44.
    /// Excel discounts every value, so the flows start at period 1 here (period 0 holds nothing).
    @Test func excelNPVExample1() {
        let v = CashFlowAppraisal.npv(rate: 0.10, flows: [0, -10_000, 3_000, 4_200, 6_800])
        #expect(close(v, 1_188.44, 0.005))
    }

    /// Microsoft's NPV help, example 2: 8 %, 40,000 invested at the start, then 8,000 … 14,500 → 1,922.06.
    @Test func excelNPVExample2() {
        let v = CashFlowAppraisal.npv(rate: 0.08, flows: [-40_000, 8_000, 9_200, 10_000, 12_000, 14_500])
        #expect(close(v, 1_922.06, 0.005))
        // The same with a 9,000 loss in year 6: −3,749.47.
        let w = CashFlowAppraisal.npv(rate: 0.08, flows: [-40_000, 8_000, 9_200, 10_000, 12_000, 14_500, -9_000])
        #expect(close(w, -3_749.47, 0.005))
    }

    /// Microsoft's IRR help: −70,000 then 12,000, 15,000, 18,000, 21,000, 26,000.
    @Test func excelIRRExamples() {
        let flows: [Double] = [-70_000, 12_000, 15_000, 18_000, 21_000, 26_000]
        #expect(close(CashFlowAppraisal.irr(Array(flows.prefix(5))).rate, -0.021, 0.0005))
        #expect(close(CashFlowAppraisal.irr(flows).rate, 0.087, 0.0005))
        #expect(close(CashFlowAppraisal.irr(Array(flows.prefix(3))).rate, -0.444, 0.0005))
        // The IRR is where NPV is zero.
        let r = CashFlowAppraisal.irr(flows).rate!
        #expect(abs(CashFlowAppraisal.npv(rate: r, flows: flows)!) < 1e-6)
        #expect(CashFlowAppraisal.irr(flows).note == nil)
    }

    @Test func irrWithoutASignChangeIsUndefined() {
        let i = CashFlowAppraisal.irr([100, 200, 300])
        #expect(i.rate == nil)
        #expect(i.signChanges == 0)
        #expect(i.note?.contains("never change sign") == true)
        #expect(CashFlowAppraisal.irr([-100, -5]).rate == nil)
    }

    /// −100, +230, −132 has NPV = 0 at 10 % and at 20 %: two sign changes, two rates, and a warning.
    @Test func multipleSignChangesWarn() {
        let i = CashFlowAppraisal.irr([-100, 230, -132])
        #expect(i.signChanges == 2)
        #expect(i.roots.count == 2)
        #expect(close(i.roots.first, 0.10, 1e-9))
        #expect(close(i.roots.last, 0.20, 1e-9))
        #expect(close(i.rate, 0.10, 1e-9))
        #expect(i.note?.contains("2 times") == true)
    }

    @Test func paybackIsInterpolated() {
        // Cumulative: −1000, −600, −200, +300: recovered 200/500 into period 3 → 2.4.
        #expect(close(CashFlowAppraisal.payback([-1000, 400, 400, 500]), 2.4))
        // Discounted at 10 %: −1000, −636.36, −305.79, +69.87 → 2 + 305.79/375.66.
        let d = CashFlowAppraisal.payback([-1000, 400, 400, 500], rate: 0.1)!
        #expect(abs(d - (2 + (1000 - 400 / 1.1 - 400 / 1.21) / (500 / 1.331))) < 1e-9)
        #expect(CashFlowAppraisal.payback([-1000, 100, 100]) == nil)
        #expect(CashFlowAppraisal.payback([-1000, 100, 100], rate: 0.1) == nil)
        // Recovered, lost again, recovered for good: the last crossing counts.
        #expect(close(CashFlowAppraisal.payback([-100, 150, -100, 100]), 2.5))
        #expect(CashFlowAppraisal.payback([50, 50]) == 0)
    }

    @Test func roiAndBenefitCostRatio() {
        let s = CashFlowAppraisal.summary(costs: [100, 0, 0], benefits: [0, 66, 66], rate: 0.1)
        #expect(close(s.roi, 0.32))
        let pvb = 66 / 1.1 + 66 / 1.21
        #expect(close(s.bcr, pvb / 100))
        #expect(close(s.discountedROI, (pvb - 100) / 100))
        let none = CashFlowAppraisal.summary(costs: [0, 0], benefits: [5, 5], rate: 0.1)
        #expect(none.roi == nil && none.bcr == nil)
    }

    @Test func monthlyRateFromAnnual() {
        let m = CashFlowAppraisal.monthlyRate(annual: 0.08)
        #expect(close(m, 0.006434030109, 1e-11))
        #expect(close(CashFlowAppraisal.annualRate(monthly: m), 0.08, 1e-12))
    }

    /// Microsoft's XNPV and XIRR help: 9 %, −10,000 on 2008-01-01, 2,750 on 2008-03-01, 4,250 on 2008-10-30,
    /// 3,250 on 2009-02-15 and 2,750 on 2009-04-01 → XNPV 2,086.65, XIRR 37.34 %.
    @Test func excelXNPVAndXIRR() {
        func day(_ y: Int, _ m: Int, _ d: Int) -> Int32 { RealizeStore.CivilCalendar.days(year: y, month: m, day: d) }
        let flows: [(day: Int32, amount: Double)] = [
            (day(2008, 1, 1), -10_000), (day(2008, 3, 1), 2_750), (day(2008, 10, 30), 4_250),
            (day(2009, 2, 15), 3_250), (day(2009, 4, 1), 2_750),
        ]
        #expect(close(CashFlowAppraisal.xnpv(rate: 0.09, flows: flows), 2_086.65, 0.005))
        #expect(close(CashFlowAppraisal.xirr(flows).rate, 0.373362535, 1e-6))
    }
}

import RealizeStore
