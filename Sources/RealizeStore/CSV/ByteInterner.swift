/// Dictionary-encodes byte strings: equal bytes get equal codes, codes count up from 0.
///
/// An open-addressing hash table keyed by the bytes themselves, so that no `String` is built per
/// field: the distinct values are copied once into an arena and become `String`s at the end.
package struct ByteInterner {
    private var arena: [UInt8] = []
    private var starts: [Int] = []  // entry k is arena[starts[k] ..< starts[k + 1]]
    private var hashes: [UInt64] = []
    private var slots: [UInt32]  // code + 1, or 0 for an empty slot
    private var mask: Int
    private var lastCode: UInt32 = .max

    package init() {
        slots = Array(repeating: 0, count: 64)
        mask = 63
        starts = [0]
    }

    /// Number of distinct values.
    package var count: Int { hashes.count }

    /// The code of `p[0..<length]`, adding it if new.
    @inline(__always)
    package mutating func intern(_ p: UnsafePointer<UInt8>, _ length: Int) -> UInt32 {
        // Runs of one value are common (a key repeated on consecutive rows): check the last one first.
        if lastCode != .max && equals(lastCode, p, length) { return lastCode }
        let h = Self.hash(p, length)
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let s = slots[slot]
            if s == 0 { break }
            let code = s - 1
            if hashes[Int(code)] == h && equals(code, p, length) { lastCode = code; return code }
            slot = (slot + 1) & mask
        }
        let code = UInt32(hashes.count)
        arena.append(contentsOf: UnsafeBufferPointer(start: p, count: length))
        starts.append(arena.count)
        hashes.append(h)
        slots[slot] = code + 1
        if hashes.count * 2 > mask { grow() }
        lastCode = code
        return code
    }

    @inline(__always)
    private func equals(_ code: UInt32, _ p: UnsafePointer<UInt8>, _ length: Int) -> Bool {
        let a = starts[Int(code)], b = starts[Int(code) + 1]
        guard b - a == length else { return false }
        return arena.withUnsafeBufferPointer { buf in
            length == 0 || memoryEqual(buf.baseAddress! + a, p, length)
        }
    }

    private mutating func grow() {
        let capacity = (mask + 1) * 2
        mask = capacity - 1
        slots = Array(repeating: 0, count: capacity)
        for (code, h) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: h) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = UInt32(code + 1)
        }
    }

    /// The distinct values as strings, in code order. The bytes must be valid UTF-8.
    package func strings() -> [String] {
        arena.withUnsafeBufferPointer { buf in
            (0..<count).map { k in
                String(decoding: UnsafeBufferPointer(rebasing: buf[starts[k]..<starts[k + 1]]), as: UTF8.self)
            }
        }
    }

    /// A fast 64-bit hash of a byte string, eight bytes at a time.
    @inline(__always)
    static func hash(_ p: UnsafePointer<UInt8>, _ length: Int) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(length)
        var k = 0
        let raw = UnsafeRawPointer(p)
        while k + 8 <= length {
            h = (h ^ raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            k += 8
        }
        var tail: UInt64 = 0, shift: UInt64 = 0
        while k < length {
            tail |= UInt64(p[k]) << shift
            shift += 8
            k += 1
        }
        h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
        return h ^ (h >> 29)
    }
}

/// Whether `n` bytes at `a` and `b` are equal.
@inline(__always)
func memoryEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    var k = 0
    let ra = UnsafeRawPointer(a), rb = UnsafeRawPointer(b)
    while k + 8 <= n {
        if ra.loadUnaligned(fromByteOffset: k, as: UInt64.self) != rb.loadUnaligned(fromByteOffset: k, as: UInt64.self) { return false }
        k += 8
    }
    while k < n {
        if a[k] != b[k] { return false }
        k += 1
    }
    return true
}
