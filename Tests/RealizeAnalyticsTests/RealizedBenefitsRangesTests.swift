import RealizeQuery
import RealizeStore
import RealizeTestSupport
import Testing

@testable import RealizeAnalytics

/// ``RealizedBenefits`` a range of rows per core: the same groups (unknown projects created in the order of their
/// first counting row), the same rows in the same order per group, as one range; nulls and later rows left out.
@Suite struct RealizedBenefitsRangesTests {
    /// What a collect gives: the groups' keys, and per group its first period and its sums by month to the status.
    struct Collected: Equatable {
        var keys: [[String?]]
        var first: [Int32]
        var monthly: [[Int128]]
    }

    /// Collects with the rows split into `ranges` (minimum rows, parts), summed into a grid or, with `placed`, placed.
    static func collect(_ session: QuerySession, level: String, status: Int32, ranges: (Int, Int), placed: Bool = false) throws -> Collected {
        let c = try collectTakingPath(session, level: level, status: status, ranges: ranges, placed: placed)
        #expect(c.gridless == placed)
        return c.collected
    }

    /// ``collect(_:level:status:ranges:placed:)``, with the one pass over known projects allowed or not
    /// (`onePass`); also whether that pass ran, and whether the rows were placed rather than summed into a grid.
    static func collectTakingPath(
        _ session: QuerySession, level: String, status: Int32, ranges: (Int, Int), placed: Bool = false, onePass: Bool = true
    ) throws -> (collected: Collected, summedKnown: Bool, gridless: Bool) {
        let here = SourceLocation(line: 1, column: 1, offset: 0)
        let input = InputTables(session: session, at: SourceRange(here, here), command: "appraise")
        return try RealizedBenefits.$sumsKnownInOnePass.withValue(onePass) {
            try ParallelRanges.$override.withValue((minRows: ranges.0, parts: ranges.1)) {
                try RealizedBenefits.$denseCells.withValue(placed ? 0 : 1 << 16) {
                    var grouping = try ProjectGrouping(level: level, levelRange: input.at, input: input, scale: 2, needBudget: false)
                    var realized = try RealizedBenefits(scale: 2, input: input)
                    try realized.collect(through: status, grouping: &grouping, input: input)
                    let monthly = (0..<grouping.count).map { g in
                        realized.firstPeriod(g).map { realized.monthly(g, from: $0, months: Int(status - $0) + 1) } ?? []
                    }
                    let collected = Collected(keys: grouping.keyValues, first: realized.first, monthly: monthly)
                    return (collected, realized.summedKnown, realized.gridStart.isEmpty)
                }
            }
        }
    }

    /// Random `benefits` rows: known and unknown projects, null ids, periods and amounts, rows past the status.
    static func session(rows: Int, seed: UInt64, wide: Bool = false) -> QuerySession {
        var rng = SeededGenerator(seed: seed)
        let projects = makeTable([
            ("project_id", .text, (1...6).map { .text("P\($0)") }),
            ("program", .text, (1...6).map { .text("G\($0 % 3)") }),
            ("portfolio", .text, (1...6).map { _ in .text("X") }),
        ])
        var ids: [Value] = [], periods: [Value] = [], amounts: [Value] = []
        for _ in 0..<rows {
            let id = Int.random(in: 0...12, using: &rng)
            ids.append(id == 0 ? .null : .text("P\(id)"))
            let month = Int.random(in: 0...30, using: &rng)
            periods.append(month == 0 ? .null : .period(CivilCalendar.period(year: 2024, month: 1) + Int32(month)))
            let units = Int.random(in: -999_999...999_999, using: &rng)
            amounts.append(units % 11 == 0 ? .null : money(wide ? "123456789012345678901234.\(abs(units) % 100)" : "\(units / 100).\(abs(units) % 100)"))
        }
        let benefits = makeTable([("project_id", .text, ids), ("period", .period, periods), ("realized", .decimal, amounts)])
        return financialSession([("benefits", benefits), ("projects", projects)])
    }

    @Test(arguments: [(1, 2), (1, 3), (5, 4)])
    func rangesGiveTheOneRangeResult(_ ranges: (Int, Int)) throws {
        for (k, wide) in [(1, false), (2, true), (3, false)] {
            let s = Self.session(rows: 40 + 97 * k, seed: UInt64(k), wide: wide)
            let status = CivilCalendar.parsePeriod(Array("2025-08".utf8))!
            for level in ["project", "program"] {
                let one = try Self.collect(s, level: level, status: status, ranges: (Int.max, 1), placed: true)
                let many = try Self.collect(s, level: level, status: status, ranges: ranges, placed: true)
                let summed = try Self.collect(s, level: level, status: status, ranges: ranges)
                let summedInOne = try Self.collect(s, level: level, status: status, ranges: (Int.max, 1))
                #expect(one == many, "\(level) \(ranges)")
                #expect(one == summed && one == summedInOne, "\(level) \(ranges)")
                // Unknown projects P7…P12 are groups of their own at the project level, after the six known.
                if level == "project" { #expect(one.keys.count > 6) }
            }
        }
    }

    /// Unknown projects become groups in the order of their first counting row, whichever range it is in; a row
    /// past the status or with a null amount does not create one.
    @Test func unknownProjectsInFirstRowOrder() throws {
        let projects = makeTable([("project_id", .text, [.text("P1")]), ("program", .text, [.text("A")]), ("portfolio", .text, [.text("X")])])
        let benefits = makeTable([
            ("project_id", .text, ["Q9", "Q5", "P1", "Q7", "Q5", "Q3", "Q8"].map { .text($0) }),
            ("period", .period, ["2025-01", "2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06"].map(period)),
            ("realized", .decimal, [money("1"), money("2"), money("3"), money("4"), money("5"), money("6"), .null]),
        ])
        let s = financialSession([("benefits", benefits), ("projects", projects)])
        let status = CivilCalendar.parsePeriod(Array("2024-12".utf8))!
        for ranges in [(Int.max, 1), (1, 2), (1, 3), (1, 7)] {
            for placed in [false, true] {
                let c = try Self.collect(s, level: "project", status: status, ranges: ranges, placed: placed)
                #expect(c.keys.map { $0[0] } == ["P1", "Q5", "Q7", "Q3"], "\(ranges)")
                let months: [Int32] = [2, 1, 3, 5].map { CivilCalendar.period(year: 2024, month: $0) }
                #expect(c.first == months)
                let totals: [Int128] = c.monthly.map { $0.reduce(0, +) }
                #expect(totals == [300, 700, 400, 600])
                #expect(Array(c.monthly[1].prefix(4)) == [200, 0, 0, 500] as [Int128])
            }
        }
    }

    /// A sum past 38 digits names the group whose rows pass first, with any ranges.
    @Test func overflowNamesTheGroup() throws {
        let projects = makeTable([
            ("project_id", .text, [.text("P1"), .text("P2")]), ("program", .text, [.text("A"), .text("B")]), ("portfolio", .text, [.text("X"), .text("X")]),
        ])
        let big = money("900000000000000000000000000000000000")
        let benefits = makeTable([
            ("project_id", .text, ["P1", "P2", "P2", "P1"].map { .text($0) }),
            ("period", .period, ["2024-01", "2024-01", "2024-02", "2024-02"].map(period)),
            ("realized", .decimal, [big, big, big, big]),
        ])
        let s = financialSession([("benefits", benefits), ("projects", projects)])
        let status = CivilCalendar.parsePeriod(Array("2024-12".utf8))!
        for ranges in [(Int.max, 1), (1, 2), (1, 4)] {
            let error = #expect(throws: QueryError.self) { try Self.collect(s, level: "project", status: status, ranges: ranges) }
            #expect(error?.diagnostics.first?.message.contains("P2") == true, "\(ranges)")
        }
    }

    /// Ctrl-C before or during the ranges stops the collect with `cancelled`, with any ranges.
    @Test func cancelledStops() throws {
        var s = Self.session(rows: 300, seed: 5)
        let token = CancellationToken()
        token.cancel()
        s.cancellation = token
        let status = CivilCalendar.parsePeriod(Array("2025-08".utf8))!
        for ranges in [(Int.max, 1), (1, 3)] {
            let error = #expect(throws: QueryError.self) { try Self.collect(s, level: "program", status: status, ranges: ranges) }
            #expect(error?.diagnostics.first?.id == .cancelled, "\(ranges)")
        }
    }
}
