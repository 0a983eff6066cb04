/// Dense ids for the entries of text dictionaries, equal strings (Swift's `==`) sharing one id: what a join
/// on text keys and the uniqueness check of a lookup join need, once per dictionary entry.
///
/// When every entry is ASCII, equal strings are equal bytes, so the entries are hashed as bytes (eight at a
/// time) in an open-addressing table that keeps each slot's hash, so that a probe compares strings only when
/// the hashes agree; otherwise a `[String: Int32]` gives the canonical equivalence of Unicode text (`é`
/// composed or not, the Kelvin sign and `K`).
enum TextIds {
    /// Ids for `right`'s entries (0..<count, in order of first appearance), and for each of `left`'s entries
    /// the id of the equal right entry, or -1 when no right entry equals it.
    ///
    /// Only `right` goes into the table; each left entry is hashed and looked up once, so a narrowed right (the
    /// few keys a pushed filter kept) costs one hash per left entry and few string comparisons.
    static func shared(right: [String], left: [String]) -> (right: [Int32], left: [Int32], count: Int) {
        shared(right: right, left: left[...])
    }

    /// ``shared(right:left:)`` for a part of a left dictionary, read in place (a part per core).
    static func shared(right: [String], left: ArraySlice<String>) -> (right: [Int32], left: [Int32], count: Int) {
        if let r = asciiIds(right: right, left: left) { return r }
        var byText: [String: Int32] = [:]
        byText.reserveCapacity(right.count)
        let r = right.map { s -> Int32 in
            if let id = byText[s] { return id }
            let id = Int32(byText.count)
            byText[s] = id
            return id
        }
        return (r, left.map { byText[$0] ?? -1 }, byText.count)
    }

    /// Whether `s` is known to be ASCII without reading its bytes: the flag a string keeps from when it was made
    /// (false where the standard library has no `UTF8Span`, or the flag is not set, as for some bridged strings).
    @inline(__always) static func isKnownASCII(_ s: String) -> Bool {
        if #available(macOS 26, *) { return s.utf8Span.isKnownASCII }
        return false
    }

    /// ``shared(right:left:)`` by bytes, or nil when some entry of either side is not ASCII.
    private static func asciiIds(right: [String], left: ArraySlice<String>) -> (right: [Int32], left: [Int32], count: Int)? {
        var table = ByteTable(capacity: right.count)
        var r = [Int32]()
        r.reserveCapacity(right.count)
        for s in right {
            guard let h = asciiHash(s) else { return nil }
            r.append(table.insert(s, hash: h))
        }
        var l = [Int32]()
        l.reserveCapacity(left.count)
        for s in left {
            guard let h = asciiHash(s) else { return nil }
            l.append(table.find(s, hash: h))
        }
        return (r, l, table.count)
    }

    /// A hash of `s`'s bytes (eight at a time, then the tail), or nil when `s` is not ASCII: one pass over its
    /// contiguous bytes (a small string's are copied to the stack, a native one's read in place).
    @inline(__always) static func asciiHash(_ s: String) -> UInt64? {
        var s = s
        return s.withUTF8 { b -> UInt64? in
            let n = b.count
            var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(n)
            var bits: UInt64 = 0
            let raw = UnsafeRawBufferPointer(b)
            var i = 0
            while i + 8 <= n {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                bits |= w
                h = (h ^ w) &* 0x0000_0100_0000_01b3
                h ^= h >> 29
                i += 8
            }
            if i < n {
                var w: UInt64 = 0
                var shift: UInt64 = 0
                while i < n {
                    w |= UInt64(b[i]) << shift
                    shift += 8
                    i += 1
                }
                bits |= w
                h = (h ^ w) &* 0x0000_0100_0000_01b3
            }
            guard bits & 0x8080_8080_8080_8080 == 0 else { return nil }
            // The table takes the low bits: mix the high ones down.
            h ^= h >> 32
            h = h &* 0xbf58_476d_1ce4_e5b9
            return h ^ (h >> 29)
        }
    }

    /// Open addressing over ASCII strings: slot -> id and the entry's hash, linear probing, at most half full.
    private struct ByteTable {
        var slots: [Int32]
        var hashes: [UInt64]
        var strings: [String] = []
        let mask: Int
        var count: Int { strings.count }

        init(capacity: Int) {
            var size = 16
            while size < capacity * 2 { size <<= 1 }
            slots = [Int32](repeating: -1, count: size)
            hashes = [UInt64](repeating: 0, count: size)
            mask = size - 1
            strings.reserveCapacity(capacity)
        }

        /// The id of `s` (whose ``TextIds/asciiHash(_:)`` is `hash`), added if new.
        mutating func insert(_ s: String, hash: UInt64) -> Int32 {
            var i = Int(truncatingIfNeeded: hash) & mask
            while slots[i] >= 0 {
                if hashes[i] == hash, strings[Int(slots[i])] == s { return slots[i] }
                i = (i + 1) & mask
            }
            let id = Int32(strings.count)
            slots[i] = id
            hashes[i] = hash
            strings.append(s)
            return id
        }

        /// The id of `s` (whose ``TextIds/asciiHash(_:)`` is `hash`), or -1.
        func find(_ s: String, hash: UInt64) -> Int32 {
            var i = Int(truncatingIfNeeded: hash) & mask
            while slots[i] >= 0 {
                if hashes[i] == hash, strings[Int(slots[i])] == s { return slots[i] }
                i = (i + 1) & mask
            }
            return -1
        }
    }
}
