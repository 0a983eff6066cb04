import RealizeQuery
import RealizeSamples
import RealizeStore
import RealizeTestSupport
import Testing
@testable import RealizeAnalytics

@Suite struct TrendTests {
    @Test func leastSquaresSlopeAndDirection() {
        // y = 1 + 0.5 x exactly: slope 0.5, perfect fit (no t statistic), so not called significant.
        let exact = TrendStatistics.slope([1, 1.5, 2, 2.5])!
        #expect(close(exact.slope, 0.5))
        // 1, 3, 2, 4: x̄ = 1.5, ȳ = 2.5, Sxy = 4, Sxx = 5 → slope 0.8; residuals give SE = sqrt(1.8/2/5) = 0.4243.
        let noisy = TrendStatistics.slope([1, 3, 2, 4])!
        #expect(close(noisy.slope, 0.8))
        #expect(close(noisy.t, 0.8 / (1.8 / 2 / 5).squareRoot(), 1e-9))
        #expect(TrendStatistics.direction(slope: 0.8, t: 1.9, higherIsBetter: true) == "stable")
        #expect(TrendStatistics.direction(slope: 0.8, t: 2.5, higherIsBetter: true) == "improving")
        #expect(TrendStatistics.direction(slope: 0.8, t: 2.5, higherIsBetter: false) == "deteriorating")
        #expect(TrendStatistics.direction(slope: -0.8, t: -2.5, higherIsBetter: nil) == "falling")
        #expect(TrendStatistics.slope([1]) == nil)
        // Gaps are skipped: points (0, 1), (2, 3), (3, 4): Sxy = Sxx = 42/9, so the slope is 1.
        #expect(close(TrendStatistics.slope([1, nil, 3, 4])!.slope, 1))
    }

    @Test func movingAverageAndXmR() {
        let ma = TrendStatistics.movingAverage([1, 2, 3, 4, nil, 6, 7, 8])
        #expect(ma[0] == nil && ma[1] == nil)
        #expect(close(ma[2], 2) && close(ma[3], 3))
        #expect(ma[4] == nil && ma[5] == nil && ma[6] == nil)
        #expect(close(ma[7], 7))
        // Values 10, 12, 11, 13, 30: mean 15.2; moving ranges 2, 1, 2, 17 → 5.5; limits 15.2 ± 14.63.
        let l = TrendStatistics.xmr([10, 12, 11, 13, 30])!
        #expect(close(l.centre, 15.2))
        #expect(close(l.upper, 15.2 + 2.66 * 5.5))
        #expect(close(l.lower, 15.2 - 2.66 * 5.5))
        #expect(TrendStatistics.signal(30, l) == "above UCL")
        #expect(TrendStatistics.signal(0.5, l) == "below LCL")
        #expect(TrendStatistics.signal(12, l) == nil)
    }

    @Test func sampleStory() throws {
        var s = financialSession()
        let t = try runTable("trend cpi by project", &s)
        #expect(t.value("direction", where: "project_id", is: "P001") == .text("deteriorating"))
        #expect(close(t.double("cumulative", where: "project_id", is: "P001"), 0.78, 0.005))
        #expect((t.double("latest", where: "project_id", is: "P001") ?? 1) < 0.7)
        // The sparkline column holds the periodic series (the table draws it): 35 months, no glyphs.
        let series = t.value("sparkline", where: "project_id", is: "P001")?.description ?? ""
        #expect(DisplayHint.series(series).count == 35)
        #expect(!series.unicodeScalars.contains { (0x2580...0x259F).contains($0.value) })
        #expect(t.column(named: "sparkline")?.display == .sparkline(scale: nil))
        // EAC: lower is better, so a rising EAC deteriorates.
        let eac = try runTable("trend eac by project", &s)
        #expect(eac.value("direction", where: "project_id", is: "P001") == .text("deteriorating"))
    }

    @Test func detailAndQuarterly() throws {
        var s = financialSession()
        let d = try runTable("trend spi by program detail", &s)
        #expect(d.rowCount == 5 * 36)
        #expect(d.columnNames.contains("ma3") && d.columnNames.contains("signal") && d.columnNames.contains("cumulative"))
        let q = try runTable("trend cv quarterly detail", &s)
        #expect(q.rowCount == 12)
        #expect(q.texts("quarter").first == "2023-Q1")
        // The cumulative CV at the last quarter equals evm's CV.
        let e = try runTable("evm by total", &s)
        #expect(close(q.column(named: "cumulative")!.value(at: 11).doubleValue, e.column(named: "cv")!.value(at: 0).doubleValue!, 0.001))
    }

    @Test func anyMeasureAndErrors() throws {
        var s = financialSession()
        let t = try runTable("trend ac by program", &s)
        #expect(t.rowCount == 5)
        s.settings.measures["spend"] = Measure(name: "spend", expression: "sum(actual_cost)", formula: "Σ AC", convention: "", source: "")
        let m = try runTable("trend spend by program detail", &s)
        #expect(m.rowCount == 5 * 36)
        #expect(failureID("trend wobble", &s) == "unknown-metric")
    }

    /// A command asks only for the columns its measure needs: CPI, SPI, CV and SV never use BAC, so they run
    /// without `projects.budget`; EAC uses it, and says so.
    @Test func onlyBudgetMetricsNeedTheBudget() throws {
        var tables = SamplePortfolio.tables().map { ($0.name, $0.table) }
        let i = try #require(tables.firstIndex { $0.0 == "projects" })
        let projects = tables[i].1
        tables[i].1 = projects.projecting(projects.columns.indices.filter { projects.columns[$0].name != "budget" })
        var s = financialSession(tables)
        var full = financialSession()
        for metric in ["cpi", "spi", "cv", "sv", "spi_t"] {
            let t = try runTable("trend \(metric) by program", &s)
            #expect(t.rowCount == 5, "\(metric)")
            let expected = try runTable("trend \(metric) by program", &full)
            #expect(TableDiff.firstDifference(t, expected) == nil, "\(metric)")
        }
        #expect(failureID("trend eac by program", &s) == "missing-column")
        #expect(failureID("trend pct_complete", &s) == "missing-column")
    }
}
