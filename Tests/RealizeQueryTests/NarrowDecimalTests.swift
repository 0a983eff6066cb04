import RealizeStore
import RealizeTestSupport
import Testing

@testable import RealizeQuery

/// Decimal columns stored in 64 bits a value give the same results as 128-bit ones, and a result that leaves
/// 64 bits is stored wide (exact), never an error or a wrap.
@Suite struct NarrowDecimalTests {
    /// `Int64.max` units at 4 places, and its negation; one unit past it needs 128 bits.
    static let top = "922337203685477.5807"
    static let past = "922337203685477.5808"

    static func form(_ t: Table, _ name: String) -> String {
        guard let c = t.column(named: name), case .decimal(let u, _) = c.storage else { return "not decimal" }
        return u.narrow == nil ? "wide" : "narrow"
    }

    @Test func arithmeticThatLeaves64BitsIsExactAndWide() throws {
        let csv = "a,b\n\(Self.top),\(Self.top)\n-\(Self.top),1\n"
        let t = try runTable("x | derive s = a + b, d = a - b, n = -a", extra: ["x": csv])
        #expect(Self.form(t, "a") == "narrow")
        #expect(Self.form(t, "s") == "wide")
        #expect(Self.form(t, "n") == "narrow")
        #expect(t.values("s") == [dec("1844674407370955.1614"), dec("-922337203685476.5807")])
        #expect(t.values("d") == [dec("0"), dec("-922337203685478.5807")])
        #expect(Self.form(t, "d") == "wide")
        #expect(t.columns.map(\.type) == [.decimal, .decimal, .decimal, .decimal, .decimal])
        // Results that fit stay narrow.
        let fits = try runTable("x | where a < 0 | derive s = a + b, d = b - a - b", extra: ["x": csv])
        #expect(Self.form(fits, "s") == "narrow" && Self.form(fits, "d") == "narrow")
        #expect(fits.values("s") == [dec("-922337203685476.5807")])
        #expect(fits.values("d") == [dec(Self.top)])
    }

    @Test func sumsOfNarrowUnitsPastThe64BitBoundaryAreExact() throws {
        let csv = "k,a,b\nx,\(Self.top),-\(Self.top)\nx,\(Self.top),-\(Self.top)\ny,1,\ny,,2\n"
        let t = try runTable("x | by k agg s = sum(a), f = sum(a - b), g = sum(b) | sort k", extra: ["x": csv])
        #expect(t.values("s") == [dec("1844674407370955.1614"), dec("1")])
        #expect(t.values("f") == [dec("3689348814741910.3228"), .null])
        #expect(t.values("g") == [dec("-1844674407370955.1614"), dec("2")])
    }

    @Test func aTrueOverflowIsStillAnError() throws {
        // 38 nines at 4 places, twice: the sum does not fit 128-bit units.
        let nines = String(repeating: "9", count: 34) + ".9999"
        var s = Fixtures.session(["x": "a\n\(nines)\n\(nines)\n1.5\n"])
        let d = diagnostic("x | agg s = sum(a)", &s)
        #expect(d?.id == .numericOverflow)
    }

    @Test(arguments: ["narrow", "wide"])
    func comparisonsSortsAndTopNAgreeAcrossForms(form: String) throws {
        // The same values; in the wide table one extra row (filtered out) forces 128-bit storage.
        let extra = form == "wide" ? "9,\(Self.past),0\n" : ""
        let csv = "id,a,b\n1,\(Self.top),5\n2,-\(Self.top),-6\n3,1.5,1.50\n4,,3\n5,7,8\n\(extra)"
        var s = Fixtures.session(["x": csv])
        let t = try runTable("x | where id < 9 and a > b | sort -a | take 2 | select id", &s)
        #expect(Self.form(try runTable("x", &s), "a") == form)
        #expect(t.values("id") == [.int(1)])
        let all = try runTable("x | where id < 9 | sort a, id | select id", &s)
        #expect(all.values("id") == [.int(2), .int(3), .int(5), .int(1), .int(4)])
        let top = try runTable("x | where id < 9 and a >= -\(Self.top) | sort -a | take 3 | select id", &s)
        #expect(top.values("id") == [.int(1), .int(5), .int(3)])
        let lit = try runTable("x | where a > 7 | select id", &s)
        #expect(lit.values("id") == (form == "wide" ? [.int(1), .int(9)] : [.int(1)]))
        let eq = try runTable("x | where a = b | select id", &s)
        #expect(eq.values("id") == [.int(3)])
    }

    @Test func joinsOnDecimalKeysMatchAcrossScalesAndForms() throws {
        let left = "k,v\n1.5,a\n\(Self.top),b\n2,c\n"
        let right = "k,w\n1.50,x\n\(Self.top),y\n\(Self.past),z\n"
        let t = try runTable("l | join r on k | sort v | select v, w", extra: ["l": left, "r": right])
        #expect(t.texts("v") == ["a", "b"])
        #expect(t.texts("w") == ["x", "y"])
    }

    @Test(arguments: 0..<30) func fusedSumsNearThe64BitBoundaryAreTheExactSums(seed: UInt64) throws {
        var g = SeededGenerator(seed: seed)
        let rows = g.int(1...60)
        let groups = g.int(1...min(4, rows))
        var gid = (0..<rows).map { _ in Int32(g.int(0...(groups - 1))) }
        for k in 0..<groups { gid[k] = Int32(k) }
        let grouping = Grouping(groupOf: gid, count: groups, firstRow: [])
        let wide = g.chance(0.5)
        func units() -> [Int128] {
            (0..<rows).map { _ in
                let u = g.chance(0.5) ? Int128(Int64.max) - Int128(g.int(0...3)) : Int128(g.int(-900...900))
                return (g.chance(0.5) ? u : -u) + (wide && g.chance(0.1) ? Int128(Int64.max) : 0)
            }
        }
        let x = units(), y = units()
        let a = Column(name: "a", storage: .decimal(x, scale: 2)), b = Column(name: "b", storage: .decimal(y, scale: 2))
        let ev = Evaluator(table: Table(columns: [a, b], rowCount: rows), settings: QuerySettings())
        for op in [BinaryOperator.add, .subtract] {
            let spec = AggregateSpec(
                function: .sum, argument: .arithmetic(op, .column(0, .decimal), .column(1, .decimal), .decimal), parameter: 0, type: .decimal)
            var expected = [Int128](repeating: 0, count: groups)
            for i in 0..<rows { expected[Int(gid[i])] += op == .add ? x[i] + y[i] : x[i] - y[i] }
            let fused = try #require(try FusedSum.compute(spec, ev, grouping: grouping, rows: rows))
            let plain = try Aggregator.compute(spec, input: try ev.eval(spec.argument!), grouping: grouping, rows: rows)
            let want = expected.map { Value.decimal(FixedDecimal(units: $0, scale: 2)) }
            #expect((0..<groups).map { fused.value(at: $0) } == want, "\(op)")
            #expect((0..<groups).map { plain.value(at: $0) } == want, "\(op)")
        }
    }
}
