/// Dense ids for the entries of text dictionaries, equal strings (Swift's `==`) sharing one id: what a join
/// on text keys and the uniqueness check of a lookup join need, once per dictionary entry.
///
/// When every entry is ASCII, equal strings are equal bytes, so the entries are hashed as bytes in an
/// open-addressing table (no per-string `Hasher`); otherwise a `[String: Int32]` gives the canonical
/// equivalence of Unicode text (`é` composed or not).
enum TextIds {
    /// Ids for `right`'s entries (0..<count, in order of first appearance), and for each of `left`'s entries
    /// the id of the equal right entry, or -1 when no right entry equals it.
    static func shared(right: [String], left: [String]) -> (right: [Int32], left: [Int32], count: Int) {
        // One pass over each entry's bytes gives its hash and whether it is ASCII.
        let rightHashes = right.map(asciiHash)
        let leftHashes = left.map(asciiHash)
        if !rightHashes.contains(nil), !leftHashes.contains(nil) {
            var table = ByteTable(capacity: right.count)
            let r = right.indices.map { table.insert(right[$0], hash: rightHashes[$0]!) }
            return (r, left.indices.map { table.find(left[$0], hash: leftHashes[$0]!) }, table.count)
        }
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

    /// FNV-1a over the bytes of an ASCII string.
    @inline(__always) static func hash(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        return h
    }

    /// ``hash(_:)`` of `s` when it is ASCII, else nil: one pass over its contiguous bytes (a small string's are
    /// copied to the stack, a native one's read in place).
    @inline(__always) static func asciiHash(_ s: String) -> UInt64? {
        var s = s
        return s.withUTF8 { b -> UInt64? in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            var bits: UInt8 = 0
            for x in b {
                h = (h ^ UInt64(x)) &* 0x0000_0100_0000_01b3
                bits |= x
            }
            return bits < 0x80 ? h : nil
        }
    }

    /// Open addressing over ASCII strings: slot -> id, linear probing, at most half full.
    private struct ByteTable {
        var slots: [Int32]
        var strings: [String] = []
        let mask: Int
        var count: Int { strings.count }

        init(capacity: Int) {
            var size = 16
            while size < capacity * 2 { size <<= 1 }
            slots = [Int32](repeating: -1, count: size)
            mask = size - 1
            strings.reserveCapacity(capacity)
        }

        /// The id of `s` (whose ``TextIds/hash(_:)`` is `hash`), added if new.
        mutating func insert(_ s: String, hash: UInt64) -> Int32 {
            var i = Int(truncatingIfNeeded: hash) & mask
            while slots[i] >= 0 {
                if strings[Int(slots[i])] == s { return slots[i] }
                i = (i + 1) & mask
            }
            let id = Int32(strings.count)
            slots[i] = id
            strings.append(s)
            return id
        }

        /// The id of `s` (whose ``TextIds/hash(_:)`` is `hash`), or -1.
        func find(_ s: String, hash: UInt64) -> Int32 {
            var i = Int(truncatingIfNeeded: hash) & mask
            while slots[i] >= 0 {
                if strings[Int(slots[i])] == s { return slots[i] }
                i = (i + 1) & mask
            }
            return -1
        }
    }
}
