import RealizeTestSupport
import Testing

@testable import RealizeStore

/// The one-pass decoders' blocks of 64K rows (``SpeculativeDecoder/blockEnd(_:_:)``): a column longer than
/// a block reads as the two passes read it, and a stop asked for at a block's first row stops there, as the
/// check at every row did.
@Suite struct DecoderBlockTests {
    @Test func blocksCoverEveryRowOnce() {
        for rows in [0, 1, 0xFFFE, 0xFFFF, 0x10000, 0x1FFFF, 0x20000, 200_001] {
            var first = 0, covered = 0
            var firsts: [Int] = []
            while first < rows {
                firsts.append(first)
                let end = SpeculativeDecoder.blockEnd(first, rows)
                #expect(end > first && end <= rows)
                covered += end - first
                first = end
            }
            #expect(covered == rows)
            // Every block but the first starts at a row where the old loop asked (r & 0xFFFF == 0xFFFF).
            #expect(firsts.dropFirst().allSatisfy { $0 & 0xFFFF == 0xFFFF })
        }
    }

    /// A column of `rows` values of one kind, with nulls now and then.
    static func column(_ g: inout SeededGenerator, rows: Int, kind: Int) -> String {
        var lines = ["x"]
        lines.reserveCapacity(rows + 1)
        for r in 0..<rows {
            if Int.random(in: 0..<50, using: &g) == 0 {
                lines.append("")
                continue
            }
            switch kind {
            case 0: lines.append("\(Int.random(in: -99_999...99_999, using: &g)).\(Int.random(in: 10...99, using: &g))")
            case 1: lines.append("20\(10 + r % 20)-\(r % 9 + 1 < 10 ? "0" : "")\(r % 9 + 1)")
            default: lines.append(r == 100_000 ? "1.125" : "\(r)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test(arguments: [0, 1, 2]) func aLongColumnReadsAsTheTwoPasses(kind: Int) {
        var g = SeededGenerator(seed: UInt64(90 + kind))
        let (fast, slow) = SpeculativeDecoderTests.read(Self.column(&g, rows: 140_000, kind: kind))
        #expect(fast != nil && fast == slow)
    }

    @Test(arguments: [1, 2]) func aStopIsTakenAtTheBlocksFirstRow(questions: Int) {
        var g = SeededGenerator(seed: 7)
        let bytes = Array(Self.column(&g, rows: 140_000, kind: 0).utf8)
        bytes.withUnsafeBufferPointer { buffer in
            guard let index = try? CSVTokenizer(bytes: buffer, file: "t.csv").tokenize(), let p = buffer.baseAddress else {
                Issue.record("no index")
                return
            }
            var asked = 0
            let outcome = SpeculativeDecoder(
                p: p, index: index, column: 0, periodYears: 1900...2100, pointAllowed: true,
                shouldStop: {
                    asked += 1
                    return asked >= questions
                }
            ).decode()
            guard case .decodeFailed(_, let bad)? = outcome else {
                Issue.record("not stopped: \(outcome.map(SpeculativeDecoderTests.describe) ?? "nil")")
                return
            }
            #expect(bad.cancelled && bad.row == questions * 0x10000 - 1)
        }
    }
}
