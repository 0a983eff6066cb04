import RealizeStore
import RealizeTestSupport
import Testing
@testable import RealizeQuery

/// ``FusedCount`` and ``LookupProbe`` split over ranges of rows give the serial results (the parallel path forced on
/// small inputs, in an odd number of ranges).
@Suite struct ParallelCountProbeTests {
    @Test func fusedCountsInRangesEqualTheSerialOnes() throws {
        for seed in 0..<UInt64(150) {
            var g = SplitMix(seed: seed)
            let session = OrderedGroupsTests.session(&g)
            let text = OrderedGroupsTests.query(&g)
            let q = try #require(OptimizedQuery(text, session: session), "seed \(seed): \(text)")
            let serial = try ParallelRanges.$override.withValue((minRows: Int.max, parts: 1)) { try q.run(q.optimized.plan) }
            for parts in [2, 3] {
                let ranged = try ParallelRanges.$override.withValue((minRows: 2, parts: parts)) { try q.run(q.optimized.plan) }
                #expect(ranged.rows == serial.rows, "seed \(seed), parts \(parts): \(text)")
            }
        }
    }

    @Test(arguments: 0..<40) func probeInRangesEqualsTheSerialOne(seed: UInt64) throws {
        var g = SplitMix(seed: seed)
        let dictionary = (0..<g.int(1...8)).map { "k\($0)" }
        let n = g.int(0...200)
        let left = Column(name: "k", storage: .text(codes: (0..<n).map { _ in UInt32(g.int(0...(dictionary.count - 1))) }, dictionary: dictionary))
        // The right holds some of the keys once each (a filtered dimension), in a shuffled order.
        let keys = dictionary.indices.filter { _ in g.chance(0.4) }.shuffled(using: &g).map { UInt32($0) }
        let right = Column(name: "k", storage: .text(codes: keys, dictionary: dictionary))
        let run = { (minRows: Int, parts: Int) in
            try ParallelRanges.$override.withValue((minRows, parts)) {
                try LookupProbe.match(left: left, right: right, shouldStop: { false }, budget: nil)
            }
        }
        let serial = try #require(try run(Int.max, 1))
        // The expected pairs: each left row whose key the right holds, with that right row.
        var expected: (left: [Int], right: [Int]) = ([], [])
        for i in 0..<n {
            if case .text(let lc, _) = left.storage, let j = keys.firstIndex(of: lc[i]) { expected.left.append(i); expected.right.append(j) }
        }
        let all = expected.left.count == n
        #expect(serial.left == (all ? [] : expected.left) && serial.right == expected.right)
        for parts in [2, 3, 7] {
            let ranged = try #require(try run(2, parts))
            #expect(ranged.left == serial.left && ranged.right == serial.right, "parts \(parts)")
        }
    }
}
