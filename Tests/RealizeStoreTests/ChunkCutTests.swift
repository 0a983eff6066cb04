import RealizeTestSupport
import Testing

@testable import RealizeStore

/// The cuts of the parallel tokenizer taken on trust (``CSVTokenizer/lineBoundaries(_:from:to:chunks:)``, no
/// quote-parity pass) and the 16-bit field ends the scan writes directly (``FieldBuffer``): whatever the cut,
/// the chunks give the serial index or fail, and the index is the same with quotes or without, narrow or wide.
@Suite struct ChunkCutTests {
    /// The index as comparable values (columns, rows, every span), or nil for an error.
    static func spans(_ index: FieldIndex?) -> [Int]? {
        guard let index else { return nil }
        var spans = [index.columnCount, index.rowCountWithHeader]
        for row in 0..<index.rowCountWithHeader {
            for column in 0..<index.columnCount {
                let (s, e) = index.span(row: row, column: column)
                spans += [s, e]
            }
        }
        return spans
    }

    /// The serial scan's spans, or nil when it fails.
    static func serial(_ bytes: [UInt8], wordRows: Bool = true) -> [Int]? {
        bytes.withUnsafeBufferPointer { buffer in
            var tokenizer = CSVTokenizer(bytes: buffer, file: "cut.csv")
            tokenizer.chunks = 1
            tokenizer.wordRows = wordRows
            return spans(try? tokenizer.tokenize())
        }
    }

    /// The spans of chunks cut at `cuts` (offsets past the byte-order mark, in order), or nil when a chunk failed.
    static func chunked(_ bytes: [UInt8], at cuts: [Int]) -> [Int]? {
        bytes.withUnsafeBufferPointer { buffer in
            let tokenizer = CSVTokenizer(bytes: buffer, file: "cut.csv")
            let p = buffer.baseAddress!, lo = tokenizer.bomLength
            guard let width = try? tokenizer.scan(p, from: lo, to: buffer.count, columns: -1, headerOnly: true).columns else { return nil }
            return spans(try? tokenizer.scanChunks(p, bounds: [lo] + cuts + [buffer.count], width: width))
        }
    }

    @Test func everyCutGivesTheSerialIndexOrFails() {
        // Random files with quoted fields holding delimiters and line breaks, blank lines and faults, cut
        // in two just past every line feed (where the tokenizer cuts, inside quotes or not): a cut that lets
        // every chunk scan gives the serial index; a cut at a row start of a well-formed file always does.
        var g = SeededGenerator(seed: 2026)
        var agreed = 0
        for _ in 0..<150 {
            let bytes = Array(ChunkedTokenizerTests.csv(&g, delimiter: ",").utf8)
            guard bytes.count > 4 else { continue }
            let serial = Self.serial(bytes)
            let lo = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            var rowStarts: Set<Int> = []
            if serial != nil {
                bytes.withUnsafeBufferPointer { buffer in
                    guard let index = try? CSVTokenizer(bytes: buffer, file: "cut.csv").tokenize() else { return }
                    for row in 1..<index.rowCountWithHeader { rowStarts.insert(index.span(row: row, column: 0).start) }
                }
            }
            for cut in (lo + 1)..<bytes.count where bytes[cut - 1] == UInt8(ascii: "\n") {
                let chunked = Self.chunked(bytes, at: [cut])
                if let chunked {
                    #expect(chunked == serial, "cut at \(cut) of \(bytes)")
                    agreed += 1
                } else {
                    #expect(!rowStarts.contains(cut), "cut at the row start \(cut) of \(bytes)")
                }
            }
        }
        #expect(agreed > 300)
    }

    @Test func threeChunksAtRandomCutsGiveTheSerialIndexOrFail() {
        var g = SeededGenerator(seed: 77)
        for _ in 0..<400 {
            let bytes = Array(ChunkedTokenizerTests.csv(&g, delimiter: ";").utf8).map { $0 == UInt8(ascii: ";") ? UInt8(ascii: ",") : $0 }
            guard bytes.count > 8 else { continue }
            let lo = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            let feeds = ((lo + 1)..<bytes.count).filter { bytes[$0 - 1] == UInt8(ascii: "\n") }
            guard feeds.count >= 2 else { continue }
            let a = feeds[Int.random(in: 0..<(feeds.count - 1), using: &g)]
            let b = feeds.filter { $0 > a }.randomElement(using: &g)!
            if let chunked = Self.chunked(bytes, at: [a, b]) { #expect(chunked == Self.serial(bytes), "cuts \(a), \(b) of \(bytes)") }
        }
    }

    /// A file of `rows` rows of plain fields (text, numbers, empty ones), and the same file with every
    /// field quoted, some of them holding line breaks when `breaks` (names are never empty: `""` is the empty string, not null).
    static func plainAndQuoted(_ g: inout SeededGenerator, rows: Int, breaks: Bool) -> (plain: String, quoted: String) {
        var plain = "id,name,amount\n", quoted = "\"id\",\"name\",\"amount\"\n"
        for r in 0..<rows {
            let name = ["Orion", "Atlas", "Solstice Order", "x"][Int.random(in: 0..<4, using: &g)]
            let amount = Bool.random(using: &g) ? "\(Int.random(in: -99_999...99_999, using: &g)).\(Int.random(in: 10...99, using: &g))" : ""
            plain += "P\(r),\(name),\(amount)\n"
            let quotedName = breaks && Int.random(in: 0..<5, using: &g) == 0 ? "\(name)\nmore" : name
            quoted += "\"P\(r)\",\"\(quotedName)\",\"\(amount)\"\n"
        }
        return (plain, quoted)
    }

    @Test(arguments: [false, true]) func aFileWithQuotesGivesTheSameTableAsWithout(breaks: Bool) throws {
        var g = SeededGenerator(seed: breaks ? 5 : 6)
        for _ in 0..<20 {
            let (plain, quoted) = Self.plainAndQuoted(&g, rows: Int.random(in: 1...300, using: &g), breaks: breaks)
            for text in [plain, quoted] {
                let bytes = Array(text.utf8)
                let serial = ChunkedTokenizerTests.scan(bytes, chunks: 1)
                for chunks in [2, 3, 5, 8] { #expect(ChunkedTokenizerTests.scan(bytes, chunks: chunks) == serial) }
            }
            if breaks { continue }
            // Without line breaks in the quotes, the two files read as the same table (numbers parse through quotes).
            var options = CSVReadOptions()
            options.parallelColumns = false
            let a = try CSVReader.read(bytes: Array(plain.utf8), sourceName: "plain.csv", options: options)
            let b = try CSVReader.read(bytes: Array(quoted.utf8), sourceName: "quoted.csv", options: options)
            #expect(a.rowCount == b.rowCount && a.columns.count == b.columns.count)
            for (x, y) in zip(a.columns, b.columns) {
                #expect(x.name == y.name && x.type == y.type)
                for r in 0..<a.rowCount where x.value(at: r) != y.value(at: r) {
                    Issue.record("row \(r) of \(x.name): \(x.value(at: r)) vs \(y.value(at: r))")
                    return
                }
            }
        }
    }

    @Test func narrowEndsWrittenByTheScanAreTheReferenceSpans() {
        // A row of 64 KiB or more (the header, the first row, one in the middle, the last) turns the
        // buffer wide in the middle of the scan; every span is still the one a plain split finds.
        var g = SeededGenerator(seed: 64)
        for long in [0, 1, 40, 79] {
            var rows: [[String]] = []
            for r in 0..<80 {
                let width = r == long ? 70_000 : Int.random(in: 0...30, using: &g)
                rows.append([String(repeating: "a", count: width), "\(r)", Bool.random(using: &g) ? "" : "t"])
            }
            rows[0][1] = "b"
            let text = rows.map { $0.joined(separator: ",") + "\n" }.joined()
            let bytes = Array(text.utf8)
            var reference = [3, rows.count]
            var offset = 0
            for row in rows {
                for field in row {
                    reference += [offset, offset + field.utf8.count]
                    offset += field.utf8.count + 1
                }
            }
            #expect(Self.serial(bytes) == reference, "long row \(long)")
            #expect(Self.serial(bytes, wordRows: false) == reference, "long row \(long), byte by byte")
            for chunks in [2, 3, 7] {
                let scanned = bytes.withUnsafeBufferPointer { buffer in
                    var tokenizer = CSVTokenizer(bytes: buffer, file: "long.csv")
                    tokenizer.chunks = chunks
                    return Self.spans(try? tokenizer.tokenize())
                }
                #expect(scanned == reference, "long row \(long), \(chunks) chunks")
            }
        }
    }
}
