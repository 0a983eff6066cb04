import RealizeTestSupport
import Testing

@testable import RealizeStore

/// The parallel tokenizer (`CSVTokenizer+Chunks`): cut into 2…8 chunks, any file, well-formed or not, gives
/// the serial scan's index, or its error with the same line, column and message.
@Suite struct ChunkedTokenizerTests {
    /// The index as comparable values, or the error.
    enum Scan: Equatable {
        case index(columns: Int, rows: Int, spans: [Int])
        case error(CSVError)
    }

    static func scan(_ bytes: [UInt8], chunks: Int, delimiter: UInt8 = UInt8(ascii: ",")) -> Scan {
        bytes.withUnsafeBufferPointer { buffer in
            var tokenizer = CSVTokenizer(bytes: buffer, file: "chunks.csv")
            tokenizer.delimiter = delimiter
            tokenizer.chunks = chunks
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

    /// A random CSV: quoted fields with delimiters, line breaks (LF and CRLF) and doubled quotes, UTF-8,
    /// blank lines, and now and then a fault (a ragged row, a stray quote or CR, an unclosed quote,
    /// invalid UTF-8, a NUL, a byte-order mark in the middle).
    static func csv(_ g: inout SeededGenerator, delimiter: Character) -> String {
        let columns = Int.random(in: 1...4, using: &g)
        let d = String(delimiter)
        var text = Bool.random(using: &g) ? "\u{FEFF}" : ""
        text += (0..<columns).map { "c\($0)" }.joined(separator: d)
        let eol = Int.random(in: 0..<4, using: &g) == 0 ? "\r\n" : "\n"
        text += eol
        let faulty = Int.random(in: 0..<3, using: &g) == 0
        let rows = Int.random(in: 0...24, using: &g)
        for r in 0..<rows {
            var fields = (0..<columns).map { _ in field(&g, d) }
            if faulty && Int.random(in: 0..<(rows + 1), using: &g) == 0 {
                switch Int.random(in: 0..<8, using: &g) {
                case 0: fields.removeLast()
                case 1: fields.append("x")
                case 2: fields[0] += "a\"b"
                case 3: fields[0] = "\"open" + d + "x"
                case 4: fields[0] += "\r"
                case 5: fields[0] = "\u{FEFF}bom"
                case 6: fields[0] += "\u{0}"
                default: fields[0] = "\"q\"x"
                }
            }
            text += fields.joined(separator: d)
            if Int.random(in: 0..<10, using: &g) == 0 { text += eol }  // a blank line
            if r < rows - 1 || Bool.random(using: &g) { text += Bool.random(using: &g) ? eol : "\n" }
        }
        return text
    }

    static func field(_ g: inout SeededGenerator, _ d: String) -> String {
        switch Int.random(in: 0..<9, using: &g) {
        case 0: ""
        case 1: "\"\""
        case 2: "\(Int.random(in: -999...99_999, using: &g)).\(Int.random(in: 0...99, using: &g))"
        case 3: "Zürich"
        case 4: "\"a\(d)b\""
        case 5: "\"line\none\r\ntwo\""
        case 6: "\"say \"\"hi\"\"\n\""
        case 7: "\"\n\(d)\"\"\""
        default: "P\(Int.random(in: 0...99, using: &g))"
        }
    }

    @Test(arguments: [",", ";"] as [Character]) func chunksGiveTheSerialScan(delimiter: Character) {
        let d = UInt8(ascii: delimiter.unicodeScalars.first!)
        var g = SeededGenerator(seed: delimiter == "," ? 14 : 41)
        var cut = 0
        for _ in 0..<600 {
            var bytes = Array(Self.csv(&g, delimiter: delimiter).utf8)
            if Int.random(in: 0..<20, using: &g) == 0, !bytes.isEmpty { bytes[Int.random(in: 0..<bytes.count, using: &g)] = 0xFF }
            let serial = Self.scan(bytes, chunks: 1, delimiter: d)
            for chunks in 2...8 {
                let parallel = Self.scan(bytes, chunks: chunks, delimiter: d)
                #expect(parallel == serial, "\(chunks) chunks of \(bytes)")
                if parallel != serial { return }
            }
            cut += bytes.withUnsafeBufferPointer { CSVTokenizer.boundaries($0.baseAddress!, from: 0, to: $0.count, chunks: 8).count > 3 ? 1 : 0 }
        }
        #expect(cut > 300, "most files are cut into several chunks")
    }

    @Test func aCutInsideQuotesIsAvoided() {
        // The nominal cut falls in a quoted field holding line breaks: the chunk starts after it.
        let text = "a,b\n1,\"x\ny\nz\nw\nv\"\n2,3\n"
        let bytes = Array(text.utf8)
        let bounds = bytes.withUnsafeBufferPointer { CSVTokenizer.boundaries($0.baseAddress!, from: 0, to: $0.count, chunks: 2) }
        #expect(bounds == [0, text.utf8.count - 4, text.utf8.count])
        #expect(Self.scan(bytes, chunks: 2) == Self.scan(bytes, chunks: 1))
    }

    @Test func aFaultInALaterChunkIsReportedAsSerially() {
        var text = "id,name\n"
        for r in 0..<200 { text += "\(r),\"n\n\(r)\"\n" }
        text += "201,bad\"quote\n"
        let bytes = Array(text.utf8)
        guard case .error(let error) = Self.scan(bytes, chunks: 4) else {
            Issue.record("the stray quote was accepted")
            return
        }
        #expect(Self.scan(bytes, chunks: 1) == .error(error))
        #expect(error.line == 402 && error.column == 2, "\(error)")
        #expect(error.message.contains("column 2 (`name`)"), "\(error)")
    }

    @Test func aRowOf64KiBKeepsAbsoluteOffsets() throws {
        // One row too long for 16-bit offsets within it: that chunk stays wide, and so do the others.
        var text = "id,note\n"
        for r in 0..<300 { text += r == 150 ? "\(r),\"\(String(repeating: "x,\n", count: 30_000))\"\n" : "\(r),n\(r)\n" }
        let bytes = Array(text.utf8)
        let serial = Self.scan(bytes, chunks: 1)
        for chunks in 2...8 { #expect(Self.scan(bytes, chunks: chunks) == serial) }
        let short = Array("id,note\n1,a\n2,\"b\nc\"\n".utf8)
        #expect(short.withUnsafeBufferPointer { (try? CSVTokenizer(bytes: $0, file: "s.csv").tokenize())?.isNarrow } == true)
        #expect(bytes.withUnsafeBufferPointer { (try? CSVTokenizer(bytes: $0, file: "l.csv").tokenize())?.isNarrow } == false)
    }

    @Test func quoteParityCountsEightBytesAtATime() {
        var g = SeededGenerator(seed: 8)
        for _ in 0..<300 {
            let bytes = (0..<Int.random(in: 0...70, using: &g)).map { _ in
                [0x22, 0x22, 0xA2, 0x00, 0x61, 0xFF, 0x23, 0x21][Int.random(in: 0..<8, using: &g)] as UInt8
            }
            let lo = Int.random(in: 0...bytes.count, using: &g)
            let expected = UInt8(bytes[lo...].filter { $0 == 0x22 }.count & 1)
            #expect(
                bytes.withUnsafeBufferPointer { CSVTokenizer.quoteParity($0.baseAddress ?? UnsafePointer(bitPattern: 8)!, from: lo, to: $0.count) } == expected)
        }
    }
}
