import RealizeQuery
import RealizeStore
import Testing
@testable import RealizeAnalytics

/// The whole-life business case (`appraise … forecast`), worked by hand.
///
/// One project A: BAC 300, 2025-01-01 to 2025-03-31, planned value 100 a month in 2025-01…03. At the status
/// month 2025-01 (`as of 2025-01`): EV 100, AC 150, so CPI = 2/3 and EAC = BAC/CPI = 450. Planned benefits 200 a month in
/// 2025-04…06, none measured yet.
@Suite struct BusinessCaseTests {
    static func tables(realizedJanuary: String? = nil) -> [(String, Table)] {
        func d(_ s: String) -> Value { .date(CivilCalendar.parseDate(Array(s.utf8))!) }
        let projects = makeTable([
            ("project_id", .text, [.text("A")]), ("program", .text, [.text("P")]), ("budget", .decimal, [money("300")]),
            ("start_date", .date, [d("2025-01-01")]), ("end_date", .date, [d("2025-03-31")]),
        ])
        let financials = makeTable([
            ("project_id", .text, [.text("A"), .text("A"), .text("A")]),
            ("period", .period, ["2025-01", "2025-02", "2025-03"].map(period)),
            ("planned_value", .decimal, ["100", "100", "100"].map(money)),
            ("earned_value", .decimal, [money("100"), .null, .null]),
            ("actual_cost", .decimal, [money("150"), .null, .null]),
        ])
        var months = ["2025-04", "2025-05", "2025-06"], planned = ["200", "200", "200"]
        var realized: [Value] = [.null, .null, .null]
        if let r = realizedJanuary {
            months.insert("2025-01", at: 0); planned.insert("100", at: 0); realized.insert(money(r), at: 0)
        }
        let benefits = makeTable([
            ("project_id", .text, months.map { _ in .text("A") }), ("benefit", .text, months.map { _ in .text("savings") }),
            ("period", .period, months.map(period)), ("planned", .decimal, planned.map(money)), ("realized", .decimal, realized),
        ])
        return [("projects", projects), ("financials", financials), ("benefits", benefits)]
    }

    func run(_ text: String, realizedJanuary: String? = nil) throws -> Table {
        var s = financialSession(Self.tables(realizedJanuary: realizedJanuary))
        return try runTable(text, &s)
    }

    /// At rate 0, NPV is the sum of the net flows.
    /// Baseline: costs 100, 100, 100 (2025-01…03), benefits 200, 200, 200 (2025-04…06): NPV = 600 − 300 = 300,
    ///   ROI = 300/300 = 100 %, BCR = 2; cumulative −100, −200, −300, −100, +100: payback in 2025-05;
    ///   IRR: −100 (1 + v + v²) + 200 v³ (1 + v + v²) = 0 → (1 + m)³ = 2 → annual 2⁴ − 1 = 1,500 %.
    /// Forecast: AC 150, then EAC − AC = 300 spread by the remaining planned value (100, 100) → 150, 150;
    ///   NPV = 600 − 450 = 150, ROI = 33.33 %, BCR = 600/450 = 1.3333; cumulative −150, −300, −450, −250, −50, +150:
    ///   payback in 2025-06; (1 + m)³ = 200/150 → annual (4/3)⁴ − 1 = 216.05 %.
    /// Change: NPV −150, payback one month later.
    @Test func wholeLifeCaseByHand() throws {
        let t = try run("appraise by project forecast rate 0 as of 2025-01")
        func v(_ name: String) -> Value? { t.value(name, where: "project_id", is: "A") }
        #expect(close(v("baseline_npv")?.doubleValue, 300))
        #expect(close(v("baseline_roi_pct")?.doubleValue, 100))
        #expect(close(v("baseline_bcr")?.doubleValue, 2))
        #expect(v("baseline_payback") == period("2025-05"))
        #expect(close(v("baseline_irr_pct")?.doubleValue, 1500, 1e-6))
        #expect(close(v("forecast_cost")?.doubleValue, 450))
        #expect(close(v("forecast_npv")?.doubleValue, 150))
        #expect(close(v("forecast_roi_pct")?.doubleValue, 100.0 / 3))
        #expect(close(v("forecast_bcr")?.doubleValue, 4.0 / 3))
        #expect(v("forecast_payback") == period("2025-06"))
        #expect(close(v("forecast_irr_pct")?.doubleValue, (256.0 / 81 - 1) * 100, 1e-6))
        #expect(close(v("npv_change")?.doubleValue, -150))
        #expect(v("payback_delay_months") == .int(1))
        #expect(v("verdict") == .text("still positive"))
        #expect(v("convention")?.description.contains("cash at month end") == true)
    }

    /// What-ifs on the forecast (rate 0, so NPV = benefits − costs):
    /// `benefits_at 80%`: 600 × 0.8 − 450 = 30; `overrun 10%`: 600 − (150 + 300 × 1.1) = 120;
    /// `delay 3`: NPV unchanged at rate 0 (150), payback moves from 2025-06 to 2025-09.
    @Test func whatIfs() throws {
        #expect(close(try run("appraise forecast rate 0 as of 2025-01 benefits_at 80%").double("forecast_npv", where: "project_id", is: "A"), 30))
        #expect(close(try run("appraise forecast rate 0 as of 2025-01 overrun 10%").double("forecast_npv", where: "project_id", is: "A"), 120))
        let late = try run("appraise forecast rate 0 as of 2025-01 delay 3")
        #expect(close(late.double("forecast_npv", where: "project_id", is: "A"), 150))
        #expect(late.value("forecast_payback", where: "project_id", is: "A") == period("2025-09"))
        #expect(late.value("scenario", where: "project_id", is: "A")?.description.contains("3 months later") == true)
    }

    /// January measured: planned 100, realized 50 → realization ratio 0.5.
    /// Without adjustment: benefits 50 + 600 = 650, NPV 650 − 450 = 200.
    /// `risk adjusted`: 50 + 600 × 0.5 = 350, NPV = 350 − 450 = −100, and the verdict turns negative
    /// (baseline: 700 − 300 = 400). Nothing measured: benefits as planned, and the note says so.
    @Test func riskAdjustment() throws {
        let plain = try run("appraise forecast rate 0 as of 2025-01", realizedJanuary: "50")
        #expect(close(plain.double("forecast_npv", where: "project_id", is: "A"), 200))
        let risky = try run("appraise forecast rate 0 as of 2025-01 risk adjusted", realizedJanuary: "50")
        #expect(close(risky.double("forecast_npv", where: "project_id", is: "A"), -100))
        #expect(close(risky.double("realization_pct", where: "project_id", is: "A"), 50))
        #expect(risky.value("verdict", where: "project_id", is: "A") == .text("turned negative"))
        let unmeasured = try run("appraise forecast rate 0 as of 2025-01 risk adjusted")
        #expect(close(unmeasured.double("forecast_npv", where: "project_id", is: "A"), 150))
        #expect(unmeasured.value("note", where: "project_id", is: "A")?.description.contains("not measured yet") == true)
    }

    /// Sensitivity at rate 0 around NPV 150: benefits ∓20 % → 600 × 0.8 − 450 = 30 and 720 − 450 = 270 (swing 240);
    /// cost ∓20 % of the remaining 300 → 600 − 390 = 210 and 600 − 510 = 90 (swing 120); rate 0 ± 20 % is still 0 and
    /// a delay moves nothing at rate 0 (swing 0, kept in the drivers' order).
    @Test func sensitivityTable() throws {
        let t = try run("appraise forecast rate 0 as of 2025-01 sensitivity")
        #expect(t.texts("driver") == ["benefits", "cost", "rate", "delay"])
        #expect(close(t.column(named: "npv_low")!.value(at: 0).doubleValue, 30))
        #expect(close(t.column(named: "npv_high")!.value(at: 0).doubleValue, 270))
        #expect(close(t.column(named: "swing")!.value(at: 0).doubleValue, 240))
        #expect(close(t.column(named: "npv_low")!.value(at: 1).doubleValue, 210))
        #expect(close(t.column(named: "npv_high")!.value(at: 1).doubleValue, 90))
        #expect(close(t.column(named: "swing")!.value(at: 2).doubleValue, 0))
    }

    /// Discounting: cost 100 in month 0, benefit 110 in month 1 at 1 % a month (12.6825 % a year):
    /// NPV = −100 + 110 / 1.01 = 8.9109; IRR 10 % a month = 1.1¹² − 1 = 213.84 % a year.
    @Test func monthlyDiscounting() {
        let jan = CivilCalendar.parsePeriod(Array("2025-01".utf8))!
        let f = CaseFigures(MonthlyFlows(cost: [jan: 100], benefit: [jan + 1: 110]), rate: CashFlowAppraisal.annualRate(monthly: 0.01))
        #expect(close(f.npv, -100 + 110 / 1.01, 1e-9))
        #expect(close(f.irr, 0.1.advanced(by: 1).power12 - 1, 1e-9))
        #expect(f.payback == jan + 1)
    }

    @Test func whatIfsNeedForecast() throws {
        var s = financialSession(Self.tables())
        #expect(failureID("appraise by program overrun 10%", &s) == "unexpected-argument")
        #expect(failureID("appraise financials amount actual_cost period period forecast", &s) == "unexpected-argument")
        // `benefits` still names a table to appraise.
        #expect(try runTable("appraise benefits amount planned period period", &s).rowCount == 1)
    }
}

extension Double {
    fileprivate var power12: Double { (0..<12).reduce(1.0) { r, _ in r * self } }
}
