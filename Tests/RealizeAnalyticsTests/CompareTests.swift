import RealizeQuery
import RealizeStore
import Testing
@testable import RealizeAnalytics

/// `compare` between two stacked extracts, worked by hand.
///
/// January's extract: A (BAC 1,000) PV 100, EV 100, AC 100 → CPI 1, SPI 1, green, EAC = 1,000;
///   B (BAC 500) PV 100, EV 92, AC 100 → CPI = SPI = 0.92, amber, EAC = 500 / 0.92 = 543.478.
/// February's extract: A re-baselined to BAC 1,200; February PV 100, EV 100, AC 150 → cumulative EV 200,
///   AC 250: CPI 0.8 (red), EAC = 1,200 / 0.8 = 1,500, drift +500 (of which the BAC change is +200);
///   B February PV 100, EV 78, AC 100 → EV 170, AC 200: CPI 0.85 (red), EAC = 500 / 0.85 = 588.235,
///   drift = 588.235 − 543.478 = 44.757 (+8.24 %); status amber → red.
/// Benefits: A's planned 300 is cut to 250 (−50); B's January benefit (planned 20) is measured in
///   February's extract at 10 (realized +10).
@Suite struct CompareTests {
    static func tables() -> [(String, Table)] {
        let snap = ["2025-01", "2025-01", "2025-02", "2025-02"]
        let projects = makeTable([
            ("snapshot", .period, snap.map(period)),
            ("project_id", .text, ["A", "B", "A", "B"].map { .text($0) }),
            ("program", .text, ["P", "P", "P", "P"].map { .text($0) }),
            ("budget", .decimal, ["1000", "500", "1200", "500"].map(money)),
        ])
        let financials = makeTable([
            ("snapshot", .period, ["2025-01", "2025-01", "2025-02", "2025-02", "2025-02", "2025-02"].map(period)),
            ("project_id", .text, ["A", "B", "A", "A", "B", "B"].map { .text($0) }),
            ("period", .period, ["2025-01", "2025-01", "2025-01", "2025-02", "2025-01", "2025-02"].map(period)),
            ("planned_value", .decimal, ["100", "100", "100", "100", "100", "100"].map(money)),
            ("earned_value", .decimal, ["100", "92", "100", "100", "92", "78"].map(money)),
            ("actual_cost", .decimal, ["100", "100", "100", "150", "100", "100"].map(money)),
        ])
        let benefits = makeTable([
            ("snapshot", .period, snap.map(period)),
            ("project_id", .text, ["A", "B", "A", "B"].map { .text($0) }),
            ("period", .period, ["2025-06", "2025-01", "2025-06", "2025-01"].map(period)),
            ("planned", .decimal, ["300", "20", "250", "20"].map(money)),
            ("realized", .decimal, [.null, .null, .null, money("10")]),
        ])
        return [("projects_history", projects), ("financials_history", financials), ("benefits_history", benefits)]
    }

    @Test func betweenTheLatestTwoSnapshots() throws {
        var s = financialSession(Self.tables())
        let t = try runTable("compare", &s)
        func v(_ name: String, _ id: String) -> Value? { t.value(name, where: "project_id", is: id) }
        #expect(v("from_snapshot", "A") == period("2025-01"))
        #expect(v("to_snapshot", "A") == period("2025-02"))
        #expect(close(v("bac_change", "A")?.doubleValue, 200))
        #expect(v("rebaselined", "A") == .bool(true))
        #expect(v("rebaselined", "B") == .bool(false))
        #expect(close(v("eac_drift", "A")?.doubleValue, 500))
        #expect(close(v("eac_drift", "B")?.doubleValue, 500 / 0.85 - 500 / 0.92, 1e-9))
        #expect(close(v("cpi_change", "A")?.doubleValue, -0.2))
        #expect(close(v("spi_change", "B")?.doubleValue, -0.07))
        #expect(v("status_change", "B") == .text("amber → red"))
        #expect(v("status_change", "A") == .text("green → red"))
        #expect(close(v("benefits_planned_change", "A")?.doubleValue, -50))
        #expect(close(v("benefits_realized_change", "B")?.doubleValue, 10))
        // By program: BAC 1,500 → 1,700; EAC on the sums: Jan CPI = 192/200 = 0.96 → 1,500/0.96 = 1,562.5;
        // Feb CPI = 370/450 → 1,700 × 450/370 = 2,067.568; drift 505.068.
        let p = try runTable("compare by program", &s)
        #expect(close(p.double("eac_drift", where: "program", is: "P"), 1700 * 450 / 370 - 1562.5, 1e-6))
        #expect(p.value("rebaselined", where: "program", is: "P") == .bool(true))
    }

    /// December's extract is the sample's current tables, so its forecast NPV is `appraise … forecast`'s.
    @Test func forecastNPVOfTheLaterExtractIsTheBusinessCase() throws {
        var s = financialSession()
        let c = try runTable("compare by program", &s)
        let a = try runTable("appraise by program forecast", &s)
        let program = "Zürich Hub Consolidation"
        #expect(close(c.double("forecast_npv_to", where: "program", is: program), a.double("forecast_npv", where: "program", is: program)!, 1e-6))
        let from = c.double("forecast_npv_from", where: "program", is: program)!, to = c.double("forecast_npv_to", where: "program", is: program)!
        #expect(close(c.double("forecast_npv_change", where: "program", is: program), to - from, 1e-6))
    }

    @Test func errors() throws {
        var s = financialSession(Self.tables())
        #expect(failureID("compare since 2024-12", &s) == "no-data")
        var plain = financialSession(Array(EVMSampleTests.praTables()))
        #expect(failureID("compare", &plain) == "missing-table")
    }
}
