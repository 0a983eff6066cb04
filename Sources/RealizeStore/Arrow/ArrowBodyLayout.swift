/// The layout of one IPC message body, computed before any byte of it is written: the
/// (length, null count) node of each array and the (offset, length) of each buffer, every buffer
/// starting at a 64-byte aligned offset (padded with zeros after it).
struct ArrowBodyLayout {
    var nodes: [(Int, Int)] = []
    var buffers: [(Int, Int)] = []
    /// The body's length in bytes.
    var length = 0

    /// `n` rounded up to a multiple of 64.
    static func padded(_ n: Int) -> Int { (n + 63) & ~63 }

    /// Reserves a buffer of `count` bytes.
    mutating func add(_ count: Int) {
        buffers.append((length, count))
        length += Self.padded(count)
    }

    /// The layout of the record batch of `table`: for each column its validity bitmap (empty when
    /// there are no nulls), then its values (Decimal128 whatever the width in memory, bits for bools).
    init(_ table: Table) {
        for column in table.columns {
            let n = column.count
            nodes.append((n, column.nullCount))
            add(Self.hasValidity(column) ? (n + 7) / 8 : 0)
            switch column.storage {
            case .int, .double: add(n * 8)
            case .decimal: add(n * 16)
            case .date, .period, .text: add(n * 4)
            case .bool: add((n + 7) / 8)
            }
        }
    }

    /// The layout of a dictionary batch of `count` Utf8 values holding `bytes` bytes of text.
    init(dictionary count: Int, bytes: Int) {
        nodes = [(count, 0)]
        add(0)
        add((count + 1) * 4)
        add(bytes)
    }

    /// Whether `column` is written with a validity bitmap (it has one and some value is null).
    static func hasValidity(_ column: Column) -> Bool {
        guard let bitmap = column.validity else { return false }
        return bitmap.popCount != bitmap.count
    }
}
