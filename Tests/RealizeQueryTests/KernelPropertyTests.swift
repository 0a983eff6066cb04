import Testing
import RealizeTestSupport
import RealizeStore
@testable import RealizeQuery

/// The packed-key grouping, fused counts, chosen values and window kernels against row-by-row definitions, on
/// random data with nulls.
@Suite struct KernelPropertyTests {
    /// A random key column: text (a dictionary possibly larger than its use), small or wide ints, booleans,
    /// periods, or decimals (which the packed path declines); nulls about a third of the time.
    static func keyColumn(_ n: Int, _ g: inout SeededGenerator) -> Column {
        let valid = ExecutionKernelTests.validity(n, &g)
        switch g.int(0...5) {
        case 0:
            let dict = (0..<g.int(1...6)).map { "w\($0)" }
            return Column(name: "", storage: .text(codes: (0..<n).map { _ in UInt32(g.int(0...(dict.count - 1))) }, dictionary: dict), validity: valid)
        case 1: return Column(name: "", storage: .int((0..<n).map { _ in Int64(g.int(-3...3)) }), validity: valid)
        case 2:
            return Column(name: "", storage: .int((0..<n).map { _ in g.chance(0.5) ? Int64.max - Int64(g.int(0...2)) : Int64(g.int(-2...2)) }), validity: valid)
        case 3: return Column(name: "", storage: .bool((0..<n).map { _ in g.chance(0.5) }), validity: valid)
        case 4: return Column(name: "", storage: .period((0..<n).map { _ in Int32(24_300 + g.int(0...30)) }), validity: valid)
        default: return Column(name: "", storage: .decimal((0..<n).map { _ in Int128(g.int(-3...3)) }, scale: 2), validity: valid)
        }
    }

    /// Groups numbered in order of first appearance of the rows' values, nulls forming groups of their own.
    static func referenceGroups(_ keys: [Column], rows: Int) -> [Int32] {
        var seen: [[Value]: Int32] = [:]
        return (0..<rows).map { i in
            let key = keys.map { $0.value(at: i) }
            if let g = seen[key] { return g }
            seen[key] = Int32(seen.count)
            return Int32(seen.count - 1)
        }
    }

    /// One key (the text path through a code → group array, or the one-column ids), or several (packed).
    @Test(arguments: 0..<60) func packedGroupingMatchesRowByRowGroups(seed: UInt64) {
        var g = SeededGenerator(seed: seed)
        let n = g.int(0...300)
        let keys = (0..<g.int(1...4)).map { _ in Self.keyColumn(n, &g) }
        let expected = Self.referenceGroups(keys, rows: n)
        let grouping = Grouping(keys: keys, rows: n)
        #expect(grouping.groupOf == expected)
        #expect(grouping.count == Set(expected).count)
        #expect(grouping.firstRow == (0..<grouping.count).map { k in expected.firstIndex(of: Int32(k))! })
        // The packed path on its own, with the hash table forced by a large key space (or declined).
        if let packed = Grouping.packed(keys: keys, rows: n, shouldStop: { false }) { #expect(packed.groupOf == expected) }
    }

    /// `by program, year = period.year, quarter = period.quarter`: parts coded from the period (or date) column,
    /// and the output keys computed at the first rows, against the parts evaluated on every row and grouped.
    @Test(arguments: 0..<30) func datePartKeysMatchTheEvaluatedParts(seed: UInt64) throws {
        var g = SeededGenerator(seed: seed)
        let n = g.int(0...200)
        let text = Self.keyColumn(n, &g)
        let valid = ExecutionKernelTests.validity(n, &g)
        let source =
            g.chance(0.5)
            ? Column(name: "", storage: .period((0..<n).map { _ in Int32(24_300 + g.int(0...40)) }), validity: valid)
            : Column(name: "", storage: .date((0..<n).map { _ in Int32(20_000 + g.int(0...800)) }), validity: valid)
        let settings = QuerySettings()
        let ev = Evaluator(table: Table(columns: [text.renamed("k"), source.renamed("p")], rowCount: n), settings: settings)
        let parts = (0..<g.int(1...3)).map { _ in DatePart.allCases[g.int(0...(DatePart.allCases.count - 1))] }
        let keys: [BoundExpr] = [.column(0, text.type)] + parts.map { .datePart($0, .column(1, source.type)) }
        let evaluated = try keys.map { try ev.eval($0) }
        let expected = Self.referenceGroups(evaluated, rows: n)
        guard let (grouping, columns) = try GroupKeys.packed(keys, ev, shouldStop: { false }) else {
            // Only a text key too wide to pack declines here.
            return
        }
        #expect(grouping.groupOf == expected)
        #expect(columns().map(Self.shape) == evaluated.map { Self.shape($0.gather(grouping.firstRow)) })
    }

    @Test func manyWideKeysFallBackToTheHashPath() {
        var g = SeededGenerator(seed: 7)
        let n = 2_000
        // Three keys of ~10^5 values each: a key space far beyond a direct-mapped table.
        let keys = (0..<3).map { _ in Column(name: "", storage: .int((0..<n).map { _ in Int64(g.int(0...99_999)) })) }
        let packed = Grouping.packed(keys: keys, rows: n, shouldStop: { false })
        #expect(packed?.groupOf == Self.referenceGroups(keys, rows: n))
        // Past 2^62 the keys are not packed at all; the pairwise path still groups them.
        let wide = (0..<4).map { _ in Column(name: "", storage: .int((0..<n).map { _ in Int64(g.int(0...999_999)) })) }
        #expect(Grouping.packed(keys: wide, rows: n, shouldStop: { false }) == nil)
        #expect(Grouping(keys: wide, rows: n).groupOf == Self.referenceGroups(wide, rows: n))
    }

    @Test(arguments: 0..<40) func fusedCountsMatchTheSumOfTheCastPredicate(seed: UInt64) throws {
        var g = SeededGenerator(seed: seed)
        let n = g.int(0...200)
        let score = Column(name: "score", storage: .int((0..<n).map { _ in Int64(g.int(0...10)) }), validity: ExecutionKernelTests.validity(n, &g))
        let flag = Column(name: "flag", storage: .bool((0..<n).map { _ in g.chance(0.5) }), validity: ExecutionKernelTests.validity(n, &g))
        let key = Self.keyColumn(n, &g)
        let table = Table(columns: [score, flag, key], rowCount: n)
        let ev = Evaluator(table: table, settings: QuerySettings())
        let grouping = g.chance(0.2) ? Grouping.single(rows: n) : Grouping(keys: [key], rows: n)
        let ops: [BinaryOperator] = [.equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual]
        let predicates: [BoundExpr] =
            ops.map { .compare($0, .column(0, .int), .literal(.int(Int64(g.int(-1...11))), .int)) } + [.column(1, .bool), .not(.column(1, .bool))]
        for p in predicates {
            let spec = AggregateSpec(function: .sum, argument: .cast(p, .int), parameter: 0, type: .int)
            let fused = try FusedCount.compute(spec, ev, grouping: grouping, rows: n)
            let plain = try Aggregator.compute(spec, input: ev.eval(.cast(p, .int)), grouping: grouping, rows: n)
            if n == 0 { #expect(fused == nil) } else { #expect(fused.map(Self.shape) == Self.shape(plain), "\(p)") }
        }
    }

    /// A random column of `t` (decimals at a random scale, sometimes near the 128-bit limit; text from a
    /// dictionary of its own).
    static func valueColumn(_ t: DataType, _ n: Int, _ g: inout SeededGenerator) -> Column {
        let valid = ExecutionKernelTests.validity(n, &g)
        switch t {
        case .int: return Column(name: "", storage: .int((0..<n).map { _ in Int64(g.int(-50...50)) }), validity: valid)
        case .double: return Column(name: "", storage: .double((0..<n).map { _ in Double(g.int(-50...50)) / 4 }), validity: valid)
        case .decimal:
            if g.chance(0.2) { return Column(name: "", storage: .int((0..<n).map { _ in Int64(g.int(-50...50)) }), validity: valid) }
            let huge = g.chance(0.1)
            return Column(
                name: "",
                storage: .decimal((0..<n).map { _ in huge ? FixedDecimal.maxUnits - Int128(g.int(0...5)) : Int128(g.int(-999...999)) }, scale: g.int(0...4)),
                validity: valid)
        case .text:
            let dict = (0..<g.int(1...5)).map { _ in ["a", "b", "c", "d", "e", "f"][g.int(0...5)] }
            return Column(name: "", storage: .text(codes: (0..<n).map { _ in UInt32(g.int(0...(dict.count - 1))) }, dictionary: dict), validity: valid)
        case .date: return Column(name: "", storage: .date((0..<n).map { _ in Int32(g.int(0...500)) }), validity: valid)
        case .period: return Column(name: "", storage: .period((0..<n).map { _ in Int32(g.int(24_000...24_050)) }), validity: valid)
        case .bool: return Column(name: "", storage: .bool((0..<n).map { _ in g.chance(0.5) }), validity: valid)
        }
    }

    /// Values in their raw text form (which shows a decimal's scale), with the storage's scale and dictionary.
    static func shape(_ c: Column) -> [String] {
        var out = (0..<c.count).map { c.isNull($0) ? "<null>" : c.value(at: $0).description }
        switch c.storage {
        case .decimal(_, let s): out.append("scale \(s)")
        case .text(let codes, let dict): out.append("codes \(codes) dictionary \(dict)")
        default: break
        }
        out.append("nulls \(c.validity != nil)")
        return out
    }

    @Test(arguments: 0..<60) func chosenValuesMatchTheRowByRowBuilder(seed: UInt64) {
        var g = SeededGenerator(seed: seed)
        let n = g.int(0...120)
        let t = DataType.allCases[g.int(0...(DataType.allCases.count - 1))]
        let columns = (0..<g.int(1...4)).map { _ in Self.valueColumn(t, n, &g) }
        let chosen = (0..<n).map { _ in Int32(g.int(-1...(columns.count - 1))) }
        var b = ColumnBuilder(name: "", type: t)
        for i in 0..<n { b.append(chosen[i] < 0 ? .null : columns[Int(chosen[i])].value(at: i)) }
        let expected = b.finish()
        // The kernel may decline (a decimal that must narrow); when it answers, it answers as the builder.
        if let got = ChosenValues.gather(columns, chosen: chosen, type: t) {
            #expect(Self.shape(got) == Self.shape(expected), "\(t)")
        } else {
            #expect(t == .decimal)
        }
    }
}

/// The window kernels and the casts against row-by-row definitions.
@Suite struct WindowAndCastKernelTests {
    /// Random partitions of `n` rows, each in a random order.
    static func partitions(_ n: Int, _ g: inout SeededGenerator) -> [[Int]] {
        var parts = [[Int]](repeating: [], count: max(1, g.int(1...4)))
        for r in (0..<n).shuffled(using: &g) { parts[g.int(0...(parts.count - 1))].append(r) }
        return parts
    }

    @Test(arguments: 0..<40) func rollingMeansMatchTheMeanOfTheLastValues(seed: UInt64) throws {
        var g = SeededGenerator(seed: seed)
        let n = g.int(0...150)
        let parts = Self.partitions(n, &g)
        let width = g.int(1...5)
        let t = [DataType.int, .decimal, .double][g.int(0...2)]
        var c = KernelPropertyTests.valueColumn(t, n, &g)
        // Units that add up within 128 bits (a sum that does not goes on in doubles).
        if case .decimal(let a, let s) = c.storage { c = Column(name: "", storage: .decimal(a.map { $0 % 100_000 }, scale: s), validity: c.validity) }
        let got = try WindowFunction.rollingMean.evaluate(c, params: [width], partitions: parts, rows: n, type: .double)
        var expected = [Value](repeating: .null, count: n)
        for part in parts {
            var window: [Int] = []
            for r in part {
                if !c.isNull(r) { window.append(r) }
                if window.count > width { window.removeFirst() }
                guard !window.isEmpty else { continue }
                if case .double(let x) = c.storage {
                    expected[r] = .double(window.reduce(0.0) { $0 + x[$1] } / Double(window.count))
                } else {
                    let nv = NumericVector(c)
                    let units = try nv.units(at: nv.scale)
                    expected[r] = .double(FixedDecimal.double(window.reduce(Int128(0)) { $0 + units[$1] }, scale: nv.scale) / Double(window.count))
                }
            }
        }
        #expect((0..<n).map { got.value(at: $0) } == expected)
    }

    @Test(arguments: 0..<30) func ranksCountTheLargerValuesOfThePartition(seed: UInt64) throws {
        var g = SeededGenerator(seed: seed)
        let n = g.int(0...120)
        let parts = Self.partitions(n, &g)
        let c = KernelPropertyTests.valueColumn(g.chance(0.5) ? .int : .decimal, n, &g)
        let got = try WindowFunction.rank.evaluate(c, params: [], partitions: parts, rows: n, type: .int)
        for part in parts {
            let values = part.filter { !c.isNull($0) }
            for r in part {
                // 1 for the largest; ties share; nulls after every value.
                let rank = c.isNull(r) ? values.count + 1 : 1 + values.filter { c.value(at: $0).decimalOrder > c.value(at: r).decimalOrder }.count
                #expect(got.value(at: r) == .int(Int64(rank)))
            }
        }
    }

    @Test(arguments: 0..<40) func numberCastsMatchTheRowByRowConversion(seed: UInt64) {
        var g = SeededGenerator(seed: seed)
        let n = g.int(0...100)
        let t = [DataType.int, .decimal, .double, .bool][g.int(0...3)]
        var c = KernelPropertyTests.valueColumn(t, n, &g)
        // Sometimes whole decimals, which to_int converts.
        if case .decimal(let a, let s) = c.storage, g.chance(0.5) {
            c = Column(name: "", storage: .decimal(a.map { $0 % 1000 * FixedDecimal.pow10[s] }, scale: s), validity: c.validity)
        }
        let ev = Evaluator(table: Table(columns: [c], rowCount: n), settings: QuerySettings())
        for (f, type) in [(ScalarFunction.toInt, DataType.int), (.toDouble, .double), (.toDecimal, .decimal)] {
            for scale in f == .toDecimal ? [nil, 0, 2, 6] : [nil] {
                var args: [BoundExpr] = [.column(0, t)]
                if let scale { args.append(.literal(.int(Int64(scale)), .int)) }
                guard let fast = f.convertNumbers(c, scale: scale) else { continue }
                var b = ColumnBuilder(name: "", type: type)
                for i in 0..<n { b.append(c.isNull(i) ? .null : f.convertValue(c.value(at: i), scale: scale, format: nil) ?? .null) }
                #expect(KernelPropertyTests.shape(fast) == KernelPropertyTests.shape(b.finish()), "\(f) \(t) \(String(describing: scale))")
                // And through the kernel, with its warnings.
                #expect(KernelPropertyTests.shape(f.convert(args, [c], type: type, in: ev)) == KernelPropertyTests.shape(fast))
            }
        }
    }
}

extension Value {
    /// A number as an exact decimal, for ordering ints and decimals alike in a test.
    fileprivate var decimalOrder: FixedDecimal {
        switch self {
        case .int(let x): FixedDecimal(units: Int128(x), scale: 0)
        case .decimal(let d): d
        default: FixedDecimal(units: 0, scale: 0)
        }
    }
}
