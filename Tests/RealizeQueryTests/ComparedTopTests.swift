import RealizeStore
import RealizeTestSupport
import Testing
@testable import RealizeQuery

/// ``ComparedTop``: `where a op b | sort ±k | take n` fused over 64-bit units gives the plain plan's rows (filter,
/// stable sort, first N), ties and nulls included.
@Suite struct ComparedTopTests {
    /// A table with decimals at one scale (with nulls, few distinct values so that keys tie), one at another scale,
    /// ints, and a decimal too wide for 64 bits half the time.
    static func session(_ g: inout SplitMix) -> QuerySession {
        let n = g.int(0...80)
        let wide = g.chance(0.3)
        var rows: [[Value]] = []
        for id in 0..<n {
            func dec(_ nulls: Double, _ scale: Int) -> Value {
                g.chance(nulls) ? .null : .decimal(FixedDecimal(units: Int128(g.int(-6...6)), scale: scale))
            }
            let big: Value = wide && g.chance(0.2) ? .decimal(FixedDecimal(units: Int128(Int64.max) * 4, scale: 2)) : dec(0, 2)
            rows.append([.int(Int64(id)), dec(0, 2), dec(0.15, 2), dec(0.15, 2), dec(0, 3), .int(Int64(g.int(-4...4))), big])
        }
        let fields: [(String, DataType)] = [("id", .int), ("k", .decimal), ("a", .decimal), ("b", .decimal), ("c", .decimal), ("i", .int), ("z", .decimal)]
        var s = QuerySession()
        s.catalog.set("f", Table(columns: fields.enumerated().map { j, f in Column(name: f.0, type: f.1, values: rows.map { $0[j] }) }, rowCount: n))
        return s
    }

    static func query(_ g: inout SplitMix) -> String {
        let op = g.pick([">", ">=", "<", "<=", "=", "!="])
        let cond = g.pick(["a \(op) b", "k \(op) a", "b \(op) k", "i \(op) id", "k \(op) c", "z \(op) k", "a \(op) b and i > 0"])
        let key = (g.chance(0.5) ? "-" : "") + g.pick(["k", "a", "i", "z", "id"])
        return "f | where \(cond) | sort \(key) | take \(g.int(0...12))"
    }

    @Test func fusedTopGivesThePlainPlansRows() throws {
        var failures = 0
        for seed in 0..<UInt64(600) where failures < 5 {
            var g = SplitMix(seed: seed)
            let session = Self.session(&g)
            let text = Self.query(&g)
            let q = try #require(OptimizedQuery(text, session: session), "seed \(seed): \(text)")
            let plain = try q.run(q.plain), optimized = try q.run(q.optimized.plan)
            if optimized.rows != plain.rows {
                failures += 1
                Issue.record("seed \(seed): \(text)\n  optimized: \(optimized.rows)\n  plain:     \(plain.rows)")
            }
        }
    }

    /// The kernel itself on many rows with heavy ties: the first rows among equal keys win, in row order.
    @Test func tiesKeepRowOrder() {
        var g = SplitMix(seed: 3)
        let n = 50_000
        let key = (0..<n).map { _ in Int64(g.int(0...20)) }
        let a = (0..<n).map { _ in Int64(g.int(0...9)) }
        let o = ComparedTop.Operands(key: key, left: a, right: Array(repeating: 5, count: n), valid: nil, op: .greater)
        for descending in [false, true] {
            let top = ComparedTop.top(o, descending: descending, n: 25)
            let expected = (0..<n).filter { a[$0] > 5 }.sorted { descending ? key[$0] > key[$1] : key[$0] < key[$1] }.prefix(25)
            #expect(top == Array(expected))
        }
    }
}
