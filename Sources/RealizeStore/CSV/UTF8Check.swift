/// Validation of multi-byte UTF-8 sequences, byte by byte (RFC 3629: no overlongs, no surrogates).
enum UTF8Check {
    /// Whether `buffer` is well-formed UTF-8: ASCII eight bytes at a time, other sequences by ``sequenceLength(_:_:_:)``.
    static func isValid(_ buffer: UnsafeRawBufferPointer) -> Bool {
        guard let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return true }
        let count = buffer.count
        var i = 0
        while i < count {
            if i + 8 <= count, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
            } else if base[i] < 0x80 {
                i += 1
            } else if let n = sequenceLength(base, i, count) {
                i += n
            } else {
                return false
            }
        }
        return true
    }

    /// The length of the valid sequence starting at `p[i]` (a byte ≥ 0x80), or nil if it is invalid.
    @inline(__always)
    static func sequenceLength(_ p: UnsafePointer<UInt8>, _ i: Int, _ count: Int) -> Int? {
        let c0 = p[i]
        let need: Int
        var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
        switch c0 {
        case 0xC2...0xDF: need = 1
        case 0xE0: need = 2; lo = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: need = 2
        case 0xED: need = 2; hi = 0x9F
        case 0xF0: need = 3; lo = 0x90
        case 0xF1...0xF3: need = 3
        case 0xF4: need = 3; hi = 0x8F
        default: return nil
        }
        guard i + need < count else { return nil }
        let c1 = p[i + 1]
        guard c1 >= lo && c1 <= hi else { return nil }
        var k = 2
        while k <= need {
            guard p[i + k] & 0xC0 == 0x80 else { return nil }
            k += 1
        }
        return need + 1
    }
}
