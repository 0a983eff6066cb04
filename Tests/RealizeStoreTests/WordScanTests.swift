import RealizeTestSupport
import Testing

@testable import RealizeStore

/// The tokenizer's word-at-a-time scan of plain rows (`CSVTokenizer+Words`): any file gives the index, or
/// the error, of the byte-by-byte scan.
@Suite struct WordScanTests {
    static func scan(_ bytes: [UInt8], words: Bool, delimiter: UInt8) -> ChunkedTokenizerTests.Scan {
        bytes.withUnsafeBufferPointer { buffer in
            var tokenizer = CSVTokenizer(bytes: buffer, file: "words.csv")
            tokenizer.delimiter = delimiter
            tokenizer.chunks = 1
            tokenizer.wordRows = words
            do throws(CSVError) {
                let index = try tokenizer.tokenize()
                var spans: [Int] = []
                for row in 0..<index.rowCountWithHeader {
                    for column in 0..<index.columnCount {
                        let (s, e) = index.span(row: row, column: column)
                        spans += [s, e]
                    }
                }
                return .index(columns: index.columnCount, rows: index.rowCountWithHeader, spans: spans)
            } catch {
                return .error(error)
            }
        }
    }

    /// Plain fields of every length around a word (with `-` after a delimiter, which a borrow marks), and
    /// the random files of the chunk tests (quotes, CRLF, blank lines, faults).
    @Test(arguments: [",", ";", "\t"] as [Character]) func wordsGiveTheByteScan(delimiter: Character) {
        let d = UInt8(ascii: delimiter.unicodeScalars.first!)
        var g = SeededGenerator(seed: 808)
        for n in 0..<800 {
            var bytes: [UInt8]
            if n % 2 == 0 {
                bytes = Array(ChunkedTokenizerTests.csv(&g, delimiter: delimiter).utf8)
            } else {
                let columns = Int.random(in: 1...5, using: &g)
                var text = (0..<columns).map { "c\($0)" }.joined(separator: String(delimiter)) + "\n"
                for _ in 0..<Int.random(in: 0...12, using: &g) {
                    let fields = (0..<columns).map { _ in
                        String((0..<Int.random(in: 0...19, using: &g)).map { _ in "-0a.,\u{1}~".randomElement(using: &g)! })
                            .replacing(",", with: String(delimiter))
                    }
                    text += fields.joined(separator: String(delimiter)) + (Int.random(in: 0..<5, using: &g) == 0 ? "\r\n" : "\n")
                }
                if Bool.random(using: &g) { text.removeLast() }
                bytes = Array(text.utf8)
            }
            if Int.random(in: 0..<20, using: &g) == 0, !bytes.isEmpty { bytes[Int.random(in: 0..<bytes.count, using: &g)] = 0xFF }
            let expected = Self.scan(bytes, words: false, delimiter: d)
            let found = Self.scan(bytes, words: true, delimiter: d)
            #expect(found == expected, "\(String(decoding: bytes, as: UTF8.self).debugDescription)")
            if found != expected { return }
        }
    }
}
