import RealizeQuery
import RealizeStore
import Testing
@testable import RealizeAnalytics

@Suite struct BenefitsTests {
    /// Two benefits of one project: the second is measured once, then blank (not yet measured).
    static func tables() -> [(String, Table)] {
        let projects = makeTable([("project_id", .text, [.text("A")]), ("program", .text, [.text("P")]), ("budget", .decimal, [money("10.00")])])
        let benefits = makeTable([
            ("project_id", .text, Array(repeating: .text("A"), count: 5)),
            ("benefit", .text, [.text("x"), .text("x"), .text("y"), .text("y"), .text("y")]),
            ("period", .period, [period("2025-03"), period("2025-06"), period("2025-03"), period("2025-06"), period("2025-09")]),
            ("planned", .decimal, ["100.00", "100.00", "50.00", "50.00", "50.00"].map(money)),
            ("realized", .decimal, [money("80.00"), .null, money("40.00"), .null, .null]),
        ])
        return [("projects", projects), ("benefits", benefits)]
    }

    @Test func blankRealizedIsNotZero() throws {
        var s = financialSession(Self.tables())
        let t = try runTable("benefits by program as of 2025-06", &s)
        #expect(t.value("planned_to_date", where: "program", is: "P") == money("300.00"))
        #expect(t.value("measured_planned", where: "program", is: "P") == money("150.00"))
        #expect(t.value("realized", where: "program", is: "P") == money("120.00"))
        #expect(t.value("not_yet_measured", where: "program", is: "P") == money("150.00"))
        // 120 / 150 = 80 %, not 120 / 300 = 40 %.
        #expect(close(t.double("realization_pct", where: "program", is: "P"), 80))
        #expect(close(t.double("of_plan_pct", where: "program", is: "P"), 120.0 / 350 * 100))
        #expect(t.value("last_measured", where: "program", is: "P") == period("2025-03"))
    }

    @Test func curve() throws {
        var s = financialSession(Self.tables())
        let t = try runTable("benefits by benefit curve as of 2025-06", &s)
        #expect(t.rowCount == 5)
        let realized = t.column(named: "realized")!, cum = t.column(named: "cum_realized")!, measured = t.texts("measured")
        #expect(realized.value(at: 0) == money("80.00"))
        #expect(realized.isNull(1))
        #expect(cum.isNull(1))  // after the last measurement the cumulative curve stops
        #expect(measured == ["yes", "not measured", "yes", "not measured", "future"])
    }

    @Test func zurichLagsOnTheSample() throws {
        var s = financialSession()
        let t = try runTable("benefits by program", &s)
        #expect(close(t.double("realization_pct", where: "program", is: "Zürich Hub Consolidation"), 47, 1))
        for p in ["People & Workplace", "Supply Chain Resilience", "Digital Customer Experience"] {
            #expect((t.double("realization_pct", where: "program", is: p) ?? 0) > 85)
        }
        #expect(t.value("status_period", where: "program", is: "People & Workplace") == period("2025-12"))
    }
}
