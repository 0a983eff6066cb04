/// Encodes a ``FlatBufferTable`` tree as FlatBuffers bytes, front to back.
///
/// The usual builders write back to front; this one writes a parent before its children, so every
/// offset points forward as the format requires. Each table's vtable is written just before it.
/// Every scalar sits at its natural alignment from the start of the buffer, and the result's length
/// is a multiple of 8.
struct FlatBufferEncoder {
    private(set) var bytes: [UInt8] = []

    /// The encoding of `root`.
    static func encode(_ root: FlatBufferTable) -> [UInt8] {
        var e = FlatBufferEncoder()
        e.bytes = [0, 0, 0, 0]
        let position = e.write(root)
        e.patchOffset(at: 0, to: position)
        e.align(8)
        return e.bytes
    }

    private mutating func align(_ n: Int) {
        while bytes.count % n != 0 { bytes.append(0) }
    }

    private mutating func put<T: FixedWidthInteger>(_ v: T) {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
    }

    private mutating func set<T: FixedWidthInteger>(_ v: T, at position: Int) {
        withUnsafeBytes(of: v.littleEndian) { raw in
            for (k, b) in raw.enumerated() { bytes[position + k] = b }
        }
    }

    /// Stores at `position` the forward offset to `target`.
    private mutating func patchOffset(at position: Int, to target: Int) {
        set(UInt32(target - position), at: position)
    }

    /// Writes a table (vtable first) and its children; returns the table's position.
    private mutating func write(_ table: FlatBufferTable) -> Int {
        // Lay the fields out after the 4-byte vtable offset, largest first so that padding is rare.
        let ordered = table.fields.sorted { $0.value.inlineSize > $1.value.inlineSize }
        var layout: [(slot: Int, offset: Int, value: FlatBufferValue)] = []
        var size = 4
        for (slot, value) in ordered {
            let n = value.inlineSize
            size = (size + n - 1) / n * n
            layout.append((slot, size, value))
            size += n
        }
        let slots = (table.fields.map(\.slot).max() ?? -1) + 1
        // The vtable: its size, the table's size, then each slot's offset in the table (0 = absent).
        align(2)
        let vtable = bytes.count
        put(UInt16(4 + 2 * slots))
        put(UInt16(size))
        var entries = [UInt16](repeating: 0, count: slots)
        for item in layout { entries[item.slot] = UInt16(item.offset) }
        for e in entries { put(e) }
        align(8)
        let start = bytes.count
        put(Int32(start - vtable))
        bytes.append(contentsOf: [UInt8](repeating: 0, count: size - 4))
        var children: [(at: Int, value: FlatBufferValue)] = []
        for item in layout {
            let at = start + item.offset
            switch item.value {
            case .uint8(let v): bytes[at] = v
            case .bool(let v): bytes[at] = v ? 1 : 0
            case .int16(let v): set(v, at: at)
            case .int32(let v): set(v, at: at)
            case .int64(let v): set(v, at: at)
            case .table, .string, .tables, .structs: children.append((at, item.value))
            }
        }
        for (at, value) in children { patchOffset(at: at, to: writeChild(value)) }
        return start
    }

    /// Writes a string, a vector or a nested table; returns its position.
    private mutating func writeChild(_ value: FlatBufferValue) -> Int {
        switch value {
        case .table(let t):
            return write(t)
        case .string(let s):
            align(4)
            let start = bytes.count
            let utf8 = Array(s.utf8)
            put(UInt32(utf8.count))
            bytes.append(contentsOf: utf8)
            bytes.append(0)
            return start
        case .tables(let tables):
            align(4)
            let start = bytes.count
            put(UInt32(tables.count))
            bytes.append(contentsOf: [UInt8](repeating: 0, count: 4 * tables.count))
            for (k, t) in tables.enumerated() { patchOffset(at: start + 4 + 4 * k, to: write(t)) }
            return start
        case .structs(let raw, let count, let alignment):
            while (bytes.count + 4) % max(alignment, 4) != 0 { bytes.append(0) }
            let start = bytes.count
            put(UInt32(count))
            bytes.append(contentsOf: raw)
            return start
        case .uint8, .bool, .int16, .int32, .int64:
            return bytes.count  // scalars are never children
        }
    }
}
