import RealizeQuery
import RealizeStore
import Testing

@testable import RealizeAnalytics

/// Domain commands over stacked extracts: the latest snapshot unless one was chosen upstream.
@Suite struct StackedSnapshotTests {
    static func table(_ csv: String) throws -> Table { try CSVReader.read(bytes: Array(csv.utf8), sourceName: "t.csv") }

    /// Two monthly extracts of one project: October's has two months of figures, November's three.
    static func session() throws -> QuerySession {
        let financials = try table(
            """
            snapshot,project_id,period,planned_value,earned_value,actual_cost
            2025-10,P1,2025-09,100.00,90.00,120.00
            2025-10,P1,2025-10,100.00,100.00,110.00
            2025-11,P1,2025-09,100.00,90.00,120.00
            2025-11,P1,2025-10,100.00,100.00,110.00
            2025-11,P1,2025-11,100.00,110.00,100.00

            """)
        let projects = try table(
            """
            project_id,project,program,portfolio,sponsor,status,start_date,end_date,budget
            P1,Alpha,Finance,Change,Ann,Active,2025-09-01,2026-06-30,1000.00

            """)
        return financialSession([("financials", financials), ("projects", projects)])
    }

    @Test func theLatestSnapshotByDefaultWithANote() throws {
        var s = try Self.session()
        let t = try runTable("evm by project", &s)
        // November: PV 300, EV 90 + 100 + 110 = 300, AC 120 + 110 + 100 = 330; CPI 300 / 330.
        #expect(t.value("pv", where: "project_id", is: "P1") == money("300.00"))
        #expect(t.value("ev", where: "project_id", is: "P1") == money("300.00"))
        #expect(t.value("ac", where: "project_id", is: "P1") == money("330.00"))
        #expect(abs((t.double("cpi", where: "project_id", is: "P1") ?? 0) - 300.0 / 330) < 1e-12)
        #expect(t.value("status_period", where: "project_id", is: "P1") == period("2025-11"))
        #expect(s.warnings.count == 1)
        #expect(s.warnings.first?.contains("evm read the latest of 2 snapshots in `financials`, 2025-11") == true, "\(s.warnings)")
    }

    @Test func aSnapshotChosenUpstreamIsUsedSilently() throws {
        var s = try Self.session()
        _ = try runTable("let financials = financials | where snapshot = 2025-10", &s)
        let t = try runTable("evm by project", &s)
        // October: PV 200, EV 190, AC 230; CPI 190 / 230.
        #expect(t.value("pv", where: "project_id", is: "P1") == money("200.00"))
        #expect(t.value("ev", where: "project_id", is: "P1") == money("190.00"))
        #expect(t.value("ac", where: "project_id", is: "P1") == money("230.00"))
        #expect(abs((t.double("cpi", where: "project_id", is: "P1") ?? 0) - 190.0 / 230) < 1e-12)
        #expect(s.warnings.isEmpty, "\(s.warnings)")
    }

    @Test func trendFromATableReadsItsLatestSnapshot() throws {
        var s = try Self.session()
        let t = try runTable("trend ac from financials detail", &s)
        // November's months only: 120, 110, 100 (both snapshots together would give 240, 220, 100).
        #expect(t.rowCount == 3)
        #expect((0..<t.rowCount).map { t.column(named: "value")?.value(at: $0).doubleValue } == [120, 110, 100])
        #expect(
            s.warnings == [
                "trend read the latest of 2 snapshots in `financials`, 2025-11 (for another: `let financials = financials | where snapshot = 2025-10`)"
            ])
    }

    @Test func appraiseOnATableReadsItsLatestSnapshot() throws {
        var s = try Self.session()
        let t = try runTable("appraise financials amount actual_cost period period", &s)
        // November's flows: 120 + 110 + 100 = 330 (both snapshots together would give 560).
        #expect(t.column(named: "flows")?.value(at: 0) == .int(3))
        #expect(t.column(named: "total")?.value(at: 0) == money("330.00"))
        #expect(s.warnings.count == 1)
        #expect(s.warnings.first?.hasPrefix("appraise read the latest of 2 snapshots in `financials`") == true, "\(s.warnings)")
    }

    @Test func aTextSnapshotTakesTheLargestLabel() throws {
        let start = SourceLocation(line: 1, column: 1, offset: 0)
        let input = InputTables(session: QuerySession(), at: SourceRange(start, start))
        let t = try Self.table("snapshot,v\nb,1\nc,2\na,3\nc,4\n")
        let latest = input.latestSnapshot(t, "t")
        #expect(latest.rowCount == 2)
        #expect(latest.columns[1].value(at: 1) == .int(4))
    }
}
