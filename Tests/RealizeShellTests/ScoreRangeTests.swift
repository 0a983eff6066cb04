import Foundation
import RealizeTestSupport
import Testing

/// Issue #10: `nps` and `maturity` read scores without clamping. A double score too large for 128-bit units
/// used to read as 0 (a valid detractor); it is now out of range, naming the row.
@Suite struct ScoreRangeTests {
    @Test func aHugeNPSScoreIsAnErrorNotAZero() throws {
        let csv = "program,period,respondent_id,segment,score\nA,2024-01,r1,x,9\nA,2024-01,r2,x,1e40\n"
        let r = try ExactMoneyTests.run("nps by program", files: ["nps.csv": csv])
        #expect(r.status == 1)
        #expect(r.stderr.contains("nps, row 2, column `score`: `1e+40` is not a whole number from 0 to 10"), "\(r.stderr)")
        let decimal = try ExactMoneyTests.run(
            "nps by program", files: ["nps.csv": "program,period,respondent_id,segment,score\nA,2024-01,r1,x,100000000000000000000000000000.00\n"])
        #expect(decimal.status == 1)
        #expect(decimal.stderr.contains("is not a whole number from 0 to 10"), "\(decimal.stderr)")
    }

    @Test func aHugeMaturityLevelIsAnError() throws {
        let csv = "unit,dimension,assessed_on,score,target\nU,D,2024-01-01,3,1e40\n"
        let r = try ExactMoneyTests.run("maturity by unit", files: ["maturity.csv": csv])
        #expect(r.status == 1)
        #expect(r.stderr.contains("maturity, row 1, column `target`: `1e+40` is not a level from 1 to 5"), "\(r.stderr)")
    }
}
