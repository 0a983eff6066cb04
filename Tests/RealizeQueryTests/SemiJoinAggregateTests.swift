import RealizeStore
import RealizeTestSupport
import Testing
@testable import RealizeQuery

/// ``SemiJoinAggregate``: a lookup join followed by an aggregate of the left's columns (counts and decimal sums by
/// plain left keys), run as one pass over dictionary codes, gives the plain plan's rows (the general join, then the
/// general aggregate), in its order, for one range of rows or several.
@Suite struct SemiJoinAggregateTests {
    /// `f` with a text key (nulls now and then, keys `d` lacks, rows clustered by key or not), a period, an int and a bool to group by (nulls
    /// included), and two decimals to sum (nulls, and now and then units near 2^63 so that the 64-bit sums wrap);
    /// `d` with unique text keys (a null one now and then) and a group name to filter on.
    static func session(_ g: inout SplitMix) -> QuerySession {
        let keys = ["P1", "P2", "P3", "P4", "é", "Q"]
        let n = g.int(0...(g.chance(0.5) ? 80 : 300))
        let (nullKeys, nullValues, huge) = (g.chance(0.3), g.chance(0.3), g.chance(0.2))
        var f: [[Value]] = []
        for _ in 0..<n {
            func maybe(_ v: Value, _ on: Bool) -> Value { on && g.chance(0.15) ? .null : v }
            func amount() -> Value {
                let units = huge && g.chance(0.5) ? Int128(Int64.max - Int64(g.int(0...9))) * (g.chance(0.3) ? -1 : 1) : Int128(g.int(-500...5000))
                return maybe(.decimal(FixedDecimal(units: units, scale: 2)), nullValues)
            }
            f.append([
                maybe(.text(g.pick(keys + ["none"])), nullKeys),
                maybe(.period(CivilCalendar.period(year: 2024 + g.int(0...1), month: g.int(1...12))), nullValues),
                maybe(.int(Int64(g.int(-2...2))), nullValues), maybe(.bool(g.chance(0.5)), nullValues), amount(), amount(),
            ])
        }
        // Clustered by key now and then (a project's rows together), so that whole blocks of one code are read.
        if g.chance(0.4) {
            f.sort { a, b in
                if case .text(let x) = a[0], case .text(let y) = b[0] { return x < y }
                return a[0] == .null && b[0] != .null
            }
        }
        var d: [[Value]] = []
        for k in keys.shuffled(using: &g).prefix(g.int(0...keys.count)) {
            d.append([g.chance(0.1) ? .null : .text(k), .text(g.pick(["a", "b", "c"]))])
        }
        let ft: [(String, DataType)] = [("k", .text), ("p", .period), ("i", .int), ("b", .bool), ("ev", .decimal), ("ac", .decimal)]
        let dt: [(String, DataType)] = [("k", .text), ("grp", .text)]
        var s = QuerySession()
        s.catalog.set("f", Table(columns: ft.enumerated().map { j, c in Column(name: c.0, type: c.1, values: f.map { $0[j] }) }, rowCount: f.count))
        s.catalog.set("d", Table(columns: dt.enumerated().map { j, c in Column(name: c.0, type: c.1, values: d.map { $0[j] }) }, rowCount: d.count))
        return s
    }

    /// A join on `k` (filtered or not), then `by` on one or two left keys with counts and sums, sorted on the keys
    /// (the sort then dropped) or not (groups in order of first appearance).
    static func query(_ g: inout SplitMix) -> String {
        let join = g.pick(["f | join d on k", "f | join d on k | where grp = '\(g.pick(["a", "b", "c", "zz"]))'", "f | join d on k | where grp != 'a'"])
        let keys = g.pick([["p"], ["i"], ["b"], ["k"], ["p", "i"], ["i", "k"], ["b", "p"]])
        let aggs = g.pick([
            "cpi = sum(ev) / sum(ac)", "s = sum(ev), t = sum(ac)", "n = count(), s = sum(ev)", "n = count()", "s = sum(ac), n = count(), m = sum(ac)",
        ])
        let sort = g.chance(0.7) ? " | sort " + keys.shuffled(using: &g).map { (g.chance(0.4) ? "-" : "") + $0 }.joined(separator: ", ") : ""
        return "\(join) | by \(keys.joined(separator: ", ")) agg \(aggs)\(sort)"
    }

    @Test func fusedPathGivesThePlainPlansRows() throws {
        var fused = 0
        var failures = 0
        for seed in 0..<UInt64(600) where failures < 5 {
            var g = SplitMix(seed: seed)
            let session = Self.session(&g)
            let text = Self.query(&g)
            let q = try #require(OptimizedQuery(text, session: session), "seed \(seed): \(text)")
            if q.fired.contains("semi-join sums") { fused += 1 }
            // Several ranges for half the seeds, so that the ranges' grids are merged.
            let ranges = seed % 2 == 0 ? nil : (minRows: 1, parts: 1 + Int(seed % 4))
            let plain = Result { try q.run(q.plain) }
            let optimized = ParallelRanges.$override.withValue(ranges) { Result { try q.run(q.optimized.plan) } }
            switch (plain, optimized) {
            case (.success(let p), .success(let o)) where o.columnNames == p.columnNames && o.rows == p.rows: continue
            case (.failure(let p), .failure(let o)) where "\(p)" == "\(o)": continue
            default:
                failures += 1
                Issue.record("seed \(seed): \(text)\n  optimized: \(optimized)\n  plain:     \(plain)")
            }
        }
        #expect(fused > 300)
    }

    /// The kernel itself, without the optimizer: groups in key order and in order of first appearance, a null key
    /// row that meets nothing, a right key that is null, sums wrapping 64 bits, one range or three.
    @Test func kernelSumsTheRowsThatMeetARightRow() throws {
        let left = Table(
            columns: [
                Column(name: "k", type: .text, values: [.text("a"), .text("b"), .null, .text("a"), .text("c"), .text("b")]),
                Column(name: "p", type: .int, values: [.int(5), .int(3), .int(3), .int(5), .int(4), .null]),
                Column(
                    name: "v", storage: .decimal(DecimalUnits(narrow: [Int64.max, 7, 100, Int64.max, 9, 11]), scale: 1),
                    validity: {
                        var b = Bitmap(count: 6, value: true)
                        b[5] = false
                        return b
                    }()),
            ], rowCount: 6)
        let right = Table(columns: [Column(name: "k", type: .text, values: [.text("b"), .null, .text("a")])], rowCount: 3)
        let shape = SemiJoinAggregate.Shape(leftKey: 0, rightKey: 0, keys: [1], sums: [2, nil])
        for parts in [1, 3] {
            let (ordered, firstSeen) = try ParallelRanges.$override.withValue((minRows: 1, parts: parts)) {
                (
                    try #require(try SemiJoinAggregate.compute(shape, left: left, right: right, order: [(0, false)], shouldStop: { false })),
                    try #require(try SemiJoinAggregate.compute(shape, left: left, right: right, order: nil, shouldStop: { false }))
                )
            }
            // Rows a(5), b(3), a(5), b(null p, null v): groups 3, 5, null in key order; 5, 3, null as first seen.
            #expect(ordered.groups == 3)
            #expect(ordered.columns[0].values == [.int(3), .int(5), .null])
            #expect(ordered.columns[1].values == [dec("0.7"), .decimal(FixedDecimal(units: 2 * Int128(Int64.max), scale: 1)), .null])
            #expect(ordered.columns[2].values == [.int(1), .int(2), .int(1)])
            #expect(firstSeen.columns[0].values == [.int(5), .int(3), .null])
            #expect(firstSeen.columns[2].values == [.int(2), .int(1), .int(1)])
        }
    }

    /// What the kernel declines (the executor then joins and aggregates the ordinary way): int keys, repeated
    /// right keys, wide decimal units, a key of too wide a range.
    @Test func kernelDeclinesWhatItDoesNotHandle() throws {
        let shape = SemiJoinAggregate.Shape(leftKey: 0, rightKey: 0, keys: [1], sums: [2])
        func left(_ key: Column, _ group: Column, _ value: Column) -> Table { Table(columns: [key, group, value], rowCount: 2) }
        let k = Column(name: "k", type: .text, values: [.text("a"), .text("b")])
        let p = Column(name: "p", type: .int, values: [.int(1), .int(2)])
        let v = Column(name: "v", storage: .decimal(DecimalUnits(narrow: [1, 2]), scale: 0))
        let right = Table(columns: [k], rowCount: 2)
        func compute(_ l: Table, _ r: Table) throws -> [Column]? {
            try SemiJoinAggregate.compute(shape, left: l, right: r, order: nil, shouldStop: { false })?.columns
        }
        #expect(try compute(left(k, p, v), right) != nil)
        let ints = Column(name: "k", type: .int, values: [.int(1), .int(2)])
        #expect(try compute(left(ints, p, v), Table(columns: [ints], rowCount: 2)) == nil)
        let repeated = Column(name: "k", type: .text, values: [.text("a"), .text("a")])
        #expect(try compute(left(k, p, v), Table(columns: [repeated], rowCount: 2)) == nil)
        let wide = Column(name: "v", storage: .decimal(DecimalUnits(wide: [Int128(Int64.max) + 1, 2]), scale: 0))
        #expect(try compute(left(k, p, wide), right) == nil)
        let spread = Column(name: "p", type: .int, values: [.int(0), .int(1 << 40)])
        #expect(try compute(left(k, spread, v), right) == nil)
    }

    /// ``LookupProbe/rowOfLeftCode(left:right:)`` past ``LookupProbe/entriesPerCore`` left entries, looked up a part
    /// per core: the right row of each left entry as a `[String: Int32]` of the right's strings gives it (seeded
    /// random keys, non-ASCII and null right keys included), with one part or three.
    @Test func leftEntriesLookedUpInPartsMatchAReferenceMap() throws {
        var g = SplitMix(seed: 42)
        let left = (0..<(LookupProbe.entriesPerCore * 2 + 17)).map { i in i % 97 == 0 ? "é\(i)" : "P\(i)" }
        var rightKeys: [Value] = []
        var reference: [String: Int32] = [:]
        for (j, s) in left.shuffled(using: &g).prefix(600).enumerated() {
            let key: Value = g.chance(0.05) ? .null : .text(s.hasPrefix("é") && g.chance(0.5) ? "e\u{301}" + s.dropFirst() : s)
            rightKeys.append(key)
            if case .text(let t) = key { reference[t] = Int32(j) }
        }
        let l = Column(name: "k", storage: .text(codes: [], dictionary: left))
        let r = Column(name: "k", type: .text, values: rightKeys)
        let expected = left.map { reference[$0] ?? -1 }
        for parts in [1, 3] {
            let got = ParallelRanges.$override.withValue((minRows: 1, parts: parts)) { LookupProbe.rowOfLeftCode(left: l, right: r) }
            #expect(got == expected, "parts \(parts)")
        }
    }

    /// `explain` names the fused aggregate; a left join, or an aggregate reading a right column, is not fused.
    @Test func explainNamesTheFusedAggregate() throws {
        var g = SplitMix(seed: 7)
        let session = Self.session(&g)
        let fused = try #require(OptimizedQuery("f | join d on k | where grp = 'a' | by p agg s = sum(ev) | sort p", session: session))
        #expect(fused.fired.contains("semi-join sums"))
        #expect(fused.operators.last?.summary.contains("fused with the join") == true)
        for text in ["f | left join d on k | by p agg s = sum(ev)", "f | join d on k | by grp agg s = sum(ev)", "f | join d on k | by p agg s = max(ev)"] {
            let q = try #require(OptimizedQuery(text, session: session))
            #expect(!q.fired.contains("semi-join sums"), "\(text)")
        }
    }
}

extension Column {
    /// Every row's value, in order.
    fileprivate var values: [Value] { (0..<count).map { value(at: $0) } }
}
