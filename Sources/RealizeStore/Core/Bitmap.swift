/// A packed bit set, one bit per row; used as a column's validity (non-null) mask.
public struct Bitmap: Sendable, Hashable {
    /// 64 rows per word, least significant bit first.
    public var words: [UInt64]
    /// Number of bits.
    public private(set) var count: Int

    /// A bitmap of `count` bits, all set to `value`.
    public init(count: Int, value: Bool) {
        self.count = count
        let n = (count + 63) >> 6
        words = Array(repeating: value ? ~0 : 0, count: n)
        if value, count & 63 != 0, n > 0 { words[n - 1] = (1 << UInt64(count & 63)) - 1 }
    }

    @inlinable public subscript(i: Int) -> Bool {
        get { words[i >> 6] & (1 << UInt64(i & 63)) != 0 }
        set {
            if newValue { words[i >> 6] |= (1 << UInt64(i & 63)) } else { words[i >> 6] &= ~(1 << UInt64(i & 63)) }
        }
    }

    /// Appends one bit.
    public mutating func append(_ v: Bool) {
        if count & 63 == 0 { words.append(0) }
        count += 1
        if v { self[count - 1] = true }
    }

    /// Number of set bits.
    public var popCount: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }
}
