import RealizeQuery
import RealizeStore
import Testing
@testable import RealizeAnalytics

/// Planned duration, IEAC(t), the forecast finish month and the range of the three EACs, worked by hand.
@Suite struct EVMForecastRangeTests {
    /// One project, BAC 1,200, planned 100 a month over 2025-01…2025-12; at 2025-06 EV = 450, AC = 500.
    /// PD = 12 months (the plan reaches 1,200 at the end of month 12).
    /// ES = 4 + (450 − 400) / (500 − 400) = 4.5 months; AT = 6; SPI(t) = 0.75.
    /// IEAC(t) = PD / SPI(t) = 12 / 0.75 = 16 months → finish 2025-01 + 16 − 1 = 2026-04.
    /// CPI = 450/500 = 0.9, SPI = 450/600 = 0.75: EAC BAC/CPI = 1,333.33; AC + BAC − EV = 1,250;
    /// AC + (BAC − EV)/(CPI × SPI) = 500 + 750/0.675 = 1,611.11 → low 1,250, high 1,611.11, spread 361.11.
    @Test func ieacTAndEACRangeByHand() throws {
        let months = (1...12).map { "2025-" + ($0 < 10 ? "0" : "") + String($0) }
        let projects = makeTable([
            ("project_id", .text, [.text("A")]), ("program", .text, [.text("P")]), ("budget", .decimal, [money("1200.00")]),
        ])
        let ev = ["75", "75", "75", "75", "75", "75"] + Array(repeating: "0", count: 6)
        let ac = ["80", "80", "80", "80", "90", "90"] + Array(repeating: "0", count: 6)
        let financials = makeTable([
            ("project_id", .text, months.map { _ in .text("A") }),
            ("period", .period, months.map(period)),
            ("planned_value", .decimal, months.map { _ in money("100") }),
            ("earned_value", .decimal, ev.map(money)),
            ("actual_cost", .decimal, ac.map(money)),
        ])
        var s = financialSession([("projects", projects), ("financials", financials)])
        let t = try runTable("evm as of 2025-06", &s)
        func v(_ name: String) -> Double? { t.double(name, where: "project_id", is: "A") }
        #expect(close(v("es"), 4.5))
        #expect(close(v("spi_t"), 0.75))
        #expect(close(v("pd_months"), 12))
        #expect(close(v("ieac_t_months"), 16))
        #expect(t.value("forecast_finish", where: "project_id", is: "A") == period("2026-04"))
        #expect(close(v("eac_low"), 1250, 0.005))
        #expect(close(v("eac_high"), 1611.11, 0.005))
        #expect(close(v("eac_spread"), 361.11, 0.005))
    }

    /// The PRA vignette (see `EVMSampleTests.praTables`): cumulative PV 50k, 125k, 250k, 375k, 500k → PD = 5;
    /// SPI(t) = 2.6/3, IEAC(t) = 5 × 3/2.6 = 5.7692 months → finish in the sixth month, 2024-06.
    /// EACs 725,000, 590,000 and 833,750 → low 590,000, high 833,750, spread 243,750.
    @Test func praVignetteForecastFinish() throws {
        var s = financialSession(EVMSampleTests.praTables())
        let t = try runTable("evm as of 2024-03", &s)
        #expect(close(t.double("ieac_t_months", where: "project_id", is: "X"), 5 * 3 / 2.6))
        #expect(t.value("forecast_finish", where: "project_id", is: "X") == period("2024-06"))
        #expect(close(t.double("eac_spread", where: "project_id", is: "X"), 243_750, 0.005))
    }

    /// The finish month rounds IEAC(t) up: 12.0 months from 2025-01 end in 2025-12, 12.1 in 2026-01.
    @Test func finishMonthRounding() {
        let jan = CivilCalendar.parsePeriod(Array("2025-01".utf8))!
        #expect(EarnedSchedule.finish(first: jan, ieacT: 12) == jan + 11)
        #expect(EarnedSchedule.finish(first: jan, ieacT: 12.1) == jan + 12)
        #expect(EarnedSchedule.finish(first: jan, ieacT: nil) == nil)
    }
}
