/// Writes tables as CSV (RFC 4180, UTF-8): the inverse of ``CSVReader``.
///
/// Values are written raw: integers and exact decimals at the column's scale (`1234.50`, no
/// thousands separators), doubles in their shortest round-tripping form, ISO dates
/// (`YYYY-MM-DD`), periods (`YYYY-MM`), `true`/`false`. A null is an empty field and an empty
/// text is `""`, so the reader tells them apart. A field is quoted when it holds a comma, a
/// quote, a CR or an LF, or starts or ends with a space or tab; quotes inside are doubled.
/// See ``CSVWriteOptions`` for line endings, the byte-order mark and formula neutralisation.
///
/// A table whose single column holds a null gives an empty line, which the reader reads back as
/// a null (it skips blank lines only in files of several columns).
public enum CSVWriter {
    /// The CSV bytes of `table`.
    /// - Complexity: O(rows × columns); each distinct text value is encoded once.
    public static func write(_ table: Table, options: CSVWriteOptions = .init()) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 + table.rowCount * max(table.columns.count, 1) * 8)
        let encoder = CSVRowEncoder(table: table, options: options)
        encoder.writePrologue(into: &out)
        for row in 0..<table.rowCount { encoder.writeRow(row, into: &out) }
        return out
    }

    /// The CSV bytes of `table` (the same as ``write(_:options:)``).
    public static func bytes(of table: Table, options: CSVWriteOptions = .init()) -> [UInt8] {
        write(table, options: options)
    }

    /// The CSV text of `table`.
    public static func string(of table: Table, options: CSVWriteOptions = .init()) -> String {
        String(decoding: write(table, options: options), as: UTF8.self)
    }

    /// Streams the CSV bytes of `table` to `sink` in chunks of about `chunkSize` bytes, so that a
    /// large table never needs its whole text in memory.
    /// - Throws: whatever `sink` throws; writing stops at the first error.
    public static func write<E: Error>(
        _ table: Table, options: CSVWriteOptions = .init(), chunkSize: Int = 1 << 16,
        to sink: (UnsafeBufferPointer<UInt8>) throws(E) -> Void
    ) throws(E) {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(chunkSize + 4096)
        let encoder = CSVRowEncoder(table: table, options: options)
        encoder.writePrologue(into: &buffer)
        for row in 0..<table.rowCount {
            encoder.writeRow(row, into: &buffer)
            if buffer.count >= chunkSize {
                try flush(&buffer, sink)
            }
        }
        if !buffer.isEmpty { try flush(&buffer, sink) }
    }

    private static func flush<E: Error>(_ buffer: inout [UInt8], _ sink: (UnsafeBufferPointer<UInt8>) throws(E) -> Void) throws(E) {
        let result: Result<Void, E> = buffer.withUnsafeBufferPointer { chunk in
            do throws(E) { try sink(chunk); return .success(()) } catch { return .failure(error) }
        }
        try result.get()
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes `table` as CSV to `path` atomically (see ``AtomicFile``): on failure the file that
    /// was there is untouched.
    /// - Throws: ``AtomicFileError`` saying why the file could not be written.
    /// - Parameter shouldStop: polled every 4096 rows and while writing (Ctrl-C); when it says so,
    ///   nothing is replaced and the error's code is `cancelled`.
    public static func write(
        _ table: Table, toFile path: String, options: CSVWriteOptions = .init(), shouldStop: () -> Bool = { false }
    ) throws(AtomicFileError) {
        var out: [UInt8] = []
        out.reserveCapacity(64 + table.rowCount * max(table.columns.count, 1) * 8)
        let encoder = CSVRowEncoder(table: table, options: options)
        encoder.writePrologue(into: &out)
        for row in 0..<table.rowCount {
            if row & 0xFFF == 0, shouldStop() {
                throw AtomicFileError(path: path, code: .cancelled, message: "writing `\(path)` was cancelled")
            }
            encoder.writeRow(row, into: &out)
        }
        try AtomicFile.write(out, to: path, shouldStop: shouldStop)
    }

    /// The bytes of one text field: neutralised and quoted as the options and its content require.
    static func encodeText(_ text: String, neutralise: Bool) -> [UInt8] {
        var utf8 = Array(text.utf8)
        if neutralise, let first = utf8.first, formulaStarts.contains(first) { utf8.insert(UInt8(ascii: "'"), at: 0) }
        guard needsQuotes(utf8) else { return utf8 }
        var quoted: [UInt8] = [0x22]
        quoted.reserveCapacity(utf8.count + 4)
        for b in utf8 {
            if b == 0x22 { quoted.append(0x22) }
            quoted.append(b)
        }
        quoted.append(0x22)
        return quoted
    }

    /// First bytes that make a spreadsheet treat a cell as a formula: `=` `+` `-` `@` tab CR.
    static let formulaStarts: Set<UInt8> = [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D]

    /// Whether a field must be quoted: empty (to tell it from null), holding `,` `"` CR LF,
    /// starting or ending with a space or tab, or starting with U+FEFF (which the reader refuses unquoted).
    static func needsQuotes(_ utf8: [UInt8]) -> Bool {
        guard let first = utf8.first, let last = utf8.last else { return true }
        if first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09 || first == 0xEF && utf8.starts(with: [0xEF, 0xBB, 0xBF]) { return true }
        return utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
    }
}
