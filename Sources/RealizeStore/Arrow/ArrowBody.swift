/// The body of one IPC message being written: buffers at 64-byte aligned offsets, with their
/// (offset, length) pairs and the (length, null count) node of each array.
struct ArrowBody {
    var bytes: [UInt8] = []
    var buffers: [(Int, Int)] = []
    var nodes: [(Int, Int)] = []

    /// Appends a buffer from raw memory.
    mutating func add(_ raw: UnsafeRawBufferPointer) {
        let start = bytes.count
        bytes.append(contentsOf: raw)
        buffers.append((start, raw.count))
        while bytes.count % 64 != 0 { bytes.append(0) }
    }

    /// Appends the bytes of an array of fixed-width values.
    mutating func add<T>(_ values: [T]) {
        values.withUnsafeBytes { add($0) }
    }

    /// Appends an empty buffer (an absent validity bitmap).
    mutating func addEmpty() { buffers.append((bytes.count, 0)) }

    /// Appends a validity buffer (LSB first, 1 = valid), or an empty one when there are no nulls.
    mutating func addValidity(_ bitmap: Bitmap?, count: Int) {
        guard let bitmap, bitmap.popCount != bitmap.count else { return addEmpty() }
        bitmap.words.withUnsafeBytes { add(UnsafeRawBufferPointer(rebasing: $0[0..<(count + 7) / 8])) }
    }

    /// Appends the bit-packed values of a boolean array.
    mutating func addBits(_ values: [Bool]) {
        var packed = [UInt8](repeating: 0, count: (values.count + 7) / 8)
        for (i, v) in values.enumerated() where v { packed[i >> 3] |= 1 << UInt8(i & 7) }
        add(packed)
    }
}
