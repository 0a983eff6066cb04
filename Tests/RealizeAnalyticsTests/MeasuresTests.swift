import RealizeQuery
import RealizeStore
import Testing
@testable import RealizeAnalytics

@Suite struct MeasuresTests {
    @Test func everyAggMeasureBindsOnPerProjectRows() throws {
        var s = financialSession()
        let names = FinancialMeasures.all.filter { $0.expression != nil }.map(\.name)
        let query = """
            financials | by project_id agg planned_value = sum(planned_value), earned_value = sum(earned_value), actual_cost = sum(actual_cost)
              | join projects on project_id | agg \(names.joined(separator: ", "))
            """
        let t = try runTable(query, &s)
        #expect(t.columnNames == names)
        let e = try runTable("evm by total", &s)
        for n in ["cpi", "spi", "cv_pct", "sv_pct", "pct_complete", "pct_spent", "tcpi_bac"] {
            #expect(close(t.column(named: n)!.value(at: 0).doubleValue, e.column(named: n)!.value(at: 0).doubleValue!, 1e-9), "\(n)")
        }
    }

    @Test func catalogIsRegisteredAndDocumented() {
        for e in FinancialMeasures.all {
            #expect(!e.formula.isEmpty && !e.convention.isEmpty && !e.source.isEmpty)
            if e.expression != nil { #expect(DomainCommands.measures[e.name] != nil, "\(e.name)") }
        }
        #expect(FinancialMeasures.named("CPI")?.name == "cpi")
        #expect(FinancialMeasures.named("SV(t)")?.name == "sv_t")
        #expect(FinancialMeasures.named("cv%")?.name == "cv_pct")
        #expect(FinancialMeasures.named("%complete")?.name == "pct_complete")
        #expect(FinancialMeasures.named("nope") == nil)
        for name in ["evm", "trend", "appraise", "benefits"] { #expect(DomainCommands.names.contains(name)) }
    }

    @Test func measureInAggOverFinancials() throws {
        var s = financialSession()
        let t = try runTable("financials | where project_id = 'P001' | agg cpi, spi(), cv", &s)
        #expect(close(t.column(named: "cpi")!.value(at: 0).doubleValue, 0.78, 0.005))
    }
}
