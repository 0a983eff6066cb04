import Foundation
import RealizeTestSupport
import Testing

/// End-to-end: the built binary over the embedded sample portfolio, as the sample's story says.
@Suite(.serialized) struct BusinessCaseCommandLineTests {
    func csv(_ statement: String) throws -> [[String]] {
        let r = try RealizeBinary.run(["--format", "csv", "-c", statement])
        #expect(r.status == 0, "\(r.stderr)")
        // The selected columns hold no commas or quotes, so a plain split is exact.
        return r.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    /// On the plan every programme's case is positive; risk-adjusted by its realization to date (under half),
    /// Zürich Hub Consolidation's turns negative while the others stay positive.
    @Test func businessCaseByProgram() throws {
        let plain = try csv("appraise by program forecast | where forecast_npv < 0 | select forecast_npv")
        #expect(plain.count == 1, "no negative case on the plan: \(plain)")
        let risky = try csv("appraise by program forecast risk adjusted | select verdict, realization_pct")
        #expect(risky.dropFirst().map { $0[0] }.sorted() == ["still positive", "still positive", "still positive", "still positive", "turned negative"])
        let zurich = try csv("appraise by program forecast risk adjusted | where program = 'Zürich Hub Consolidation' | select verdict")
        #expect(zurich.last == ["turned negative"])
    }

    /// The same data gives the same figures to the last digit in every process: month amounts are summed in
    /// month order, not in a dictionary's order, which Swift seeds anew in each process.
    @Test func theForecastIsTheSameInEveryRun() throws {
        let runs = try (0..<4).map { _ in try RealizeBinary.run(["--format", "csv", "-c", "appraise by program forecast risk adjusted"]) }
        #expect(runs.allSatisfy { $0.status == 0 })
        #expect(Set(runs.map(\.stdout)).count == 1, "\(runs.map(\.stdout))")
    }

    /// Between the November and December extracts: P016 re-baselined (+15 %), and the overrunning P001's EAC
    /// drifts up.
    @Test func compareShowsTheRebaselineAndTheDrift() throws {
        let rows = try csv("compare | where rebaselined | select project_id, from_snapshot, to_snapshot")
        #expect(rows.dropFirst().map { $0 } == [["P016", "2025-11", "2025-12"]])
        let p001 = try csv("compare | where project_id = 'P001' | select eac_drift")
        #expect((Double(p001.last?.first ?? "") ?? 0) > 0)
        let program = try csv("compare by program | where rebaselined | select program")
        #expect(program.dropFirst().map { $0 } == [["Digital Customer Experience"]])
    }
}
