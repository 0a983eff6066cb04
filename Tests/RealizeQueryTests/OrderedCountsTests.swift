import RealizeStore
import RealizeTestSupport
import Testing
@testable import RealizeQuery

/// ``OrderedCounts``: an ordered aggregate of counts only, counted in one pass into dense grids (a range of rows per
/// core), gives the plain plan's rows, serially and in forced ranges; anything else falls back.
@Suite struct OrderedCountsTests {
    /// `by` on 2–3 of the small-domain keys of ``OrderedGroupsTests/session(_:)``, counts only (of int comparisons
    /// with and without nulls, of a nullable boolean, of a general predicate), sorted on every key.
    static func query(_ g: inout SplitMix) -> String {
        let keys = ["t", "i", "y = p.year", "q = p.quarter", "m = d.month", "b", "d"].shuffled(using: &g).prefix(g.int(2...3))
        let sortKeys = keys.map { String($0.prefix(1)) }.shuffled(using: &g).map { (g.chance(0.5) ? "-" : "") + $0 }
        let counts = ["c = sum(x >= 2)", "u = sum(i <= 0)", "e = sum(b)", "z = sum(x != 1 and i > -2)"].shuffled(using: &g).prefix(g.int(0...3))
        let aggs = (["n = count()"] + counts).shuffled(using: &g).joined(separator: ", ")
        return "f | by \(keys.joined(separator: ", ")) agg \(aggs) | sort \(sortKeys.joined(separator: ", "))"
    }

    @Test func countsInGridsGiveThePlainPlansResult() throws {
        var counted = 0
        for seed in 0..<UInt64(300) {
            var g = SplitMix(seed: seed)
            let session = OrderedGroupsTests.session(&g)
            let text = Self.query(&g)
            let q = try #require(OptimizedQuery(text, session: session), "seed \(seed): \(text)")
            #expect(q.fired.contains("ordered groups"), "seed \(seed): \(text)")
            let plain = try q.run(q.plain)
            for (minRows, parts) in [(Int.max, 1), (1, 3), (2, 2)] {
                let optimized = try ParallelRanges.$override.withValue((minRows, parts)) { try q.run(q.optimized.plan) }
                #expect(optimized.columnNames == plain.columnNames && optimized.rows == plain.rows, "seed \(seed), parts \(parts): \(text)")
            }
            if plain.rowCount > 0 { counted += 1 }
        }
        #expect(counted > 250)
    }

    /// The keys and counts of a table, through ``OrderedCounts`` directly.
    static func counts(_ t: Table, _ keys: [BoundExpr], _ aggs: [AggregateSpec], parts: Int = 3) throws -> (keys: [Column], aggregates: [Column])? {
        let ev = Evaluator(table: t, settings: QuerySettings())
        return try ParallelRanges.$override.withValue((1, parts)) {
            try OrderedCounts.compute(keys, order: keys.indices.map { ($0, false) }, aggs, ev, shouldStop: { false })
        }
    }

    static let table: Table = {
        let t = Column(name: "t", storage: .text(codes: [0, 1, 0, 1, 0], dictionary: ["b", "a"]))
        let p = Column(name: "p", storage: .period([24_000, 24_001, 24_005, 24_000, 24_000]))
        let x = Column(name: "x", type: .int, values: [.int(9), .int(6), .null, .int(10), .int(3)])
        return Table(columns: [t, p, x], rowCount: 5)
    }()

    static func values(_ c: Column) -> [Value] { (0..<c.count).map { c.value(at: $0) } }

    static let keys: [BoundExpr] = [.column(0, .text), .datePart(.quarter, .column(1, .period))]
    static let count = AggregateSpec(function: .count, argument: nil, parameter: 0, type: .int)
    static func sum(_ p: BoundExpr) -> AggregateSpec { AggregateSpec(function: .sum, argument: .cast(p, .int), parameter: 0, type: .int) }

    @Test func countsKeysInOrderWithNullCounts() throws {
        let promoters = Self.sum(.compare(.greaterOrEqual, .column(2, .int), .literal(.int(9), .int)))
        let r = try #require(try Self.counts(Self.table, Self.keys, [Self.count, promoters]))
        // Groups (a, q1) rows 1, 3; (b, q1) rows 0, 4; (b, q2) row 2, whose score is null.
        #expect(Self.values(r.keys[0]) == [.text("a"), .text("b"), .text("b")])
        #expect(Self.values(r.aggregates[0]) == [.int(2), .int(2), .int(1)])
        #expect(Self.values(r.aggregates[1]) == [.int(1), .int(1), .null])
    }

    @Test func fallsBackOnOtherAggregatesOneKeyAndNoRows() throws {
        let total = AggregateSpec(function: .sum, argument: .column(2, .int), parameter: 0, type: .int)
        #expect(try Self.counts(Self.table, Self.keys, [Self.count, total]) == nil)
        #expect(try Self.counts(Self.table, [Self.keys[0]], [Self.count]) == nil)
        #expect(try Self.counts(Self.table.prefix(0), Self.keys, [Self.count]) == nil)
        // A decimal key has no ordered code.
        let v = Table(
            columns: [
                Column(name: "v", type: .decimal, values: [.decimal(FixedDecimal(units: 1, scale: 0)), .decimal(FixedDecimal(units: 2, scale: 0))]),
                Column(name: "w", storage: .int([1, 2])),
            ], rowCount: 2)
        #expect(try Self.counts(v, [.column(0, .decimal), .column(1, .int)], [Self.count]) == nil)
    }

    @Test func stopsWhenCancelled() throws {
        let ev = Evaluator(table: Self.table, settings: QuerySettings())
        for parts in [1, 3] {
            #expect(throws: Executor.Stop.self) {
                try ParallelRanges.$override.withValue((1, parts)) {
                    try OrderedCounts.compute(Self.keys, order: [(0, false), (1, false)], [Self.count], ev, shouldStop: { true })
                }
            }
        }
    }

    /// On 300K rows (two-core ranges by default) the grids give what ``OrderedGrouping`` and ``FusedCount`` give.
    @Test func largeInputsMatchTheGroupingPath() throws {
        var g = SplitMix(seed: 11)
        let n = 300_000
        let names = (0..<50).map { "p\(($0 * 37) % 50)" }
        let t = Column(name: "t", type: .text, values: (0..<n).map { _ in .text(g.pick(names)) })
        let p = Column(name: "p", storage: .period((0..<n).map { _ in Int32(g.int(24_000...24_100)) }))
        let s = Column(name: "s", storage: .int((0..<n).map { _ in Int64(g.int(0...10)) }))
        let table = Table(columns: [t, p, s], rowCount: n)
        let ev = Evaluator(table: table, settings: QuerySettings())
        let keys: [BoundExpr] = [.column(0, .text), .datePart(.year, .column(1, .period)), .datePart(.quarter, .column(1, .period))]
        let order: [(key: Int, descending: Bool)] = [(0, false), (1, true), (2, false)]
        let detractors = Self.sum(.compare(.lessOrEqual, .column(2, .int), .literal(.int(6), .int)))
        let r = try #require(try OrderedCounts.compute(keys, order: order, [Self.count, detractors], ev, shouldStop: { false }))
        let o = try #require(try OrderedGrouping.make(keys, order: order, ev, shouldStop: { false }))
        let expected = try #require(try FusedCount.compute(detractors, ev, grouping: o.grouping, rows: n))
        #expect(Self.values(r.aggregates[0]) == o.sizes.map { .int($0) })
        #expect(Self.values(r.aggregates[1]) == Self.values(expected))
        for k in keys.indices { #expect(Self.values(r.keys[k]) == Self.values(o.keyColumns[k])) }
    }
}

/// ``SourceGrid``: counts per source cell (no first rows), coarsened to the packed keys, give the packed grid's
/// result, with nulls in a key and in a predicate, serially and in forced ranges; wider source spaces fall back.
@Suite struct SourceGridTests {
    static let table: Table = {
        let t = Column(name: "t", type: .text, values: [.text("b"), .text("a"), .null, .text("a"), .text("b"), .null, .text("c")])
        let b = Column(name: "b", storage: .bool([true, false, true, true, false, false, true]))
        let x = Column(name: "x", type: .int, values: [.int(9), .int(6), .null, .int(10), .int(3), .int(9), .int(1)])
        let p = Column(name: "p", storage: .period([24_000, 24_001, 24_005, 24_000, 24_000, 24_011, 24_002]))
        return Table(columns: [t, b, x, p], rowCount: 7)
    }()

    @Test func sourceCellsGiveThePackedKeysCounts() throws {
        let keys: [BoundExpr] = [.column(0, .text), .column(1, .bool)]
        let ev = Evaluator(table: Self.table, settings: QuerySettings())
        let layout = try #require(try OrderedGrouping.Layout(keys, order: [(0, false), (1, true)], ev))
        #expect(SourceGrid(layout, rows: 7) != nil)
        let promoters = OrderedCountsTests.sum(.compare(.greaterOrEqual, .column(2, .int), .literal(.int(9), .int)))
        for parts in [1, 2, 3] {
            let r = try #require(try OrderedCountsTests.counts(Self.table, keys, [OrderedCountsTests.count, promoters], parts: parts))
            #expect(OrderedCountsTests.values(r.keys[0]) == [.text("a"), .text("a"), .text("b"), .text("b"), .text("c"), .null, .null])
            #expect(OrderedCountsTests.values(r.keys[1]) == [.bool(false), .bool(true), .bool(false), .bool(true), .bool(true), .bool(false), .bool(true)])
            #expect(OrderedCountsTests.values(r.aggregates[0]) == [1, 1, 1, 1, 1, 1, 1].map { Value.int($0) })
            #expect(OrderedCountsTests.values(r.aggregates[1]) == [.int(0), .int(1), .int(0), .int(1), .int(0), .int(1), .null])
        }
    }

    @Test func fallsBackWhenSourceCellsOutnumberKeys() throws {
        let keys: [BoundExpr] = [.column(0, .text), .datePart(.year, .column(3, .period))]
        let ev = Evaluator(table: Self.table, settings: QuerySettings())
        let layout = try #require(try OrderedGrouping.Layout(keys, order: [(0, false), (1, false)], ev))
        #expect(SourceGrid(layout, rows: 7) == nil)
    }
}
