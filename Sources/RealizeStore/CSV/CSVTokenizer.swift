/// Pass 1 of the reader: finds every field's boundaries in one scan of the bytes (RFC 4180).
///
/// Why hand-written: the Swift CSV packages parse at 9–20 MB/s, while a byte-level scanner over
/// an `UnsafeBufferPointer<UInt8>` finds fields at about 300–400 MB/s on this machine, and they
/// silently swallow data on malformed input. The scanner also validates UTF-8 and reports
/// structural errors (quotes, ragged rows) with their line and field.
///
/// Rules: fields are separated by `,` (or the dialect's delimiter) and rows end with LF or CRLF (a last row may lack one).
/// A field starting with `"` is quoted: it may hold commas, line breaks and `""` (one quote).
/// A quote anywhere else in an unquoted field is an error, as is a CR not followed by LF outside
/// quotes. A leading UTF-8 byte-order mark is skipped. In a file of several columns a blank line
/// is skipped; in a one-column file it is a row holding a null.
struct CSVTokenizer {
    let bytes: UnsafeBufferPointer<UInt8>
    let file: String
    /// The field separator: `,` unless the dialect says otherwise (`;` tab `|`).
    var delimiter: UInt8 = UInt8(ascii: ",")
    /// Asked every 4096 rows; true stops the scan with a `cancelled` error.
    var shouldStop: () -> Bool = { false }
    /// How many chunks to scan in parallel: nil for one per core when the buffer holds at least
    /// ``parallelBytes``, else one; 1 for a serial scan. Tests force small buffers into many chunks.
    var chunks: Int? = nil
    /// The start of the bytes when they are a mapped file (see ``MappedCSVFile``): the scan then drops
    /// the pages behind it every 64K rows, so that the file is never all resident. Nil for bytes in the heap.
    var mapping: UnsafePointer<UInt8>? = nil
    /// Whether plain rows are scanned a word at a time (see ``plainRow(_:_:_:_:_:_:_:)``); tests turn it off
    /// to compare with the byte-by-byte scan.
    var wordRows = true

    static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

    /// Bytes that stop the scan of an unquoted field, one table per delimiter: the delimiter, LF CR `"` NUL
    /// and every non-ASCII byte. (Tables allocated once and never freed, read without bounds checks in the hot loop.)
    private nonisolated(unsafe) static let plainStops: [UInt8: UnsafePointer<Bool>] = Dictionary(
        uniqueKeysWithValues: CSVDialect.delimiters.map { d in
            (d, stopTable { b in b == Int(d) || b == 0x0A || b == 0x0D || b == 0x22 || b == 0 || b >= 0x80 })
        })
    /// Bytes that stop the scan inside a quoted field: `"` LF NUL and every non-ASCII byte.
    private nonisolated(unsafe) static let quotedStops = stopTable { b in b == 0x22 || b == 0x0A || b == 0 || b >= 0x80 }

    private static func stopTable(_ stops: (Int) -> Bool) -> UnsafePointer<Bool> {
        let table = UnsafeMutablePointer<Bool>.allocate(capacity: 256)
        for b in 0...255 { table[b] = stops(b) }
        return UnsafePointer(table)
    }

    /// Length of the byte-order mark at the start, if any.
    var bomLength: Int {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }

    /// Scans the whole buffer: in chunks on every core for a large one (see ``chunks``), else in one pass.
    /// - Throws: ``CSVError`` for an empty file, a bad quote, a ragged row, invalid UTF-8 or a stray CR, or
    ///   `cancelled` once ``shouldStop`` says so.
    /// - Complexity: O(n) in the number of bytes.
    func tokenize() throws(CSVError) -> FieldIndex {
        let count = bytes.count
        guard count < Int(UInt32.max) else {
            throw CSVError(file: file, line: 0, column: 0, message: "the file is larger than 4 GiB, the most the reader supports", code: .tooLarge)
        }
        let bom = bomLength
        guard bom < count, let p = bytes.baseAddress else {
            throw CSVError(
                file: file, line: 1, column: 1, message: "the file is empty; expected a header row",
                hint: "the first line must name the columns, e.g. `project_id,period,actual_cost`", code: .emptyFile)
        }
        guard Self.plainStops[delimiter] != nil else {
            throw CSVError(file: file, line: 0, column: 0, message: "unsupported delimiter byte 0x\(String(delimiter, radix: 16))", code: .io)
        }
        let n = chunks ?? (count >= Self.parallelBytes ? Self.processorCount : 1)
        if n > 1, let index = try tokenizeInChunks(p, from: bom, to: count, chunks: n) { return index }
        return FieldIndex(fields: try scan(p, from: bom, to: count, columns: -1))
    }

    /// Scans the rows in bytes `lo..<count`: the whole file after its byte-order mark, or a chunk that
    /// starts at a row of a file whose header has `known` fields (`-1` when the scan starts at the header).
    /// - Parameter headerOnly: stop after the first row (to learn the header's width).
    /// - Returns: the offsets found, with the header's width.
    func scan(
        _ p: UnsafePointer<UInt8>, from lo: Int, to count: Int, columns known: Int, headerOnly: Bool = false
    ) throws(CSVError) -> FieldBuffer {
        let plain = Self.plainStops[delimiter]!  // tokenize() checked the delimiter
        let comma = delimiter, quote = Self.quote, lf = Self.lf, cr = Self.cr
        var fields = FieldBuffer(bytes: count - lo)
        fields.columns = known
        var i = lo
        var line = 1
        var columns = known
        let hasHeader = known < 0  // messages name the columns only when the header is in this buffer
        var fieldInRow = 0
        var released = lo  // the bytes before it are dropped (a mapped file only)
        let quoted = Self.quotedStops
        let delimiters = Self.broadcast(comma)
        var tryWords = true  // false right after plain rows that stopped at one that is not
        while true {
            if fieldInRow == 0 && columns > 0 && wordRows && tryWords,
                case let (next, rows, stuck) = Self.plainRows(p, i, count, columns, delimiters, plain, &fields), rows > 0
            {
                // Plain rows, found a word at a time, up to a multiple of 4096 rows at most; the same row-end steps as below.
                i = next
                tryWords = !stuck  // the row at `i` is not plain: read it byte by byte
                if fields.rowCount & 0xFFF == 0, shouldStop() { throw CSVError.cancelled(file) }
                if fields.rowCount & 0xFFFF == 0, let mapping {
                    MappedCSVFile.release(mapping, released, i)
                    released = i
                }
                line += rows - 1
                if i >= count { break }
                line += 1
                continue
            }
            tryWords = true
            let start = i
            if fieldInRow == 0 { fields.beginRow(start) }
            if i < count && p[i] == quote {
                let openLine = line
                i += 1
                while true {
                    while i < count && !quoted[Int(p[i])] { i += 1 }
                    if i == count {
                        throw error(
                            openLine, fieldInRow + 1,
                            "unterminated quoted field in \(label(fieldInRow, columns, hasHeader, fields, p)): the quote that opens it is never closed",
                            hint: "a quote inside a quoted field must be doubled (\"\")", .badQuote)
                    }
                    let c = p[i]
                    if c == quote {
                        if i + 1 < count && p[i + 1] == quote { i += 2; continue }
                        i += 1
                        break
                    }
                    if c == lf { line += 1; i += 1; continue }
                    if c == 0 { throw nulError(line, fieldInRow + 1, label(fieldInRow, columns, hasHeader, fields, p)) }
                    i = try skipUTF8(p, i, count, line, fieldInRow + 1, label(fieldInRow, columns, hasHeader, fields, p))
                }
                if i < count && p[i] != comma && p[i] != lf && p[i] != cr {
                    throw error(
                        line, fieldInRow + 1,
                        "unexpected character after the closing quote of the field in \(label(fieldInRow, columns, hasHeader, fields, p))",
                        hint: "a quote inside a quoted field must be doubled (\"\")", .badQuote)
                }
            } else {
                while true {
                    i = Self.skipPlain(p, i, count, delimiters: delimiters, plain)
                    if i < count && p[i] >= 0x80 {
                        // A byte-order mark opening an unquoted field: files joined together (the writer quotes such a text).
                        if i == start && i + 2 < count && p[i] == 0xEF && p[i + 1] == 0xBB && p[i + 2] == 0xBF {
                            throw error(
                                line, fieldInRow + 1,
                                "a byte-order mark (U+FEFF) in the middle of the file, in \(label(fieldInRow, columns, hasHeader, fields, p))",
                                hint: "the file may be two files joined together; remove the mark, or quote the field if it is text", .badEncoding)
                        }
                        i = try skipUTF8(p, i, count, line, fieldInRow + 1, label(fieldInRow, columns, hasHeader, fields, p))
                        continue
                    }
                    if i < count && p[i] == 0 { throw nulError(line, fieldInRow + 1, label(fieldInRow, columns, hasHeader, fields, p)) }
                    break
                }
                if i < count && p[i] == quote {
                    throw error(
                        line, fieldInRow + 1, "a double quote inside the unquoted field in \(label(fieldInRow, columns, hasHeader, fields, p))",
                        hint: "enclose the field in double quotes and double the quotes inside it: \"a \"\"b\"\" c\"", .badQuote)
                }
            }
            let end = i
            fields.endField(end)
            fieldInRow += 1
            if i < count && p[i] == comma {
                if fieldInRow == columns {
                    throw error(
                        line, columns + 1, "too many fields: expected \(columns) as in the header row, found more",
                        hint: "a field that contains the delimiter (\(CSVDialect(delimiter: delimiter).delimiterName)) must be enclosed in double quotes",
                        .fieldCount)
                }
                i += 1
                if i < count { continue }
                fields.endField(i)  // a trailing comma at the very end: one last empty field
                fieldInRow += 1
            }
            // End of a row: LF, CRLF or the end of the buffer.
            if i < count {
                if p[i] == cr {
                    guard i + 1 < count && p[i + 1] == lf else {
                        throw error(
                            line, fieldInRow, "carriage return (CR) not followed by a line feed outside quotes",
                            hint: "lines must end with LF or CRLF; convert old Mac line endings", .badEncoding)
                    }
                    i += 2
                } else {
                    i += 1
                }
            }
            if columns < 0 {
                columns = fieldInRow
                fields.columns = columns
                if headerOnly { break }
            } else if fieldInRow == columns {
                if fields.rowCount & 0xFFF == 0, shouldStop() { throw CSVError.cancelled(file) }
                if fields.rowCount & 0xFFFF == 0, let mapping {
                    MappedCSVFile.release(mapping, released, i)
                    released = i
                }
            } else if fieldInRow == 1 && start == end {
                fields.dropBlankRow()  // a blank line in a file of several columns
            } else {
                throw error(
                    line, fieldInRow + 1,
                    "too few fields: expected \(columns) as in the header row, found \(fieldInRow); \(label(fieldInRow, columns, hasHeader, fields, p)) is missing",
                    hint: nil, .fieldCount)
            }
            fieldInRow = 0
            if i >= count { break }
            line += 1
        }
        fields.columns = columns
        return fields
    }

    @inline(__always)
    private func skipUTF8(
        _ p: UnsafePointer<UInt8>, _ i: Int, _ count: Int, _ line: Int, _ column: Int, _ label: @autoclosure () -> String
    ) throws(CSVError) -> Int {
        guard let n = UTF8Check.sequenceLength(p, i, count) else {
            let hex = String(p[i], radix: 16, uppercase: true)
            throw error(
                line, column, "invalid UTF-8 in \(label()): the byte 0x\(hex) does not begin a valid sequence",
                hint: "the file may be Windows-1252: load it with `encoding cp1252`, or save it as UTF-8 (in Excel: \"CSV UTF-8\")", .badEncoding)
        }
        return i + n
    }

    /// A NUL byte: no text holds one; it usually means a UTF-16 file or a binary one.
    private func nulError(_ line: Int, _ column: Int, _ label: String) -> CSVError {
        error(
            line, column, "a NUL byte (0x00) in \(label)",
            hint: "the file may be UTF-16 without a byte-order mark (load it with `encoding utf16`) or not text at all", .badEncoding)
    }

    /// "column 3 (`name`)", or "column 3" in the header row itself (or in a chunk without it). For messages only.
    private func label(_ field: Int, _ columns: Int, _ hasHeader: Bool, _ fields: borrowing FieldBuffer, _ p: UnsafePointer<UInt8>) -> String {
        guard hasHeader, columns > 0, field < columns else { return "column \(field + 1)" }
        return "column \(field + 1) (`\(FieldContent.text(p, fields.headerField(field)))`)"
    }

    private func error(_ line: Int, _ column: Int, _ message: String, hint: String?, _ code: CSVError.Code) -> CSVError {
        CSVError(file: file, line: line, column: column, message: message, hint: hint, code: code)
    }
}
