import RealizeStore
import RealizeTestSupport
import Testing
@testable import RealizeQuery

/// ``LookupProbe``: an inner lookup join on a text key, with or without a filter pushed onto the dimension, gives
/// the plain plan's rows (the general hash join), in order.
@Suite struct LookupProbeTests {
    /// `f` with a text key (nulls now and then) and `d` whose text keys are unique (ASCII or not, sometimes two
    /// entries that are equal as Swift strings), with a group name to filter on.
    static func session(_ g: inout SplitMix) -> QuerySession {
        let keys = ["P1", "P2", "P3", "P4", "é", "e\u{301}x", "Q"]
        let n = g.int(0...60)
        let nulls = g.chance(0.3)
        var f: [[Value]] = []
        for id in 0..<n {
            let k: Value = nulls && g.chance(0.1) ? .null : .text(g.pick(keys + ["none"]))
            f.append([.int(Int64(id)), k, .int(Int64(g.int(0...5)))])
        }
        var d: [[Value]] = []
        for k in keys.shuffled(using: &g).prefix(g.int(0...keys.count)) {
            d.append([g.chance(0.1) ? .null : .text(k), .text(g.pick(["a", "b", "c"])), .int(Int64(g.int(0...9)))])
        }
        var s = QuerySession()
        let ft: [(String, DataType)] = [("id", .int), ("k", .text), ("x", .int)]
        let dt: [(String, DataType)] = [("k", .text), ("grp", .text), ("w", .int)]
        s.catalog.set("f", Table(columns: ft.enumerated().map { j, c in Column(name: c.0, type: c.1, values: f.map { $0[j] }) }, rowCount: f.count))
        s.catalog.set("d", Table(columns: dt.enumerated().map { j, c in Column(name: c.0, type: c.1, values: d.map { $0[j] }) }, rowCount: d.count))
        return s
    }

    @Test func lookupProbeGivesTheGeneralJoinsRows() throws {
        var failures = 0
        var probed = 0
        for seed in 0..<UInt64(500) where failures < 5 {
            var g = SplitMix(seed: seed)
            let session = Self.session(&g)
            let grp = g.pick(["a", "b", "c"])
            let text = g.pick([
                "f | join d on k", "f | join d on k | where grp = '\(grp)'", "f | join d on k | where grp != '\(grp)' and x > 1",
                "f | join d on k | where grp = '\(grp)' | by grp agg n = count(), s = sum(w) | sort grp",
            ])
            let q = try #require(OptimizedQuery(text, session: session), "seed \(seed): \(text)")
            if q.fired.contains("lookup join") { probed += 1 }
            let plain = try q.run(q.plain), optimized = try q.run(q.optimized.plan)
            if optimized.columnNames != plain.columnNames || optimized.rows != plain.rows {
                failures += 1
                Issue.record("seed \(seed): \(text)\n  optimized: \(optimized.rows)\n  plain:     \(plain.rows)")
            }
        }
        #expect(probed > 200)
    }

    /// Repeated right keys (as strings) are declined, so the general join can pair each row with all of them.
    @Test func equalStringsBehindTwoEntriesAreDeclined() throws {
        let left = Column(name: "k", storage: .text(codes: [0, 1, 0], dictionary: ["é", "x"]))
        let right = Column(name: "k", storage: .text(codes: [0, 1], dictionary: ["é", "e\u{301}"]))
        #expect(try LookupProbe.match(left: left, right: right, shouldStop: { false }, budget: nil) == nil)
        let unique = Column(name: "k", storage: .text(codes: [1], dictionary: ["zz", "x"]))
        let m = try #require(try LookupProbe.match(left: left, right: unique, shouldStop: { false }, budget: nil))
        #expect(m.left == [1] && m.right == [0])
    }

    /// The matching pass over forced ranges (of every length, the unrolled loop's tail included) keeps the left
    /// rows whose code met a right row, in order, each with that row; unknown keys and an empty match included.
    @Test(arguments: 0..<40) func matchingRowsOverRangesAreThoseOfOneLoop(seed: UInt64) throws {
        var g = SplitMix(seed: seed)
        let dictionary = (0..<g.int(1...12)).map { "P\($0)" }
        let n = g.int(0...70)
        let codes = (0..<n).map { _ in UInt32(g.int(0...(dictionary.count - 1))) }
        let left = Column(name: "k", storage: .text(codes: codes, dictionary: dictionary))
        // A narrowed right: a few of the keys (maybe none), some unknown to the left, once each.
        let keys = (dictionary + ["X1", "X2"]).shuffled(using: &g).prefix(g.int(0...4))
        let right = Column(name: "k", storage: .text(codes: keys.indices.map { UInt32($0) }, dictionary: Array(keys) + ["unused"]))
        let rowOf = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
        let expected = codes.indices.compactMap { i in rowOf[dictionary[Int(codes[i])]].map { (i, $0) } }
        for parts in [1, 2, 3, 5] {
            let m = try ParallelRanges.$override.withValue((1, parts)) {
                try #require(try LookupProbe.match(left: left, right: right, shouldStop: { false }, budget: nil))
            }
            let li = expected.count == n ? [] : expected.map { $0.0 }
            #expect(m.left == li && m.right == expected.map { $0.1 }, "parts \(parts)")
        }
    }

    /// A join's left key that nothing after it reads is not gathered (``UnreadColumn``): the results are those of
    /// the plain plan, over forced ranges too.
    @Test func unreadLeftKeysLeaveTheResultsAlone() throws {
        var failures = 0
        for seed in 0..<UInt64(200) where failures < 5 {
            var g = SplitMix(seed: seed)
            let session = Self.session(&g)
            let grp = g.pick(["a", "b", "c"])
            let text = g.pick([
                "f | join d on k | where grp = '\(grp)' | by x agg n = count(), s = sum(w) | sort x",
                "f | join d on k | where grp = '\(grp)' | select id, w", "f | left join d on k | select id, grp",
                "f | join d on k | sort -id | select x, w | take 5",
            ])
            let q = try #require(OptimizedQuery(text, session: session), "seed \(seed): \(text)")
            let plain = try q.run(q.plain)
            let optimized = try ParallelRanges.$override.withValue((1, 3)) { try q.run(q.optimized.plan) }
            if optimized.columnNames != plain.columnNames || optimized.rows != plain.rows {
                failures += 1
                Issue.record("seed \(seed): \(text)\n  optimized: \(optimized.rows)\n  plain:     \(plain.rows)")
            }
        }
        #expect(failures == 0)
    }
}
