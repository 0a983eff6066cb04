import RealizeQuery
import RealizeStore
import Testing
@testable import RealizeAnalytics

/// `evm` on the sample portfolio and on small hand-made portfolios.
@Suite struct EVMSampleTests {
    @Test func storyProjectsShowTheirIndices() throws {
        var s = financialSession()
        let t = try runTable("evm by project", &s)
        t.checkInvariants()
        #expect(t.rowCount == 35)
        #expect(close(t.double("cpi", where: "project_id", is: "P001"), 0.78, 0.005))
        #expect(close(t.double("cpi", where: "project_id", is: "P009"), 0.85, 0.005))
        #expect(close(t.double("spi", where: "project_id", is: "P016"), 0.80, 0.005))
        #expect(t.value("status", where: "project_id", is: "P001") == .text("red"))
        #expect(t.value("status_period", where: "project_id", is: "P001") == period("2025-12"))
    }

    /// A program's CPI is ΣEV / ΣAC over its projects (from `evm by project`), never an average of their CPIs.
    @Test func programCPIIsTheRatioOfSums() throws {
        var s = financialSession()
        let projects = try runTable("evm by project", &s)
        let programs = try runTable("evm by program", &s)
        let programOf = projects.texts("program"), ev = projects.column(named: "ev")!, ac = projects.column(named: "ac")!
        for program in Set(programOf.compactMap { $0 }) {
            var e = 0.0, a = 0.0
            for r in 0..<projects.rowCount where programOf[r] == program {
                e += ev.value(at: r).doubleValue!
                a += ac.value(at: r).doubleValue!
            }
            #expect(close(programs.double("cpi", where: "program", is: program), e / a, 1e-9), "\(program)")
        }
        // And the same through the agg measures, straight from the financials.
        let viaMeasure = try runTable("financials | join projects on project_id | by program agg cpi", &s)
        for program in Set(programOf.compactMap { $0 }) {
            #expect(close(viaMeasure.double("cpi", where: "program", is: program), programs.double("cpi", where: "program", is: program)!, 1e-12))
        }
    }

    /// BAC-based measures over one row per project agree with `evm`.
    @Test func bacMeasuresOnPerProjectRows() throws {
        var s = financialSession()
        let perProject = """
            financials | by project_id agg planned_value = sum(planned_value), earned_value = sum(earned_value), actual_cost = sum(actual_cost)
              | join projects on project_id | by program agg eac_cpi, eac_plan, tcpi_bac, pct_complete
            """
        let m = try runTable(perProject, &s)
        let e = try runTable("evm by program", &s)
        let program = "Zürich Hub Consolidation"
        #expect(close(m.double("eac_cpi", where: "program", is: program), e.double("eac_cpi", where: "program", is: program)!, 0.01))
        #expect(close(m.double("eac_plan", where: "program", is: program), e.double("eac_plan", where: "program", is: program)!, 0.001))
        #expect(close(m.double("tcpi_bac", where: "program", is: program), e.double("tcpi_bac", where: "program", is: program)!, 1e-9))
        #expect(close(m.double("pct_complete", where: "program", is: program), e.double("pct_complete", where: "program", is: program)!, 1e-9))
    }

    /// The PRA vignette as a three-month portfolio: the EACs come out of the command too.
    static func praTables() -> [(String, Table)] {
        let projects = makeTable([
            ("project_id", .text, [.text("X")]), ("project", .text, [.text("Toy")]), ("program", .text, [.text("PRA")]),
            ("portfolio", .text, [.text("R")]), ("budget", .decimal, [money("500000.00")]),
        ])
        let financials = makeTable([
            ("project_id", .text, [.text("X"), .text("X"), .text("X"), .text("X"), .text("X")]),
            ("period", .period, [period("2024-01"), period("2024-02"), period("2024-03"), period("2024-04"), period("2024-05")]),
            ("planned_value", .decimal, ["50000.00", "75000.00", "125000.00", "125000.00", "125000.00"].map(money)),
            ("earned_value", .decimal, ["40000.00", "60000.00", "100000.00", "0.00", "0.00"].map(money)),
            ("actual_cost", .decimal, ["45000.00", "110000.00", "135000.00", "0.00", "0.00"].map(money)),
        ])
        return [("projects", projects), ("financials", financials)]
    }

    @Test func praVignetteThroughTheCommand() throws {
        var s = financialSession(Self.praTables())
        let t = try runTable("evm by project as of 2024-03", &s)
        #expect(close(t.value("eac_cpi", where: "project_id", is: "X")?.doubleValue, 725000))
        #expect(close(t.value("eac_plan", where: "project_id", is: "X")?.doubleValue, 590000))
        #expect(close(t.value("eac_cpi_spi", where: "project_id", is: "X")?.doubleValue, 833750))
        #expect(t.value("eac_method", where: "project_id", is: "X") == .text("BAC/CPI"))
        // ES: cumulative PV 50k, 125k, 250k, 375k, 500k; EV 200k → 2 + 75k/125k = 2.6 months; AT = 3.
        #expect(close(t.double("es", where: "project_id", is: "X"), 2.6))
        #expect(close(t.double("spi_t", where: "project_id", is: "X"), 2.6 / 3))
        let plan = try runTable("evm as of 2024-03 eac plan", &s)
        #expect(close(plan.value("eac", where: "project_id", is: "X")?.doubleValue, 590000))
        #expect(close(plan.value("vac", where: "project_id", is: "X")?.doubleValue, -90000))
    }

    @Test func edgeCasesGiveNullsAndFlags() throws {
        let projects = makeTable([
            ("project_id", .text, [.text("A"), .text("B"), .text("C")]), ("program", .text, [.text("P"), .text("P"), .text("Q")]),
            ("budget", .decimal, ["100.00", "100.00", "100.00"].map(money)),
        ])
        let financials = makeTable([
            ("project_id", .text, [.text("A"), .text("B"), .text("C")]),
            ("period", .period, [period("2025-01"), period("2025-01"), period("2025-01")]),
            // A: no cost yet; B: no plan yet; C: budget spent.
            ("planned_value", .decimal, ["10.00", "0.00", "90.00"].map(money)),
            ("earned_value", .decimal, ["5.00", "0.00", "80.00"].map(money)),
            ("actual_cost", .decimal, ["0.00", "3.00", "120.00"].map(money)),
        ])
        var s = financialSession([("projects", projects), ("financials", financials)])
        let t = try runTable("evm", &s)
        #expect(t.value("cpi", where: "project_id", is: "A") == .null)
        #expect(t.value("eac_cpi", where: "project_id", is: "A") == .null)
        #expect(t.value("etc", where: "project_id", is: "A") == .null)
        #expect(t.value("vac", where: "project_id", is: "A") == .null)
        #expect(close(t.value("eac_plan", where: "project_id", is: "A")?.doubleValue, 95))
        #expect(t.value("spi", where: "project_id", is: "B") == .null)
        #expect(t.value("tcpi_bac", where: "project_id", is: "C") == .null)
        #expect(t.value("flags", where: "project_id", is: "C")?.description.contains("budget spent") == true)
        #expect(t.value("flags", where: "project_id", is: "A")?.description.contains("no cost yet") == true)
        // Program P sums A and B first: EV 5, AC 3, PV 10 → CPI 5/3, SPI 0.5.
        let p = try runTable("evm by program", &s)
        #expect(close(p.double("cpi", where: "program", is: "P"), 5.0 / 3))
        #expect(close(p.double("spi", where: "program", is: "P"), 0.5))
        // The measures agree: division by zero is null, not 0 or infinity.
        let m = try runTable("financials | by project_id agg cpi, spi | sort project_id", &s)
        #expect(m.column(named: "cpi")!.isNull(0))
        #expect(m.column(named: "spi")!.isNull(1))
    }

    @Test func thresholdsComeFromTheSettings() throws {
        var s = financialSession()
        s.settings.options["evm_red"] = "0.7"
        s.settings.options["evm_amber"] = "0.8"
        let t = try runTable("evm by project", &s)
        #expect(t.value("status", where: "project_id", is: "P001") == .text("amber"))
        #expect(t.value("status", where: "project_id", is: "P002") == .text("green"))
    }

    @Test func pipingAndLet() throws {
        var s = financialSession()
        let t = try runTable("evm by project | where cpi < 0.9 | sort cpi | select project_id", &s)
        #expect(t.texts("project_id") == ["P001", "P009"])
        _ = try runTable("let e = evm by program", &s)
        #expect(s.catalog["e"]?.rowCount == 5)
        let asOf = try runTable("evm by portfolio as of 2024-06", &s)
        #expect(asOf.rowCount == 3)
        #expect(asOf.value("status_period", where: "portfolio", is: "Run the Business") == period("2024-06"))
    }

    @Test func argumentErrors() {
        var s = financialSession()
        #expect(failureID("evm by nothing", &s) == "unknown-grouping")
        #expect(failureID("evm as 2025-01", &s) == "expected-of")
        #expect(failureID("evm as of June", &s) == "expected-period")
        #expect(failureID("evm eac magic", &s) == "unknown-choice")
        #expect(failureID("evm sideways", &s) == "unexpected-argument")
        var empty = financialSession([])
        #expect(failureID("evm", &empty) == "missing-table")
    }
}
