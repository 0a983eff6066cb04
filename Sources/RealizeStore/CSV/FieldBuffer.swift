/// The offsets the tokenizer collects as it scans: each row's start and each field's end (see ``FieldIndex``).
///
/// Ends are collected as 16-bit offsets from their row's start, written so by the scan itself, as long
/// as every row is shorter than 64 KiB; the first field that ends 64 KiB or more past its row's start
/// turns the buffer wide (``widen()``): from then on ends are absolute 32-bit offsets. Writing the narrow
/// form straight away spares a second pass that rewrote 32-bit ends as 16-bit ones, and the 32-bit array
/// itself. The parallel tokenizer fills one buffer a chunk and then appends the later chunks to the first
/// (``append(_:)``), freeing each as it goes, so the index is never held twice.
struct FieldBuffer: ~Copyable {
    private var rowStarts: OffsetBuffer<UInt32>
    private var ends = OffsetBuffer<UInt32>(capacity: 0)
    private var relativeEnds: OffsetBuffer<UInt16>
    /// The start of the row being scanned: the base of its relative ends.
    private var rowStart = 0
    /// Whether the ends are kept relative to their rows, in ``relativeEnds``.
    private(set) var isNarrow = true
    /// The header's width, once the scan knows it (-1 before).
    var columns = -1

    /// A buffer for about `bytes` bytes of CSV (a guess: both arrays grow as needed).
    init(bytes: Int) {
        rowStarts = OffsetBuffer(capacity: bytes / 32 + 16)
        relativeEnds = OffsetBuffer(capacity: bytes / 4 + 16)
    }

    /// Rows begun so far.
    var rowCount: Int { rowStarts.count }
    /// Fields ended so far, over all rows.
    var fieldCount: Int { isNarrow ? relativeEnds.count : ends.count }

    /// A row starts at byte `offset`.
    @inline(__always)
    mutating func beginRow(_ offset: Int) {
        rowStarts.append(offset)
        rowStart = offset
    }

    /// The current row's next field ends at byte `offset` (exclusive); a field ending 64 KiB or more past
    /// its row's start turns the buffer wide.
    @inline(__always)
    mutating func endField(_ offset: Int) {
        if isNarrow {
            let relative = offset &- rowStart
            if relative <= Int(UInt16.max) {
                relativeEnds.append(relative)
                return
            }
            widen()
        }
        ends.append(offset)
    }

    /// Drops the last row, which holds exactly one field (a skipped blank line).
    mutating func dropBlankRow() {
        rowStarts.removeLast()
        if isNarrow { relativeEnds.removeLast() } else { ends.removeLast() }
    }

    /// Room for `n` more field ends relative to their row's start, written through the pointer before
    /// ``commitRow(_:fields:)``; only while ``isNarrow``.
    @inline(__always)
    mutating func narrowEndSpace(_ n: Int) -> UnsafeMutablePointer<UInt16> { relativeEnds.space(n) }

    /// Room for `n` more absolute field ends, written through the pointer before ``commitRow(_:fields:)``;
    /// only once the buffer is wide.
    @inline(__always)
    mutating func wideEndSpace(_ n: Int) -> UnsafeMutablePointer<UInt32> { ends.space(n) }

    /// Adds a row starting at byte `offset` whose `n` field ends were written to ``narrowEndSpace(_:)``
    /// or ``wideEndSpace(_:)`` (whichever ``isNarrow`` says).
    @inline(__always)
    mutating func commitRow(_ offset: Int, fields n: Int) {
        rowStarts.append(offset)
        rowStart = offset
        if isNarrow { relativeEnds.commit(n) } else { ends.commit(n) }
    }

    /// The raw span of field `k`, counting from the first field of the buffer, in a buffer whose
    /// first row starts with field 0 and whose rows all have at least `k` fields before it (the header).
    func headerField(_ k: Int) -> (start: Int, end: Int) {
        let base = rowStarts[0]
        func end(_ j: Int) -> Int { isNarrow ? base + relativeEnds[j] : ends[j] }
        return (k == 0 ? base : end(k - 1) + 1, end(k))
    }

    /// Turns the ends absolute (32-bit) for good: a row of 64 KiB or more was met, here or in another
    /// chunk of the same file. It may be called in the middle of a scan: every row but the last holds
    /// ``columns`` fields (all of them while the header is scanned), and the last the rest.
    mutating func widen() {
        guard isNarrow else { return }
        let rows = rowStarts.count, n = relativeEnds.count
        let width = columns > 0 ? columns : n
        let starts = rowStarts.pointer, relative = relativeEnds.pointer
        var absolute = OffsetBuffer<UInt32>(capacity: n * 2 + 16)
        absolute.withUninitialized(n) { out in
            var k = 0
            for r in 0..<rows {
                let base = starts[r]
                let stop = r == rows - 1 ? n : min(k + width, n)
                while k < stop {
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
