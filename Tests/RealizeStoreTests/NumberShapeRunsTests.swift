import RealizeTestSupport
import Testing

@testable import RealizeStore

/// The one-pass number read's shortcut for a value shaped like the column so far (as many fractional
/// digits as the scale, ``SpeculativeDecoder``): columns that mostly repeat one shape, with nulls, integers,
/// more and fewer fractional digits now and then, read as the two passes (inference then decoding) read them.
@Suite struct NumberShapeRunsTests {
    /// A value with `frac` fractional digits (none and no point for -1), or null now and then.
    static func value(_ g: inout SeededGenerator, frac: Int) -> String {
        if Int.random(in: 0..<12, using: &g) == 0 { return "" }
        let whole = Int.random(in: -99_999...99_999, using: &g)
        guard frac >= 0 else { return "\(whole)" }
        let digits = (0..<frac).map { _ in String(Int.random(in: 0...9, using: &g)) }.joined()
        return "\(whole).\(digits)"
    }

    @Test func runsOfOneShapeReadAsTheTwoPasses() {
        var g = SeededGenerator(seed: 3199)
        var fastReads = 0
        for _ in 0..<1500 {
            let main = Int.random(in: -1...4, using: &g)
            var lines = ["x"]
            for _ in 0..<Int.random(in: 1...60, using: &g) {
                let odd = Int.random(in: 0..<8, using: &g) == 0
                lines.append(Self.value(&g, frac: odd ? Int.random(in: -1...6, using: &g) : main))
            }
            let csv = lines.joined(separator: "\n") + "\n"
            let (fast, slow) = SpeculativeDecoderTests.read(csv)
            if let fast {
                fastReads += 1
                #expect(fast == slow, "\(csv.debugDescription)")
            }
        }
        #expect(fastReads > 1000, "most columns are read in one pass")
    }

    @Test func aWiderValueAfterARunRescalesTheRun() {
        let (fast, slow) = SpeculativeDecoderTests.read("x\n1.5\n2.5\n\n3.25\n4\n5.\n")
        #expect(fast != nil && fast == slow)
        #expect(fast?.contains("decimal 2 [150, 250, 0, 325, 400, 500]") == true, "\(fast ?? "nil")")
    }
}
