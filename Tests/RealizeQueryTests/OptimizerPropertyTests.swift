import RealizeStore
import Testing
@testable import RealizeQuery

extension OptimizerTests {
    /// The optimized plan gives exactly the plain plan's result (same rows, same order, same columns) on random
    /// tables and queries shaped so that every rule has a chance to fire, or to be wrongly tempted.
    @Suite struct Equivalence {
        /// A left table `f` (row id, join key with nulls, decimal, text, int) and a right table `d` whose key is
        /// unique half the time, repeated otherwise.
        static func session(_ g: inout SplitMix) -> QuerySession {
            let n = g.int(0...40)
            var f: [[Value]] = []
            for id in 0..<n {
                let k: Value = g.chance(0.1) ? .null : .int(Int64(g.int(0...6)))
                let v: Value = g.chance(0.15) ? .null : .decimal(FixedDecimal(units: Int128(g.int(-500...500)), scale: 2))
                let t: Value = g.chance(0.15) ? .null : .text(g.pick(["a", "b", "c"]))
                f.append([.int(Int64(id)), k, v, t, .int(Int64(g.int(0...4)))])
            }
            let unique = g.chance(0.5)
            var keys = Array(0...6).shuffled(using: &g)
            var d: [[Value]] = []
            for _ in 0..<g.int(0...7) {
                let k: Value = unique ? (keys.isEmpty ? .null : .int(Int64(keys.removeLast()))) : (g.chance(0.1) ? .null : .int(Int64(g.int(0...6))))
                let name: Value = g.chance(0.15) ? .null : .text(g.pick(["a", "b", "c"]))
                d.append([k, name, .int(Int64(g.int(0...4)))])
            }
            var s = QuerySession()
            s.catalog.set("f", table([("id", .int), ("k", .int), ("v", .decimal), ("t", .text), ("x", .int)], f))
            s.catalog.set("d", table([("k", .int), ("g", .text), ("w", .int)], d))
            return s
        }

        static func table(_ fields: [(String, DataType)], _ rows: [[Value]]) -> Table {
            Table(columns: fields.enumerated().map { j, f in Column(name: f.0, type: f.1, values: rows.map { $0[j] }) }, rowCount: rows.count)
        }

        /// A query over `f` and `d` from one of a few shapes, with random constants.
        static func query(_ g: inout SplitMix) -> String {
            let c = g.pick(["a", "b", "c"]), n = g.int(0...4), m = g.int(0...6), join = g.pick(["join", "join", "left join"])
            switch g.int(0...9) {
            case 0: return "f | \(join) d on k | where g = '\(c)' | sort id"
            case 1: return "f | \(join) d on k | where g = '\(c)' and v > \(n) | sort -v, id | take \(m)"
            case 2: return "f | \(join) d on k | where g = '\(c)' or w > \(n) | sort id"
            case 3: return "f | \(join) d on k | where w > \(n) | top \(m) by x"
            case 4: return "f | where v > 1 + \(n) * 2 | sort x, id | take \(m)"
            case 5: return "f | \(join) d on k | where g != '\(c)' | by g agg s = sum(v), n = count() | sort g"
            case 6: return "f | \(join) d on k | where w > \(n) | select id, g | sort id"
            case 7: return "f | \(join) d on k | where g = '\(c)' | where w >= \(n) and x < \(m) | sort id"
            case 8: return "f | where t = '\(c)' | top \(m) by -v"
            default: return "f | \(join) d on k | where x > \(n) - 2 | sort -x, id | take \(m) | select id, w"
            }
        }

        @Test func optimizedPlansGiveThePlainPlansResults() throws {
            var fired = Set<String>()
            var failures = 0
            for seed in 0..<UInt64(400) where failures < 5 {
                var g = SplitMix(seed: seed)
                let session = Self.session(&g)
                let text = Self.query(&g)
                let q = try #require(OptimizedQuery(text, session: session), "seed \(seed): \(text)")
                fired.formUnion(q.fired)
                let plain = try q.run(q.plain), optimized = try q.run(q.optimized.plan)
                if optimized.columnNames != plain.columnNames || optimized.rows != plain.rows {
                    failures += 1
                    Issue.record("seed \(seed): \(text)\n  optimized: \(optimized.rows)\n  plain:     \(plain.rows)")
                }
            }
            // The sweep exercised every rule.
            #expect(fired == ["constant folding", "filter pushdown", "top-N", "ordered groups", "lookup join", "column pruning"])
        }
    }
}
