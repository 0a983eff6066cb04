import Testing
import RealizeTestSupport
import RealizeStore
@testable import RealizeQuery

/// The fast kernels of the executor against plain per-row definitions, on random data with nulls.
@Suite struct ExecutionKernelTests {
    /// A random validity bitmap (nil about a third of the time).
    static func validity(_ n: Int, _ g: inout SeededGenerator) -> Bitmap? {
        if g.chance(0.35) { return nil }
        var b = Bitmap(count: n, value: true)
        for i in 0..<n where g.chance(0.2) { b[i] = false }
        return b
    }

    @Test(arguments: 0..<40) func groupSumsMatchARowByRowSum(seed: UInt64) {
        var g = SeededGenerator(seed: seed)
        let n = g.int(0...300)
        let groups = n == 0 ? 1 : g.int(1...min(8, n))
        // Runs of one group (as in sorted data) or scattered ids.
        var gid = (0..<n).map { _ in Int32(g.int(0...(groups - 1))) }
        if g.chance(0.5) { gid.sort() }
        // Every group id 0..<groups has a row, as in a Grouping (except for no rows at all).
        for (k, i) in (0..<n).shuffled(using: &g).prefix(groups).enumerated() { gid[i] = Int32(k) }
        let big = g.chance(0.2)
        let a: [Int64] = (0..<n).map { _ in big ? Int64.max / 3 + Int64(g.int(0...9)) : Int64(g.int(-1000...1000)) }
        let valid = Self.validity(n, &g)
        var sums = [Int64](repeating: 0, count: groups)
        var counts = [Int64](repeating: 0, count: groups)
        var overflow = false
        for i in 0..<n where valid.map({ $0[i] }) ?? true {
            let (r, o) = sums[Int(gid[i])].addingReportingOverflow(a[i])
            sums[Int(gid[i])] = r
            counts[Int(gid[i])] += 1
            overflow = overflow || o
        }
        let got = Aggregator.sumExact(a, valid, gid, groups: groups, as: Int64.self)
        #expect(got.overflow == overflow)
        if !overflow { #expect(got.sums == sums) }
        // nil counts promise a value in every group.
        #expect(got.counts.map { $0 == counts } ?? !counts.contains(0))
        // Wide units: the same sums at 128 bits.
        let wide = Aggregator.sumExact(a.map { Int128($0) }, valid, gid, groups: groups, as: Int128.self)
        #expect(!wide.overflow)
        var wideSums = [Int128](repeating: 0, count: groups)
        for i in 0..<n where valid.map({ $0[i] }) ?? true { wideSums[Int(gid[i])] += Int128(a[i]) }
        #expect(wide.sums == wideSums)
        // Narrow (64-bit) decimal units summed at 128 bits: the same sums, never an overflow.
        let widened = Aggregator.sumExact(a, valid, gid, groups: groups, as: Int128.self)
        #expect(!widened.overflow && widened.sums == wideSums && widened.counts == wide.counts)
        // The same through 64-bit sums that count their wraps.
        let narrow = Aggregator.sumNarrow(a, valid, gid, groups: groups)
        #expect(narrow.sums == wideSums && narrow.counts == wide.counts)
    }

    @Test(arguments: 0..<40) func scalarComparisonsMatchTheBroadcastKernel(seed: UInt64) {
        var g = SeededGenerator(seed: seed)
        let n = g.int(0...200)
        let ops: [BinaryOperator] = [.equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual]
        let valid = Self.validity(n, &g)
        let scale = g.int(0...4)
        let columns: [Column] = [
            Column(name: "", storage: .int((0..<n).map { _ in Int64(g.int(-5...5)) }), validity: valid),
            Column(name: "", storage: .decimal((0..<n).map { _ in Int128(g.int(-500...500)) }, scale: scale), validity: valid),
            Column(name: "", storage: .double((0..<n).map { _ in g.chance(0.1) ? .nan : Double(g.int(-5...5)) / 2 }), validity: valid),
            Column(name: "", storage: .date((0..<n).map { _ in Int32(g.int(-3...3)) }), validity: valid),
            Column(name: "", storage: .period((0..<n).map { _ in Int32(g.int(-3...3)) }), validity: valid),
        ]
        let literals: [Value] = [
            .int(Int64(g.int(-5...5))), .decimal(FixedDecimal(units: Int128(g.int(-500...500)), scale: g.int(0...6))),
            .double(Double(g.int(-5...5)) / 2), .date(Int32(g.int(-3...3))), .period(Int32(g.int(-3...3))),
        ]
        for c in columns {
            for v in literals {
                for op in ops {
                    guard let got = op.compare(c, scalar: v) else { continue }
                    let expected = op.compare(c, Evaluator(table: Table(columns: [], rowCount: n), settings: QuerySettings()).constant(v, c.type), rows: n)
                    #expect(got.rows == expected.rows, "\(c.type) \(op) \(v)")
                }
            }
        }
    }

    @Test(arguments: 0..<40) func lookupJoinsMatchANestedLoop(seed: UInt64) {
        var g = SeededGenerator(seed: seed)
        let words = ["a", "b", "c", "d", "e", "f"]
        let rn = g.int(0...5)
        // Unique right keys drawn from a dictionary that may hold values no right row has.
        let rightKeys = Array(words.shuffled(using: &g).prefix(rn))
        let right = Column(
            name: "", storage: .text(codes: (0..<rn).map { UInt32($0 + 1) }, dictionary: ["z"] + rightKeys + ["f", "g"].filter { !rightKeys.contains($0) }))
        let ln = g.int(0...60)
        let leftDict = words.shuffled(using: &g)
        let left = Column(
            name: "", storage: .text(codes: (0..<ln).map { _ in UInt32(g.int(0...(leftDict.count - 1))) }, dictionary: leftDict),
            validity: Self.validity(ln, &g))
        for keep in [false, true] {
            var el: [Int] = [], er: [Int] = []
            for i in 0..<ln {
                let j = left.isNull(i) ? nil : (0..<rn).first { right.value(at: $0) == left.value(at: i) }
                if let j { el.append(i); er.append(j) } else if keep { el.append(i); er.append(-1) }
            }
            let got = try? HashJoin.match(left: left, right: right, keepUnmatched: keep)
            #expect(got?.left == el && got?.right == er, "keep: \(keep)")
        }
    }

    @Test(arguments: 0..<20) func narrowKeysAreTheUnitsWhenEveryValueFits(seed: UInt64) {
        var g = SeededGenerator(seed: seed)
        let edges: [Int128] = [0, -1, 1, Int128(Int64.max), Int128(Int64.min), Int128(Int64.max) + 1, Int128(Int64.min) - 1, -(Int128(1) << 100)]
        let a = (0..<g.int(0...50)).map { _ in g.chance(0.1) ? g.pick(edges) : Int128(g.int(-1_000_000...1_000_000)) }
        let expected: [Int64]? = a.allSatisfy { Int64(exactly: $0) != nil } ? a.map { Int64($0) } : nil
        #expect(DecimalUnits.narrowed(a) == expected)
    }

    @Test(arguments: 0..<20) func periodPartsMatchTheRowByRowCalendar(seed: UInt64) {
        var g = SeededGenerator(seed: seed)
        let n = g.int(0...80)
        let base = g.int(0...30_000)
        let spread = g.chance(0.2) ? 100_000 : 40
        let a = (0..<n).map { _ in Int32(base + g.int(0...spread)) }
        let c = Column(name: "", storage: .period(a), validity: Self.validity(n, &g))
        for part in DatePart.allCases where part != .day {
            let fs = g.int(1...12)
            let got = part.evaluate(c, rows: n, fiscalStart: fs)
            let expected = (0..<n).map { i -> Value in
                if c.isNull(i) { return .null }
                let (y, m) = CivilCalendar.yearMonth(period: a[i])
                return .int(part.value(year: y, month: m, fiscalStart: fs))
            }
            #expect(got.rows == expected, "\(part)")
        }
    }

    /// `TextIds.shared` numbers the right side's distinct strings in first-seen order and gives each left string
    /// its right id (or -1), as a `[String: Int32]` does.
    static func expectTextIdsOfADictionary(right: [String], left: [String]) {
        var byText: [String: Int32] = [:]
        let r = right.map { s -> Int32 in
            if let id = byText[s] { return id }
            byText[s] = Int32(byText.count)
            return Int32(byText.count - 1)
        }
        let got = TextIds.shared(right: right, left: left)
        #expect(got.right == r && got.count == byText.count)
        #expect(got.left == left.map { byText[$0] ?? -1 })
    }

    @Test(arguments: 0..<30) func textIdsNumberEqualStringsAlike(seed: UInt64) {
        var g = SeededGenerator(seed: seed)
        // ASCII only, or with a composed and a decomposed é (equal as Swift strings).
        let pool = g.chance(0.5) ? ["a", "b", "P0001", "P0002", "", "x y"] : ["a", "caf\u{E9}", "cafe\u{301}", "Z\u{FC}rich", "b"]
        let right = (0..<g.int(0...8)).map { _ in g.pick(pool) }
        let left = (0..<g.int(0...8)).map { _ in g.pick(pool + ["zz"]) }
        Self.expectTextIdsOfADictionary(right: right, left: left)
    }

    /// Long and short ASCII entries (the eight-byte words of the hash and its tail), and Unicode on one side only
    /// (the Kelvin sign equals `K` as a Swift string): the ids of a `[String: Int32]`.
    @Test(arguments: 0..<40) func textIdsOfLongAndMixedEntries(seed: UInt64) {
        var g = SeededGenerator(seed: seed)
        let ascii = ["P0000001", "P0000002", "P00000010", "P0000001 ", "Finance Transformation, \"Phase II\"", "K", "k", "", "abcdefghijklmnop"]
        let unicode = ["\u{212A}", "caf\u{E9}", "cafe\u{301}"]
        let rightPool = g.chance(0.5) ? ascii : ascii + unicode
        let leftPool = g.chance(0.5) ? ascii + ["zz"] : ascii + unicode
        let right = (0..<g.int(0...10)).map { _ in g.pick(rightPool) }
        let left = (0..<g.int(0...10)).map { _ in g.pick(leftPool) }
        Self.expectTextIdsOfADictionary(right: right, left: left)
    }

    @Test(arguments: 0..<30) func decimalTopMatchesTheGeneralTopN(seed: UInt64) {
        var g = SeededGenerator(seed: seed)
        let rows = g.int(0...120)
        // Few distinct values, so that ties (kept in row order) are common; some beyond 64 bits.
        let units = (0..<rows).map { _ in g.chance(0.05) ? Int128(g.int(-2...2)) << 70 : Int128(g.int(-6...6)) }
        let key = Column(name: "k", storage: .decimal(units, scale: 2))
        let condition = Column(name: "", storage: .bool((0..<rows).map { _ in g.chance(0.6) }), validity: Self.validity(rows, &g))
        let t = Table(columns: [key, Column(name: "i", storage: .int((0..<rows).map(Int64.init)))], rowCount: rows)
        let ex = Executor(catalog: Catalog(), lastResult: nil, settings: QuerySettings(), cancel: nil)
        for descending in [false, true] {
            let n = g.int(1...12)
            let fast = ex.decimalTop(t, where: condition, key: key, descending: descending, n: n)
            let general = ex.filteredTop(t, where: condition, keys: [(SortKeys.rankable(key), descending)], n: n)
            #expect(fast?.columns[1].rows == general.columns[1].rows, "descending: \(descending), n: \(n)")
        }
    }

    @Test(arguments: 0..<40) func fusedSumsMatchEvaluatingThenSumming(seed: UInt64) {
        var g = SeededGenerator(seed: seed)
        let rows = g.int(0...100)
        let groups = rows == 0 ? 1 : g.int(1...min(6, rows))
        var gid = (0..<rows).map { _ in Int32(g.int(0...(groups - 1))) }
        if g.chance(0.5) { gid.sort() }
        for (k, i) in (0..<rows).shuffled(using: &g).prefix(groups).enumerated() { gid[i] = Int32(k) }
        let grouping = Grouping(groupOf: gid, count: groups, firstRow: [])
        // Now and then values near the 128-bit limit, so that a row or a sum overflows.
        let huge = g.chance(0.15)
        func units() -> [Int128] { (0..<rows).map { _ in huge && g.chance(0.3) ? Int128.max - Int128(g.int(0...5)) : Int128(g.int(-900...900)) } }
        let scaleB = g.chance(0.2) ? 3 : 2
        let a = Column(name: "a", storage: .decimal(units(), scale: 2), validity: Self.validity(rows, &g))
        let b = Column(name: "b", storage: .decimal(units(), scale: scaleB), validity: Self.validity(rows, &g))
        let ev = Evaluator(table: Table(columns: [a, b], rowCount: rows), settings: QuerySettings())
        for op in [BinaryOperator.add, .subtract] {
            let spec = AggregateSpec(
                function: .sum, argument: .arithmetic(op, .column(0, .decimal), .column(1, .decimal), .decimal), parameter: 0, type: .decimal)
            let fused = Result { () throws(NumericOverflow) -> Column? in try FusedSum.compute(spec, ev, grouping: grouping, rows: rows) }
            let plain = Result { () throws(NumericOverflow) -> Column in
                try Aggregator.compute(spec, input: try ev.eval(spec.argument!), grouping: grouping, rows: rows)
            }
            switch (fused, plain) {
            case (.success(let f), .success(let p)):
                #expect(f.map { $0.rows == p.rows && $0.type == p.type } ?? false, "\(op)")
                if let f, case .decimal(_, let fs) = f.storage, case .decimal(_, let ps) = p.storage { #expect(fs == ps) }
            case (.failure(let f), .failure(let p)): #expect(f.what == p.what, "\(op)")
            default: Issue.record("fused \(fused) but plain \(plain) for \(op)")
            }
        }
    }

    @Test func aJoinOnAFilteredDimensionKeepsOnlyItsRows() throws {
        let t = try runTable("financials | join (projects | where program = 'Zürich') on project_id | select project_id, project")
        #expect(t.texts("project_id") == ["P2", "P2", "P3"])
        #expect(t.texts("project") == ["Beta", "Beta", "Gamma"])
        let l = try runTable("financials | left join (projects | where program = 'Zürich') on project_id | select project_id, project")
        #expect(l.texts("project_id") == ["P1", "P1", "P2", "P2", "P3"])
        #expect(l.texts("project") == ["", "", "Beta", "Beta", "Gamma"])
    }
}

extension Column {
    /// The boxed values, for comparing kernels' results.
    fileprivate var rows: [Value] { (0..<count).map { value(at: $0) } }
}
