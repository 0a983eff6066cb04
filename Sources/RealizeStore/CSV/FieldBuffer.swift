/// The offsets the tokenizer collects as it scans: each row's start and each field's end (see ``FieldIndex``).
///
/// Ends are collected as absolute 32-bit offsets; ``narrow()`` then rewrites them as 16-bit offsets from
/// their row's start when every row is shorter than 64 KiB, halving their memory. The parallel
/// tokenizer fills one buffer a chunk and then appends the later chunks to the first
/// (``append(_:)``), freeing each as it goes, so the index is never held twice.
struct FieldBuffer: ~Copyable {
    private var rowStarts: OffsetBuffer<UInt32>
    private var ends: OffsetBuffer<UInt32>
    private var relativeEnds = OffsetBuffer<UInt16>(capacity: 0)
    /// Whether the ends are kept relative to their rows, in ``relativeEnds``.
    private(set) var isNarrow = false
    /// The header's width, once the scan knows it (-1 before).
    var columns = -1

    /// A buffer for about `bytes` bytes of CSV (a guess: both arrays grow as needed).
    init(bytes: Int) {
        rowStarts = OffsetBuffer(capacity: bytes / 32 + 16)
        ends = OffsetBuffer(capacity: bytes / 4 + 16)
    }

    /// Rows begun so far.
    var rowCount: Int { rowStarts.count }
    /// Fields ended so far, over all rows.
    var fieldCount: Int { isNarrow ? relativeEnds.count : ends.count }

    /// A row starts at byte `offset`.
    @inline(__always)
    mutating func beginRow(_ offset: Int) { rowStarts.append(offset) }

    /// The current row's next field ends at byte `offset` (exclusive).
    @inline(__always)
    mutating func endField(_ offset: Int) { ends.append(offset) }

    /// Drops the last row, which holds exactly one field (a skipped blank line).
    mutating func dropBlankRow() {
        rowStarts.removeLast()
        ends.removeLast()
    }

    /// Room for `n` more field ends (absolute offsets), written through the pointer before ``commitRow(_:fields:)``.
    @inline(__always)
    mutating func endSpace(_ n: Int) -> UnsafeMutablePointer<UInt32> { ends.space(n) }

    /// Adds a row starting at byte `offset` whose `n` field ends were written to ``endSpace(_:)``.
    @inline(__always)
    mutating func commitRow(_ offset: Int, fields n: Int) {
        rowStarts.append(offset)
        ends.commit(n)
    }

    /// The raw span of field `k`, counting from the first field of the buffer, in a buffer whose
    /// first row starts with field 0 and whose rows all have at least `k` fields before it (the header).
    func headerField(_ k: Int) -> (start: Int, end: Int) {
        (k == 0 ? rowStarts[0] : ends[k - 1] + 1, ends[k])
    }

    /// Rewrites the ends relative to their rows' starts in 16 bits, when every row of ``columns`` fields
    /// is shorter than 64 KiB. Call it once the scan is complete.
    mutating func narrow() {
        let rows = rowStarts.count, width = columns
        guard !isNarrow, width > 0, ends.count == rows * width else { return }
        let starts = rowStarts.pointer, absolute = ends.pointer
        for r in 0..<rows where Int(absolute[r * width + width - 1]) - Int(starts[r]) > Int(UInt16.max) { return }
        var relative = OffsetBuffer<UInt16>(capacity: ends.count)
        relative.withUninitialized(ends.count) { out in
            var k = 0
            for r in 0..<rows {
                let base = starts[r]
                for _ in 0..<width {
                    out[k] = UInt16(truncatingIfNeeded: absolute[k] &- base)
                    k &+= 1
                }
            }
        }
        relativeEnds = relative
        ends = OffsetBuffer(capacity: 0)
        isNarrow = true
    }

    /// Undoes ``narrow()``: the ends as absolute 32-bit offsets again.
    mutating func widen() {
        guard isNarrow else { return }
        let rows = rowStarts.count, width = columns
        let starts = rowStarts.pointer, relative = relativeEnds.pointer
        var absolute = OffsetBuffer<UInt32>(capacity: relativeEnds.count)
        absolute.withUninitialized(relativeEnds.count) { out in
            var k = 0
            for r in 0..<rows {
                let base = starts[r]
                for _ in 0..<width {
                    out[k] = base &+ UInt32(relative[k])
                    k &+= 1
                }
            }
        }
        ends = absolute
        relativeEnds = OffsetBuffer(capacity: 0)
        isNarrow = false
    }

    /// Appends the rows of `other` (a later chunk of the same file, narrow exactly when this one is), freeing it.
    mutating func append(_ other: consuming FieldBuffer) {
        precondition(isNarrow == other.isNarrow, "chunks joined in different widths")
        let (rows, fields) = (other.rowCount, other.fieldCount)
        let (starts, absolute, relative) = (other.rowStarts.take(), other.ends.take(), other.relativeEnds.take())
        rowStarts.append(contentsOf: starts, count: rows)
        if isNarrow {
            relativeEnds.append(contentsOf: relative, count: fields)
        } else {
            ends.append(contentsOf: absolute, count: fields)
        }
        OffsetBuffer<UInt32>.release(starts)
        OffsetBuffer<UInt32>.release(absolute)
        OffsetBuffer<UInt16>.release(relative)
    }

    /// Makes room for `rows` more rows and `fields` more fields without growing again.
    mutating func reserve(rows: Int, fields: Int) {
        rowStarts.reserve(rowStarts.count + rows)
        if isNarrow { relativeEnds.reserve(relativeEnds.count + fields) } else { ends.reserve(ends.count + fields) }
    }

    /// Hands the arrays over, trimmed to their counts: the row starts, and the absolute ends or (when
    /// narrow) the relative ones, the other being nil.
    consuming func take() -> Storage {
        let narrow = isNarrow
        let (starts, absolute, relative) = (rowStarts.take(), ends.take(), relativeEnds.take())
        if narrow {
            OffsetBuffer<UInt32>.release(absolute)
            return Storage(rowStarts: starts, ends: nil, relativeEnds: relative)
        }
        OffsetBuffer<UInt16>.release(relative)
        return Storage(rowStarts: starts, ends: absolute, relativeEnds: nil)
    }

    /// The arrays handed over by ``take()``; release each with ``OffsetBuffer/release(_:)``.
    struct Storage {
        let rowStarts: UnsafeMutablePointer<UInt32>
        let ends: UnsafeMutablePointer<UInt32>?
        let relativeEnds: UnsafeMutablePointer<UInt16>?
    }
}
