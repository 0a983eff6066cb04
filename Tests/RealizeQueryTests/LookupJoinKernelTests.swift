import Testing
import RealizeTestSupport
import RealizeStore
@testable import RealizeQuery

/// The lookup join on text keys, which maps each left dictionary code straight to its right row: against a
/// nested loop, with null right keys, left values absent on the right, empty sides and the identity-left shortcut.
@Suite struct LookupJoinKernelTests {
    @Test(arguments: 0..<60) func codeLookupMatchesANestedLoop(seed: UInt64) {
        var g = SeededGenerator(seed: seed)
        let words = ["a", "b", "c", "d", "e", "f", "g"]
        let rn = g.int(0...6)
        let rightKeys = Array(words.shuffled(using: &g).prefix(rn))
        // A null right row holds a code of a value that no other right row has.
        var rightValidity = Bitmap(count: rn, value: true)
        for j in 0..<rn where g.chance(0.2) { rightValidity[j] = false }
        let right = Column(
            name: "", storage: .text(codes: (0..<rn).map { UInt32($0) }, dictionary: rightKeys + ["zz"]),
            validity: g.chance(0.5) ? rightValidity : nil)
        let ln = g.int(0...80)
        // Left values are mostly right keys; some are absent on the right, as are some dictionary entries.
        let leftDict = (rightKeys + ["x", "y"]).shuffled(using: &g)
        let pool = g.chance(0.5) && !rightKeys.isEmpty ? rightKeys : leftDict
        let left = Column(
            name: "",
            storage: .text(codes: (0..<ln).map { _ in UInt32(leftDict.firstIndex(of: pool[g.int(0...(pool.count - 1))]) ?? 0) }, dictionary: leftDict))
        for keep in [false, true] {
            for omit in [false, true] {
                var el: [Int] = [], er: [Int] = []
                for i in 0..<ln {
                    let j = (0..<rn).first { !right.isNull($0) && right.value(at: $0) == left.value(at: i) }
                    if let j { el.append(i); er.append(j) } else if keep { el.append(i); er.append(-1) }
                }
                // With the shortcut and every left row matched, the left rows (0..<ln) are left out.
                if omit, el.count == ln, er.allSatisfy({ $0 >= 0 }) { el = [] }
                let got = try? HashJoin.match(left: left, right: right, keepUnmatched: keep, omitIdentityLeft: omit)
                #expect(got?.left == el && got?.right == er, "keep: \(keep), omit: \(omit)")
            }
        }
    }
}
