/// The field boundaries of a CSV buffer: what the tokenizer finds in its one pass.
///
/// Spans are kept row-major, two `UInt32` offsets per field (start, end) covering the raw field
/// including any enclosing quotes. Row 0 is the header. Offsets are 32-bit, so a file is limited
/// to 4 GiB; this keeps the index at 8 bytes a field.
final class FieldIndex {
    /// Fields per row (the header's width).
    let columnCount: Int
    /// Number of rows, the header included.
    let rowCountWithHeader: Int
    private let storage: UnsafeMutablePointer<UInt32>

    init(columnCount: Int, rows: Int, spans: consuming SpanBuffer) {
        self.columnCount = columnCount
        self.rowCountWithHeader = rows
        self.storage = spans.take()
    }

    deinit { storage.deallocate() }

    /// Data rows (the header excluded).
    var rowCount: Int { rowCountWithHeader - 1 }

    /// Raw start and end offsets of field `column` in row `row` (row 0 is the header).
    @inline(__always)
    func span(row: Int, column: Int) -> (start: Int, end: Int) {
        let k = (row * columnCount + column) &* 2
        return (Int(storage[k]), Int(storage[k + 1]))
    }
}

/// A growable buffer of field offsets, cheaper to append to than an `Array` in the tokenizer loop.
struct SpanBuffer: ~Copyable {
    private var base: UnsafeMutablePointer<UInt32>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    @inline(__always)
    mutating func append(_ start: Int, _ end: Int) {
        if count + 2 > capacity { grow() }
        base[count] = UInt32(truncatingIfNeeded: start)
        base[count + 1] = UInt32(truncatingIfNeeded: end)
        count += 2
    }

    /// The raw span of field `k` (counting from the first field of the buffer).
    func field(_ k: Int) -> (start: Int, end: Int) { (Int(base[2 * k]), Int(base[2 * k + 1])) }

    /// Drops the last field (a skipped blank line).
    mutating func removeLast() { count -= 2 }

    private mutating func grow() {
        let newCapacity = capacity * 2
        let newBase = UnsafeMutablePointer<UInt32>.allocate(capacity: newCapacity)
        newBase.moveInitialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    /// Hands the storage over; the buffer is consumed.
    consuming func take() -> UnsafeMutablePointer<UInt32> {
        let b = base
        discard self
        return b
    }
}
