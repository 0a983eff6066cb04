import RealizeTestSupport
import Testing

@testable import RealizeStore

/// Plain rows scanned in batches (``CSVTokenizer/plainRows(_:_:_:_:_:_:_:)``): files of several thousand rows,
/// plain ones between quoted, multi-line, CRLF and faulty ones, give the byte-by-byte scan's index or error
/// (same line and column), and ask whether to stop at the same rows.
@Suite struct PlainRowBatchTests {
    /// The scan's spans or error, and how often it asked whether to stop.
    static func scan(_ bytes: [UInt8], wordRows: Bool) -> (outcome: String, questions: Int) {
        bytes.withUnsafeBufferPointer { buffer in
            var asked = 0
            var tokenizer = CSVTokenizer(bytes: buffer, file: "batch.csv")
            tokenizer.chunks = 1
            tokenizer.wordRows = wordRows
            tokenizer.shouldStop = {
                asked += 1
                return false
            }
            do throws(CSVError) {
                let index = try tokenizer.tokenize()
                var spans: [Int] = [index.columnCount, index.rowCountWithHeader]
                for row in 0..<index.rowCountWithHeader {
                    for column in 0..<index.columnCount {
                        let (s, e) = index.span(row: row, column: column)
                        spans += [s, e]
                    }
                }
                return ("\(spans)", asked)
            } catch {
                return ("\(error.line):\(error.column): \(error.message)", asked)
            }
        }
    }

    @Test func batchesGiveTheByteByByteScan() {
        var g = SeededGenerator(seed: 4096)
        for round in 0..<12 {
            var text = "id,name,amount\n"
            let rows = Int.random(in: 4000...13_000, using: &g)
            let fault = round % 3 == 0 ? Int.random(in: 0..<rows, using: &g) : -1
            for r in 0..<rows {
                switch Int.random(in: 0..<400, using: &g) {
                case 0: text += "P\(r),\"a\nb\",1.5\n"
                case 1: text += "P\(r),\"q, \"\"x\"\"\",2\r\n"
                case 2: text += "P\(r),Zürich,3\n"
                case 3: text += "\n"
                default: text += "P\(r),n\(r % 17),\(Int.random(in: -999...999, using: &g)).25\n"
                }
                if r == fault { text += ["P,x\n", "P,x,1,2\n", "P,a\"b,1\n"][Int.random(in: 0..<3, using: &g)] }
            }
            if Bool.random(using: &g) { text.removeLast() }  // a last row without a line break
            let bytes = Array(text.utf8)
            let (words, wordQuestions) = Self.scan(bytes, wordRows: true)
            let (bytewise, byteQuestions) = Self.scan(bytes, wordRows: false)
            #expect(words == bytewise, "round \(round)")
            #expect(wordQuestions == byteQuestions, "round \(round)")
        }
    }
}
