import Testing
import RealizeTestSupport
import RealizeStore
@testable import RealizeQuery

/// The kernels split over ranges of rows (``ParallelRanges``) against the same kernels on one range: the parallel
/// path is forced on small inputs by lowering the threshold within the test, with an odd number of ranges.
@Suite struct ParallelRangesTests {
    /// Runs `body` with the parallel path on from 2 rows, in `parts` ranges.
    func inRanges<R>(_ parts: Int = 3, _ body: () throws -> R) rethrows -> R {
        try ParallelRanges.$override.withValue((minRows: 2, parts: parts), operation: body)
    }

    /// Runs `body` on one range whatever the size.
    func serial<R>(_ body: () throws -> R) rethrows -> R {
        try ParallelRanges.$override.withValue((minRows: Int.max, parts: 1), operation: body)
    }

    @Test func rangesAreContiguousAndCoverTheRows() {
        for n in [0, 1, 2, 3, 7, 100, 101] {
            for parts in [1, 2, 3, 5] {
                let r = ParallelRanges.$override.withValue((minRows: 2, parts: parts)) { ParallelRanges.ranges(rows: n) }
                #expect(r.first?.lowerBound == 0 && r.last?.upperBound == n, "n \(n), parts \(parts): \(r)")
                #expect(zip(r, r.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
                #expect(r.count == (n < 2 ? 1 : min(parts, n)), "n \(n), parts \(parts): \(r)")
            }
        }
        // Below the default threshold: one range.
        #expect(ParallelRanges.ranges(rows: ParallelRanges.defaultMinRows - 1).count == 1)
    }

    @Test func mapGivesResultsInRangeOrder() {
        let got = inRanges(4) { ParallelRanges.map(rows: 40) { rows, part in (part, rows) } }
        #expect(got?.map(\.0) == [0, 1, 2, 3])
        #expect(got?.map(\.1) == [0..<10, 10..<20, 20..<30, 30..<40])
        #expect(inRanges { ParallelRanges.map(rows: 40, shouldStop: { true }) { _, _ in 1 } } == nil)
    }

    @Test(arguments: 0..<40) func narrowSumsEqualTheSerialOnes(seed: UInt64) {
        var g = SeededGenerator(seed: seed)
        let n = g.int(0...300)
        let groups = g.int(1...6)
        // Values near the 64-bit edge, so that running sums wrap in some ranges and not in others.
        let edge = g.chance(0.5)
        let a = (0..<n).map { _ in edge ? (g.chance(0.5) ? 1 : -1) * (Int64.max - Int64(g.int(0...5))) : Int64(g.int(-1000...1000)) }
        // Runs of one group, as rows of one project sit together, or scattered.
        var gid = (0..<n).map { _ in Int32(g.int(0...(groups - 1))) }
        if g.chance(0.5) { gid.sort() }
        var validity = Bitmap(count: n, value: true)
        for i in 0..<n where g.chance(0.2) { validity[i] = false }
        let valid: Bitmap? = g.chance(0.5) ? validity : nil
        let expected = serial { Aggregator.sumNarrow(a, valid, gid, groups: groups) }
        for parts in [2, 3, 7] {
            let got = inRanges(parts) { Aggregator.sumNarrow(a, valid, gid, groups: groups) }
            #expect(got.sums == expected.sums && got.counts == expected.counts, "parts \(parts)")
        }
        // And the sums are the exact ones.
        var exact = [Int128](repeating: 0, count: groups)
        for i in 0..<n where valid?[i] ?? true { exact[Int(gid[i])] += Int128(a[i]) }
        #expect(expected.sums == exact)
    }

    @Test(arguments: 0..<40) func textGroupsEqualTheSerialOnes(seed: UInt64) {
        var g = SeededGenerator(seed: seed)
        let n = g.int(0...200)
        let dictionary = g.int(1...12)
        var codes = (0..<n).map { _ in UInt32(g.int(0...(dictionary - 1))) }
        if g.chance(0.5) { codes.sort() }
        let expected = serial { Grouping.textCodes(codes, dictionaryCount: dictionary) }
        for parts in [2, 3, 5] {
            let got = inRanges(parts) { Grouping.textCodes(codes, dictionaryCount: dictionary) }
            #expect(got.groupOf == expected.groupOf && got.count == expected.count && got.firstRow == expected.firstRow, "parts \(parts)")
        }
    }

    @Test(arguments: 0..<40) func lookupJoinsEqualTheSerialOnes(seed: UInt64) {
        var g = SeededGenerator(seed: seed)
        let words = ["a", "b", "c", "d", "e", "f"]
        let rn = g.int(0...6)
        let right = Column(name: "", storage: .text(codes: (0..<rn).map { UInt32($0) }, dictionary: Array(words.prefix(rn))))
        let ln = g.int(0...120)
        var validity = Bitmap(count: ln, value: true)
        for i in 0..<ln where g.chance(0.1) { validity[i] = false }
        let left = Column(
            name: "", storage: .text(codes: (0..<ln).map { _ in UInt32(g.int(0...5)) }, dictionary: words),
            validity: g.chance(0.3) ? validity : nil)
        for keep in [false, true] {
            for omit in [false, true] {
                let expected = serial { try? HashJoin.match(left: left, right: right, keepUnmatched: keep, omitIdentityLeft: omit) }
                let got = inRanges { try? HashJoin.match(left: left, right: right, keepUnmatched: keep, omitIdentityLeft: omit) }
                #expect(got?.left == expected?.left && got?.right == expected?.right, "keep \(keep), omit \(omit)")
            }
        }
    }

    @Test func aCancelledLookupStops() {
        let left = Column(name: "", storage: .text(codes: (0..<300_000).map { UInt32($0 % 3) }, dictionary: ["a", "b", "c"]))
        let right = Column(name: "", storage: .text(codes: [0, 1], dictionary: ["a", "b"]))
        for keep in [false, true] {
            let outcome = inRanges(2) {
                Result { () throws(Executor.Stop) in try HashJoin.match(left: left, right: right, keepUnmatched: keep, shouldStop: { true }) }
            }
            guard case .failure(.cancelled) = outcome else {
                Issue.record("keep \(keep): not cancelled")
                continue
            }
        }
    }

    /// The text lookup (right columns read through the left's codes) stops on Ctrl-C and past the memory limit,
    /// with the error the ordinary join gives.
    @Test func theTextLookupStopsAndCountsItsMemoryLikeTheJoin() {
        let left = Column(name: "", storage: .text(codes: (0..<1000).map { UInt32($0 % 3) }, dictionary: ["a", "b", "c"]))
        let right = Column(name: "", storage: .text(codes: [0, 1, 2], dictionary: ["c", "b", "a"]))
        let program = Column(name: "p", storage: .text(codes: [0, 1, 0], dictionary: ["x", "y"]))
        let cancelled = inRanges(2) {
            Result { () throws(Executor.Stop) in
                try HashJoin.textLookup(left: left, right: right, columns: [program], keepUnmatched: false, shouldStop: { true }, budget: nil)
            }
        }
        guard case .failure(.cancelled) = cancelled else {
            Issue.record("not cancelled: \(cancelled)")
            return
        }
        let budget = (rowWidth: 8, limit: 1000)
        let lookup = Result { () throws(Executor.Stop) in
            try HashJoin.textLookup(left: left, right: right, columns: [program], keepUnmatched: false, shouldStop: { false }, budget: budget)
        }
        let match = Result { () throws(Executor.Stop) in
            try HashJoin.match(left: left, right: right, keepUnmatched: false, budget: budget, omitIdentityLeft: true)
        }
        guard case .failure(.tooLarge(let a)) = lookup, case .failure(.tooLarge(let b)) = match else {
            Issue.record("not too large: \(lookup), \(match)")
            return
        }
        #expect(a == b)
        // Within the limit: the right column read through the codes.
        let joined = try? HashJoin.textLookup(left: left, right: right, columns: [program], keepUnmatched: false, shouldStop: { false }, budget: nil)
        #expect(joined?.left == nil && joined?.rows == 1000)
        #expect(joined?.columns.first.map { (0..<6).map($0.value(at:)) } == [.text("x"), .text("y"), .text("x"), .text("x"), .text("y"), .text("x")])
    }

    @Test(arguments: 0..<30) func gathersEqualTheSerialOnes(seed: UInt64) {
        var g = SeededGenerator(seed: seed)
        let n = g.int(1...50)
        let columns: [Column] = [
            Column(name: "i", storage: .int((0..<n).map { _ in Int64(g.int(-9...9)) })),
            Column(name: "d", storage: .decimal(DecimalUnits(narrow: (0..<n).map { _ in Int64(g.int(-999...999)) }), scale: 2)),
            Column(name: "w", storage: .decimal(DecimalUnits(wide: (0..<n).map { _ in Int128(g.int(-9...9)) << 70 }), scale: 2)),
            Column(name: "t", storage: .text(codes: (0..<n).map { _ in UInt32(g.int(0...2)) }, dictionary: ["x", "y", "z"])),
            Column(name: "b", storage: .bool((0..<n).map { _ in g.chance(0.5) })),
            Column(name: "p", storage: .period((0..<n).map { _ in Int32(g.int(0...30)) })),
            Column(name: "f", storage: .double((0..<n).map { _ in Double(g.int(-5...5)) / 4 })),
        ]
        let indices = (0..<g.int(0...120)).map { _ in g.chance(0.1) ? -1 : g.int(0...(n - 1)) }
        for c in columns {
            let got = inRanges { Aggregator.gatherOrNull(c, indices) }
            let expected = c.gather(indices)
            #expect(got.validity == expected.validity && (0..<indices.count).allSatisfy { got.value(at: $0) == expected.value(at: $0) }, "\(c.name)")
        }
    }

    /// The pipeline sweep against the reference interpreter, with every grouped sum, text grouping, lookup and
    /// gather split into ranges.
    @Test func pipelineSweepAgreesWithTheReferenceInRanges() {
        var failures = 0
        for seed in 0..<UInt64(300) where failures < 5 {
            for edges in [false, true] {
                let c = PipelineCase.generate(seed: seed, edges: edges)
                guard let d = inRanges(3, { PipelinePropertyTests.difference(c) }) else { continue }
                if edges, d.hasPrefix("engine rejected it: numeric-overflow") { continue }
                failures += 1
                Issue.record("seed \(seed), edges \(edges)\n\(c)\n\(d)")
            }
        }
    }

    /// Queries of the benchmark's shape (a lookup join, then sums by a text key) and an overflowing sum, whole.
    @Test func queriesEqualTheSerialOnes() throws {
        let big = "k,v,d\n" + (0..<9).map { "k\($0 % 2),\(Int64.max / 4),\($0 % 3 == 0 ? "" : "12.5")" }.joined(separator: "\n") + "\n"
        let queries = [
            "financials | join projects on project_id | by program agg pv = sum(planned_value), ev = sum(earned_value), "
                + "cpi = sum(earned_value) / sum(actual_cost) | sort program",
            "financials | join projects on project_id | by project agg n = count(), ac = sum(actual_cost) | sort project",
            "big | by k agg d = sum(d), n = count(d) | sort k",
            "big | by k agg v = sum(v)",
            // A left value absent on the right, a right column with nulls, a left join.
            "fin | join proj on project_id | select project_id, program, budget",
            "fin | left join proj on project_id | select project_id, program, budget, v",
            "fin | left join proj on project_id | by program agg v = sum(v) | sort program",
        ]
        let fin = "project_id,v\n" + (0..<12).map { "P\($0 % 5),\($0).5" }.joined(separator: "\n") + "\n"
        let proj = "project_id,program,budget\nP0,A,1\nP1,,2\nP2,B,\nP3,A,4\n"
        let extra = ["big": big, "fin": fin, "proj": proj]
        for q in queries {
            let expected = serial { Result { try runTable(q, extra: extra).rows.map { $0.map(canonical) } } }
            let got = inRanges(2) { Result { try runTable(q, extra: extra).rows.map { $0.map(canonical) } } }
            switch (expected, got) {
            case (.success(let e), .success(let a)): #expect(a == e, "\(q)")
            case (.failure(let e), .failure(let a)): #expect("\(a)" == "\(e)", "\(q)")
            default: Issue.record("\(q): \(got), expected \(expected)")
            }
        }
    }
}
