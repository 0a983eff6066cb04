import RealizeStore
import RealizeTestSupport
import Testing
@testable import RealizeQuery

/// ``OrderedGroups`` and ``OrderedGrouping``: an aggregate followed by a sort on its keys gives, with the sort
/// dropped, exactly the plain plan's rows in the plain plan's order.
@Suite struct OrderedGroupsTests {
    /// A table `f` with small-domain keys of every kind (nulls included), a key of wide range and a decimal key (both
    /// taking the executor's fallback), and an int to aggregate.
    static func session(_ g: inout SplitMix) -> QuerySession {
        let n = g.int(0...60)
        var rows: [[Value]] = []
        let texts = ["b", "a", "B", "é", "e\u{301}", "", "zz", "a b"]
        for _ in 0..<n {
            func maybe(_ v: Value) -> Value { g.chance(0.12) ? .null : v }
            let t = maybe(.text(g.pick(texts)))
            let i = maybe(.int(Int64(g.int(-3...3))))
            let wide = maybe(.int(g.chance(0.5) ? Int64(g.int(-3...3)) : Int64(g.int(-3...3)) * 1_000_000_000_000))
            let p = maybe(.period(CivilCalendar.period(year: 2023 + g.int(0...2), month: g.int(1...12))))
            let d = maybe(.date(Int32(19_700 + g.int(0...400))))
            let b = maybe(.bool(g.chance(0.5)))
            let v = maybe(.decimal(FixedDecimal(units: Int128(g.int(-3...3)), scale: 1)))
            rows.append([t, i, wide, p, d, b, v, .int(Int64(g.int(0...4)))])
        }
        let fields: [(String, DataType)] = [
            ("t", .text), ("i", .int), ("w", .int), ("p", .period), ("d", .date), ("b", .bool), ("v", .decimal), ("x", .int),
        ]
        var s = QuerySession()
        s.catalog.set("f", Table(columns: fields.enumerated().map { j, f in Column(name: f.0, type: f.1, values: rows.map { $0[j] }) }, rowCount: n))
        return s
    }

    /// `by` on 1–3 random keys, then a sort on all of them in a random order and directions (or, now and then, on
    /// only some of them, where the rule must not fire).
    static func query(_ g: inout SplitMix) -> String {
        let keys = ["t", "i", "w", "y = p.year", "q = p.quarter", "m = d.month", "p", "d", "b", "v"]
        var chosen: [String] = []
        for _ in 0..<g.int(1...4) {
            let k = g.pick(keys)
            let name = String(k.prefix(1))
            if !chosen.contains(where: { $0.hasPrefix(name) }) { chosen.append(k) }
        }
        var sortKeys = chosen.map { String($0.prefix(1)) }.shuffled(using: &g).map { (g.chance(0.5) ? "-" : "") + $0 }
        if g.chance(0.15) { sortKeys.removeLast() }
        if g.chance(0.1) { sortKeys.append("n") }
        let aggs = "n = count(), s = sum(x), c = sum(x >= 2)"
        return "f | by \(chosen.joined(separator: ", ")) agg \(aggs) | sort \(sortKeys.isEmpty ? "n" : sortKeys.joined(separator: ", "))"
    }

    @Test func orderedGroupsGiveThePlainPlansResult() throws {
        var fired = 0
        var failures = 0
        for seed in 0..<UInt64(600) where failures < 5 {
            var g = SplitMix(seed: seed)
            let session = Self.session(&g)
            let text = Self.query(&g)
            let q = try #require(OptimizedQuery(text, session: session), "seed \(seed): \(text)")
            if q.fired.contains("ordered groups") { fired += 1 }
            let plain = try q.run(q.plain), optimized = try q.run(q.optimized.plan)
            if optimized.columnNames != plain.columnNames || optimized.rows != plain.rows {
                failures += 1
                Issue.record("seed \(seed): \(text)\n  optimized: \(optimized.rows)\n  plain:     \(plain.rows)")
            }
        }
        #expect(fired > 300)
    }

    @Test func firesOnlyWhenTheSortIsOnEveryGroupKey() throws {
        var g = SplitMix(seed: 1)
        let s = Self.session(&g)
        let yes = try #require(OptimizedQuery("f | by t, y = p.year agg n = count() | sort -y, t", session: s))
        #expect(yes.fired.contains("ordered groups"))
        #expect(yes.operators.map(\.shape) == ["aggregate"])
        #expect(yes.operators[0].groupOrder?.map(\.key) == [1, 0])
        #expect(yes.operators[0].groupOrder?.map(\.descending) == [true, false])
        for q in ["f | by t, i agg n = count() | sort t", "f | by t agg n = count() | sort n", "f | by t agg n = count() | sort t | take 2"] {
            let no = try #require(OptimizedQuery(q, session: s))
            #expect(!no.fired.contains("ordered groups"), "\(q)")
        }
    }

    /// On 100K rows the packed path runs (no fallback) and numbers groups as the sort orders them.
    @Test func largeInputsTakeThePackedPath() throws {
        var g = SplitMix(seed: 7)
        let n = 100_000
        let names = (0..<50).map { "p\(($0 * 37) % 50)" }
        let t = Column(name: "t", type: .text, values: (0..<n).map { _ in .text(g.pick(names)) })
        let p = Column(name: "p", storage: .period((0..<n).map { _ in Int32(g.int(24_000...24_100)) }))
        let ev = Evaluator(table: Table(columns: [t, p], rowCount: n), settings: QuerySettings())
        let keys: [BoundExpr] = [.column(0, .text), .datePart(.year, .column(1, .period)), .datePart(.quarter, .column(1, .period))]
        let o = try #require(try OrderedGrouping.make(keys, order: [(0, false), (1, true), (2, false)], ev, shouldStop: { false }))
        #expect(o.sizes.reduce(0, +) == Int64(n))
        let rows = (0..<o.grouping.count).map { r in o.keyColumns.map { $0.value(at: r) } }
        let sorted = rows.sorted { a, b in
            if a[0] != b[0] { return a[0].description < b[0].description }
            if a[1] != b[1] { return a[1].description > b[1].description }
            return a[2].description < b[2].description
        }
        #expect(rows == sorted)
        #expect(Set(rows.map { $0.map(\.description) }).count == rows.count)
    }
}
