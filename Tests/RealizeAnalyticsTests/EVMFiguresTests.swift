import Testing
@testable import RealizeAnalytics

/// Worked examples with hand-checked answers, and every undefined case.
@Suite struct EVMFiguresTests {
    /// The PRA R package's EVM vignette (BAC 500,000; schedule 10/25/50/75/100 %; period 3; 40 % complete;
    /// period costs 45,000, 110,000 and 135,000): EAC 725,000 (typical), 590,000 (atypical), 833,750 (combined).
    @Test func praVignette() {
        let f = EVMFigures(bac: 500_000, pv: 250_000, ev: 200_000, ac: 290_000)
        #expect(f.cv == -90_000)
        #expect(f.sv == -50_000)
        #expect(close(f.cpi, 200_000.0 / 290_000))
        #expect(close(f.spi, 0.8))
        #expect(close(f.eacCPI, 725_000, 1e-6))
        #expect(close(f.eacPlan, 590_000, 1e-6))
        #expect(close(f.eacCPISPI, 833_750, 1e-6))
        #expect(close(f.etc(.cpi), 435_000, 1e-6))
        #expect(close(f.vac(.cpi), -225_000, 1e-6))
        // TCPI = (500,000 − 200,000) / (500,000 − 290,000) = 300,000 / 210,000.
        #expect(close(f.tcpiBAC, 300_000.0 / 210_000))
        #expect(close(f.percentComplete, 40))
        #expect(close(f.percentSpent, 58))
    }

    /// A hand-made case: BAC 1,000, PV 400, EV 300, AC 250.
    @Test func handChecked() {
        let f = EVMFigures(bac: 1000, pv: 400, ev: 300, ac: 250)
        #expect(close(f.cpi, 1.2))
        #expect(close(f.spi, 0.75))
        #expect(close(f.cvPercent, 50.0 / 300 * 100))
        #expect(close(f.svPercent, -25))
        #expect(close(f.eacCPI, 1000 / 1.2))
        #expect(close(f.eacPlan, 950))
        #expect(close(f.eacCPISPI, 250 + 700 / 0.9))
        #expect(close(f.tcpiBAC, 700.0 / 750))
        // TCPI to EAC with EAC = BAC/CPI equals CPI: (BAC − EV) / (BAC/CPI − AC) = 700 / (833.33 − 250) = 1.2.
        #expect(close(f.tcpiEAC(.cpi), 1.2))
    }

    @Test func zeroActualCostLeavesCPIBasedFiguresUndefined() {
        let f = EVMFigures(bac: 1000, pv: 100, ev: 50, ac: 0)
        #expect(f.cpi == nil)
        #expect(f.eacCPI == nil)
        #expect(f.etc(.cpi) == nil)
        #expect(f.vac(.cpi) == nil)
        #expect(f.eacCPISPI == nil)
        #expect(f.eacPlan == 950)
        #expect(f.etc(.plan) == 950)
        #expect(f.flags.contains("no cost yet"))
    }

    @Test func zeroPlannedValueLeavesSPIUndefined() {
        let f = EVMFigures(bac: 1000, pv: 0, ev: 0, ac: 10)
        #expect(f.spi == nil)
        #expect(f.svPercent == nil)
        #expect(f.cvPercent == nil)
        #expect(f.cpi == 0)
        #expect(f.eacCPI == nil)  // CPI = 0: BAC / 0 is undefined
        #expect(f.flags.contains("no plan to date"))
    }

    @Test func spentBudgetLeavesTCPIUndefinedWithAFlag() {
        let f = EVMFigures(bac: 1000, pv: 900, ev: 800, ac: 1100)
        #expect(f.tcpiBAC == nil)
        #expect(f.budgetSpent)
        #expect(f.flags.contains("budget spent"))
        #expect(f.tcpiEAC(.cpi) != nil)
        let exact = EVMFigures(bac: 1000, pv: 900, ev: 800, ac: 1000)
        #expect(exact.tcpiBAC == nil)
    }

    @Test func noBudget() {
        let f = EVMFigures(bac: nil, pv: 10, ev: 10, ac: 10)
        #expect(f.eacPlan == nil && f.percentComplete == nil && f.tcpiBAC == nil)
        #expect(f.flags == ["no budget"])
    }

    @Test func ragStatus() {
        let t = EVMThresholds(red: 0.9, amber: 0.95)
        #expect(t.status(cpi: 0.78, spi: 0.95) == "red")
        #expect(t.status(cpi: 1.02, spi: 0.92) == "amber")
        #expect(t.status(cpi: 1.0, spi: 0.95) == "green")
        #expect(t.status(cpi: nil, spi: 0.85) == "red")
        #expect(t.status(cpi: nil, spi: nil) == nil)
        #expect(EVMThresholds(red: 0.8, amber: 0.9).status(cpi: 0.85, spi: 1) == "amber")
    }

    /// Earned schedule: cumulative PV 100, 250, 450, 700, 1000 (months 1–5).
    @Test func earnedSchedule() {
        let curve: [Double] = [100, 250, 450, 700, 1000]
        // EV 350 lies between PV_2 = 250 and PV_3 = 450: ES = 2 + 100/200 = 2.5.
        #expect(close(EarnedSchedule.es(cumulativePV: curve, ev: 350), 2.5))
        #expect(close(EarnedSchedule.es(cumulativePV: curve, ev: 450), 3))
        #expect(close(EarnedSchedule.es(cumulativePV: curve, ev: 50), 0.5))
        #expect(close(EarnedSchedule.es(cumulativePV: curve, ev: 1000), 5))
        #expect(EarnedSchedule.es(cumulativePV: curve, ev: 1200) == nil)
        #expect(close(EarnedSchedule.svT(es: 2.5, at: 4), -1.5))
        #expect(close(EarnedSchedule.spiT(es: 2.5, at: 4), 0.625))
        #expect(EarnedSchedule.spiT(es: 2.5, at: 0) == nil)
        // A flat stretch (no work planned in month 3) adds no earned time.
        #expect(close(EarnedSchedule.es(cumulativePV: [100, 200, 200, 300], ev: 200), 2))
    }
}
