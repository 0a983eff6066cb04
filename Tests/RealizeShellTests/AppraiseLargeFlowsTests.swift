import Foundation
import RealizeTestSupport
import Testing

/// Issue #10: `appraise` on large decimal flows dropped the −150 bn one. Amounts were taken to 64-bit units
/// at 8 decimals, where 150,000,000,000.00 (1.5 × 10^19 units) does not fit; they are now exact 128-bit units
/// at the column's scale, so all 12 flows count.
@Suite struct AppraiseLargeFlowsTests {
    static let flows =
        "period,amount\n2024-01,-150000000000.00\n"
        + (2...12).map { "2024-\(String(format: "%02d", $0)),80000000000.00\n" }.joined()

    @Test func everyFlowCountsAndTheAnswerIsExact() throws {
        let r = try ExactMoneyTests.run(
            "appraise t amount amount period period rate 10% | select flows, total, npv, payback_periods, note", files: ["t.csv": Self.flows])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "flows,total,npv,payback_periods,note")
        let cells = lines.last?.split(separator: ",", omittingEmptySubsequences: false).map(String.init) ?? []
        #expect(cells.count == 5)
        guard cells.count == 5 else { return }
        #expect(cells[0] == "12")
        // −150 bn + 11 × 80 bn, exactly.
        #expect(cells[1] == "730000000000.00")
        // By hand: the monthly rate is m = 1.1^(1/12) − 1 = 0.0079741404289…, the first flow is undiscounted and the
        // other eleven form an annuity: NPV = −150e9 + 80e9 × (1 − (1 + m)^−11) / m = −150e9 + 80e9 × 10.4913969202…
        // = 689,311,753,619.18.
        let npv = Double(cells[2]) ?? 0
        #expect(abs(npv - 689_311_753_619.18) < 0.01, "\(cells[2])")
        // Recovered during the second month: −150 + 80 = −70 after one, 70/80 of the next.
        #expect(cells[3] == "1.875")
        // The flows change sign once, so the IRR is defined and no note is given.
        #expect(cells[4] == "")
    }

    @Test func theIRRGivesAZeroNPV() throws {
        let r = try ExactMoneyTests.run("appraise t amount amount period period | select irr_pct", files: ["t.csv": Self.flows])
        let irr = try #require(Double(r.stdout.split(separator: "\n").last.map(String.init) ?? ""), "\(r.stdout) \(r.stderr)")
        #expect(irr > 0)
        let atIRR = try ExactMoneyTests.run("appraise t amount amount period period rate \(irr)% | select npv", files: ["t.csv": Self.flows])
        let npv = try #require(Double(atIRR.stdout.split(separator: "\n").last.map(String.init) ?? ""), "\(atIRR.stdout) \(atIRR.stderr)")
        #expect(abs(npv) < 1, "NPV at the IRR: \(npv)")
    }
}
