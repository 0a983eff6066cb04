import RealizeQuery
import RealizeStore
import RealizeTestSupport
import Testing
@testable import RealizeAnalytics

/// ``FinancialRows``: the dictionary-code path (ids known to `projects`, no per-row array, the span scanned a range
/// per core) against the serial pass it falls back to (unknown ids, non-text ids), and the 64-bit grid's fallback
/// to 128 bits in a range whose sums overflow.
@Suite struct FinancialRowsTests {
    static let at = SourceRange(SourceLocation(line: 1, column: 1, offset: 0), SourceLocation(line: 1, column: 4, offset: 3))

    static func financials(_ ids: [Value], _ periods: [Value], units: [Int64]? = nil) -> Table {
        let amounts = (units ?? ids.indices.map { Int64($0 + 1) * 100 }).map { Value.decimal(FixedDecimal(units: Int128($0), scale: 2)) }
        return makeTable([
            ("project_id", .text, ids), ("period", .period, periods), ("planned_value", .decimal, amounts),
            ("earned_value", .decimal, amounts), ("actual_cost", .decimal, amounts),
        ])
    }

    static let projects = makeTable([
        ("project_id", .text, [.text("P1"), .text("P2")]), ("program", .text, [.text("A"), .text("B")]),
        ("budget", .decimal, [money("1.00"), money("2.00")]),
    ])

    static func data(_ financials: Table, level: String, parts: Int) throws -> FinancialData {
        let session = financialSession([("projects", projects), ("financials", financials)])
        let input = InputTables(session: session, at: at, command: "evm")
        return try ParallelRanges.$override.withValue((minRows: 2, parts: parts)) {
            try FinancialData(level: level, levelRange: at, input: input, denseLimit: .max)
        }
    }

    /// Ids `projects` lacks, met in the second and third of three ranges: their groups come after those of
    /// `projects`, in the order the ids first appear, whatever the ranges; an id only on a row with a null period
    /// forms no group.
    @Test(arguments: [1, 2, 3, 7]) func unknownIdsFormGroupsInFirstAppearanceOrder(parts: Int) throws {
        let ids: [Value] = [.text("P1"), .text("P2"), .text("P1"), .text("X9"), .text("P2"), .text("X3"), .text("X9"), .text("X5"), .null]
        let periods =
            [period("2025-01"), period("2025-02"), period("2025-02"), period("2025-03"), period("2025-01")]
            + [period("2025-04"), period("2025-04"), .null, period("2025-05")]
        let d = try Self.data(Self.financials(ids, periods), level: "project", parts: parts)
        #expect(d.grouping.keyValues.map { $0[0] } == ["P1", "P2", "X9", "X3"])
        #expect(d.latestPeriod == CivilCalendar.parsePeriod(Array("2025-04".utf8)))
        #expect(d.periods(2).count == 2)
        #expect(d.cumulative(2, through: .max).pv == 400 + 700)
    }

    /// `actualCostOnly` (appraise): the same actual cost in every cell as reading all three measures, planned and
    /// earned value 0, with and without nulls, in one range or several.
    @Test(arguments: [1, 3]) func actualCostOnlySumsTheSameCosts(parts: Int) throws {
        let plainIds: [Value] = [.text("P1"), .text("P2"), .text("P1"), .text("P2"), .text("P1"), .text("P2")]
        let plainPeriods = [period("2025-01"), period("2025-01"), period("2025-02"), period("2025-03"), period("2025-03"), period("2025-03")]
        let nullIds = plainIds.enumerated().map { $0.offset == 2 ? Value.null : $0.element }
        for (ids, periods) in [(plainIds, plainPeriods), (nullIds, plainPeriods)] {
            let session = financialSession([("projects", Self.projects), ("financials", Self.financials(ids, periods))])
            let input = InputTables(session: session, at: Self.at, command: "appraise")
            try ParallelRanges.$override.withValue((minRows: 2, parts: parts)) {
                for level in ["project", "program", "total"] {
                    let all = try FinancialData(level: level, levelRange: Self.at, input: input, denseLimit: .max)
                    let costs = try FinancialData(level: level, levelRange: Self.at, input: input, actualCostOnly: true, denseLimit: .max)
                    #expect(costs.grouping.keyValues == all.grouping.keyValues)
                    for g in 0..<all.grouping.count {
                        #expect(costs.periods(g) == all.periods(g))
                        for p in all.periods(g) {
                            let a = try #require(all.amounts(g, at: p)), c = try #require(costs.amounts(g, at: p))
                            #expect(c.ac == a.ac && c.pv == 0 && c.ev == 0)
                        }
                    }
                }
            }
        }
    }

    /// Every id known: the code path, with nulls in ids and periods, the same cells as one range.
    @Test(arguments: [2, 3, 7]) func knownIdsWithNullsSumLikeOneRange(parts: Int) throws {
        let ids: [Value] = [.text("P1"), .null, .text("P2"), .text("P1"), .text("P2"), .null, .text("P1"), .text("P2")]
        let periods =
            [period("2025-01"), period("2025-02"), .null, period("2025-03"), period("2025-01")]
            + [period("2025-06"), period("2025-01"), period("2025-02")]
        for level in ["project", "program", "total"] {
            let one = try Self.data(Self.financials(ids, periods), level: level, parts: 1)
            let split = try Self.data(Self.financials(ids, periods), level: level, parts: parts)
            FinancialCellsTests.expectSameCells(split, one)
            #expect(one.latestPeriod == CivilCalendar.parsePeriod(Array("2025-03".utf8)))
            #expect(one.cumulative(0, through: .max).ac == (level == "total" ? 100 + 400 + 500 + 700 + 800 : 100 + 400 + 700))
        }
    }

    /// A cell whose 64-bit sum overflows in one range is summed again in 128 bits there: exact, never wrapped.
    @Test(arguments: [1, 2, 3]) func aSixtyFourBitOverflowIsSummedInOneHundredTwentyEightBits(parts: Int) throws {
        let big = Int64.max / 2 + 1
        let ids: [Value] = Array(repeating: .text("P1"), count: 6)
        let periods = Array(repeating: period("2025-01"), count: 6)
        let d = try Self.data(Self.financials(ids, periods, units: [big, big, big, 1, big, -3]), level: "program", parts: parts)
        #expect(d.cumulative(0, through: .max).ev == Int128(big) * 4 - 2)
    }

    /// Ctrl-C before the rows are read stops ``FinancialData`` with `cancelled`, on the code path and the serial one.
    @Test(arguments: [1, 2]) func cancellationStopsBothPaths(parts: Int) {
        for ids in [[Value.text("P1"), .text("P2")], [.text("P1"), .text("X1")]] {
            var session = financialSession([("projects", Self.projects), ("financials", Self.financials(ids, [period("2025-01"), period("2025-02")]))])
            let token = CancellationToken()
            token.cancel()
            session.cancellation = token
            let input = InputTables(session: session, at: Self.at, command: "evm")
            ParallelRanges.$override.withValue((minRows: 2, parts: parts)) {
                #expect {
                    _ = try FinancialData(level: "program", levelRange: Self.at, input: input)
                } throws: { e in
                    (e as? QueryError)?.diagnostics.first?.id.rawValue == "cancelled"
                }
            }
        }
    }
}
