/// The field boundaries of a CSV buffer: what the tokenizer finds in its one pass.
///
/// Each row keeps its start offset, and each field only its end offset (row-major): a field other
/// than a row's first starts one byte after the previous field's end, just past the delimiter. When
/// every row is shorter than 64 KiB, the ends are 16-bit offsets from their row's start, else
/// absolute 32-bit offsets: 2 (or 4) bytes a field plus 4 a row, instead of 8 a field for (start,
/// end) pairs. Spans cover the raw field, enclosing quotes included. Row 0 is the header. Offsets
/// are 32-bit, so a file is limited to 4 GiB.
final class FieldIndex {
    /// Fields per row (the header's width).
    let columnCount: Int
    /// Number of rows, the header included.
    let rowCountWithHeader: Int
    private let rowStarts: UnsafeMutablePointer<UInt32>
    private let ends: UnsafeMutablePointer<UInt32>?
    private let relativeEnds: UnsafeMutablePointer<UInt16>?
    /// The start of the mapped file the offsets point into, when the bytes are one (see
    /// ``MappedCSVFile``): passes over the rows then drop the pages behind them (``passed(row:)``).
    /// Set before the columns are read, never during.
    var mapping: UnsafePointer<UInt8>? = nil

    /// Rows a pass reads between two drops of the pages behind it.
    static let releaseRows = 1 << 16

    /// An index over the offsets the tokenizer found; it takes their ownership.
    init(fields: consuming FieldBuffer) {
        columnCount = fields.columns
        rowCountWithHeader = fields.rowCount
        let storage = fields.take()
        (rowStarts, ends, relativeEnds) = (storage.rowStarts, storage.ends, storage.relativeEnds)
    }

    deinit {
        OffsetBuffer<UInt32>.release(rowStarts)
        if let ends { OffsetBuffer<UInt32>.release(ends) }
        if let relativeEnds { OffsetBuffer<UInt16>.release(relativeEnds) }
    }

    /// Data rows (the header excluded).
    var rowCount: Int { rowCountWithHeader - 1 }

    /// Whether the ends are 16-bit offsets within their rows (every row is shorter than 64 KiB).
    var isNarrow: Bool { relativeEnds != nil }

    /// Says that a pass over the rows (in order) has reached `row`: every ``releaseRows`` rows, when
    /// the bytes are a mapped file, the pages of the rows just passed are dropped from the process, so
    /// a pass keeps only a few megabytes of the file resident. Another pass still reading them (a column
    /// read in parallel) just reads them again from the page cache.
    @inline(__always)
    func passed(row: Int) {
        if row & (Self.releaseRows &- 1) == 0, row >= Self.releaseRows, let mapping { release(mapping, before: row) }
    }

    private func release(_ mapping: UnsafePointer<UInt8>, before row: Int) {
        MappedCSVFile.release(mapping, span(row: row - Self.releaseRows, column: 0).start, span(row: row, column: 0).start)
    }

    /// Raw start and end offsets of field `column` in row `row` (row 0 is the header).
    @inline(__always)
    func span(row: Int, column: Int) -> (start: Int, end: Int) {
        let k = row &* columnCount &+ column
        if let relativeEnds {
            let base = Int(rowStarts[row])
            let start = column == 0 ? base : base &+ Int(relativeEnds[k &- 1]) &+ 1
            return (start, base &+ Int(relativeEnds[k]))
        }
        let ends = ends.unsafelyUnwrapped
        let start = column == 0 ? Int(rowStarts[row]) : Int(ends[k &- 1]) &+ 1
        return (start, Int(ends[k]))
    }
}
