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
        if right.allSatisfy(isASCII), left.allSatisfy(isASCII) {
            var table = ByteTable(capacity: right.count)
            let r = right.map { table.insert($0) }
            return (r, left.map { table.find($0) }, table.count)
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

    /// Whether every byte of `s` is ASCII (native strings are read in place).
    static func isASCII(_ s: String) -> Bool {
        s.utf8.withContiguousStorageIfAvailable { b in b.allSatisfy { $0 < 0x80 } } ?? s.utf8.allSatisfy { $0 < 0x80 }
    }

    /// FNV-1a over the bytes of an ASCII string.
    @inline(__always) static func hash(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        return h
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

        /// The id of `s`, added if new.
        mutating func insert(_ s: String) -> Int32 {
            var i = Int(truncatingIfNeeded: TextIds.hash(s)) & mask
            while slots[i] >= 0 {
                if strings[Int(slots[i])] == s { return slots[i] }
                i = (i + 1) & mask
            }
            let id = Int32(strings.count)
            slots[i] = id
            strings.append(s)
            return id
        }

        /// The id of `s`, or -1.
        func find(_ s: String) -> Int32 {
            var i = Int(truncatingIfNeeded: TextIds.hash(s)) & mask
            while slots[i] >= 0 {
                if strings[Int(slots[i])] == s { return slots[i] }
                i = (i + 1) & mask
            }
            return -1
        }
    }
}
