import RealizeQuery
import RealizeStore
import RealizeTestSupport
import Testing

@testable import RealizeAnalytics

/// ``RealizedBenefits`` summed in one pass when every id is a known project and nothing is null: the same groups,
/// first periods and monthly sums as the two passes and as placing the rows, with any ranges.
@Suite struct RealizedBenefitsKnownTests {
    /// Random `benefits` rows of known projects only, no nulls, some past the status, amounts of both signs.
    static func session(rows: Int, seed: UInt64) -> QuerySession {
        var rng = SeededGenerator(seed: seed)
        let projects = makeTable([
            ("project_id", .text, (1...9).map { .text("P\($0)") }),
            ("program", .text, (1...9).map { .text("G\($0 % 4)") }),
            ("portfolio", .text, (1...9).map { _ in .text("X") }),
        ])
        var ids: [Value] = [], periods: [Value] = [], amounts: [Value] = []
        for _ in 0..<rows {
            // P9 has no benefits: its group keeps no month.
            ids.append(.text("P\(Int.random(in: 1...8, using: &rng))"))
            periods.append(.period(CivilCalendar.period(year: 2023, month: 1) + Int32(Int.random(in: 0...40, using: &rng))))
            let units = Int.random(in: -999_999_999...999_999_999, using: &rng)
            amounts.append(money("\(units / 100).\(abs(units) % 100)"))
        }
        let benefits = makeTable([("project_id", .text, ids), ("period", .period, periods), ("realized", .decimal, amounts)])
        return financialSession([("benefits", benefits), ("projects", projects)])
    }

    static func collect(_ s: QuerySession, level: String, status: Int32, ranges: (Int, Int), onePass: Bool, placed: Bool = false) throws
        -> (RealizedBenefitsRangesTests.Collected, Bool)
    {
        let c = try RealizedBenefitsRangesTests.collectTakingPath(s, level: level, status: status, ranges: ranges, placed: placed, onePass: onePass)
        return (c.collected, c.summedKnown)
    }

    @Test(arguments: [(Int.max, 1), (1, 2), (1, 3), (7, 5)])
    func onePassIsTheTwoPasses(_ ranges: (Int, Int)) throws {
        for seed in 1...4 {
            let s = Self.session(rows: 30 + 211 * seed, seed: UInt64(seed))
            for status in ["2024-06", "2026-12", "2022-12"] {
                let p = CivilCalendar.parsePeriod(Array(status.utf8))!
                for level in ["project", "program", "total"] {
                    let (fused, tookOnePass) = try Self.collect(s, level: level, status: p, ranges: ranges, onePass: true)
                    let (twoPasses, _) = try Self.collect(s, level: level, status: p, ranges: ranges, onePass: false)
                    let (placed, _) = try Self.collect(s, level: level, status: p, ranges: (Int.max, 1), onePass: false, placed: true)
                    // Before every row (2022-12) nothing counts: the two passes run, and agree.
                    #expect(tookOnePass == (status != "2022-12"), "\(level) \(status)")
                    #expect(fused == twoPasses, "\(level) \(status) \(ranges)")
                    #expect(fused == placed, "\(level) \(status) \(ranges)")
                }
            }
        }
    }

    /// A null amount, or an id `projects` lacks, leaves the one pass out (the two passes handle them).
    @Test func nullsAndUnknownIdsTakeTheTwoPasses() throws {
        let projects = makeTable([("project_id", .text, [.text("P1")]), ("program", .text, [.text("A")]), ("portfolio", .text, [.text("X")])])
        let status = CivilCalendar.parsePeriod(Array("2024-12".utf8))!
        for (ids, amounts) in [(["P1", "P1"], [money("1"), .null]), (["P1", "Q2"], [money("1"), money("2")])] {
            let benefits = makeTable([
                ("project_id", .text, ids.map { .text($0) }), ("period", .period, ["2024-01", "2024-02"].map(period)), ("realized", .decimal, amounts),
            ])
            let s = financialSession([("benefits", benefits), ("projects", projects)])
            let (_, tookOnePass) = try Self.collect(s, level: "project", status: status, ranges: (Int.max, 1), onePass: true)
            #expect(!tookOnePass)
        }
    }
}
