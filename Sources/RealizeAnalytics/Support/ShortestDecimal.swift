/// Swift's text of a double (`description`: the shortest digits that read back as the same double, the closest
/// of them to it) for a value that is not a whole number, between 0.001 and 2^33, written as bytes: the values of
/// a metric series (ratios such as CPI near 1, money amounts with cents), a couple of hundred per group.
///
/// With v = 2M / 2^s exactly (M the 53-bit significand), the doubles that read back as v are those within 1 / 2^s
/// of it; the text with j decimals is the integer d nearest to v × 10^j when |2M × 10^j − d × 2^s| < 10^j, and
/// the shortest text is the one with the fewest decimals j (a text with j decimals, written with a zero more, has
/// j + 1, so the j that work are all those from the least one up: a binary search finds it). Every number is
/// exact in 128 bits: 2M < 2^54 and 10^j ≤ 10^20 < 2^67. Within the range an interval's ends have s > 20 decimals,
/// so no candidate is on an end; a candidate exactly halfway between two integers is left to Swift.
enum ShortestDecimal {
    /// Writes the text of `v` at `out` (at most 24 bytes) and returns its length, or nil when `v` is outside the
    /// range (a whole number, below 0.001, from 2^33, not finite), a power of two or a tie: then write `v.description`.
    static func write(_ v: Double, to out: UnsafeMutablePointer<UInt8>) -> Int? {
        let magnitude = abs(v)
        guard magnitude >= 0.001, magnitude < 8_589_934_592, Double(Int64(magnitude)) != magnitude else { return nil }
        let bits = magnitude.bitPattern
        // A power of two has a nearer neighbour below than above: not the symmetric interval used here.
        guard bits & (1 << 52 - 1) != 0 else { return nil }
        let twoM = UInt128(((bits & (1 << 52 - 1)) | 1 << 52) << 1)
        let s = 1076 - Int(bits >> 52)  // v = 2M / 2^s, 21 ≤ s ≤ 63 in the range
        let mask = UInt64(1) << s - 1, half = UInt64(1) << (s - 1)
        let powers = Self.powers
        /// Whether some text with `j` decimals reads back as v; `digits` is then the nearest, or nil on a tie.
        func probe(_ j: Int) -> (reads: Bool, digits: UInt128?) {
            let p = powers[j]
            let c = twoM &* p
            let rest = UInt64(truncatingIfNeeded: c) & mask
            let distance = rest < half ? rest : mask &- rest &+ 1
            guard UInt128(distance) < p else { return (false, nil) }
            return (true, rest == half ? nil : (c &+ UInt128(half)) &>> s)
        }
        // The least j that reads back. ⌊log10 v⌋ is `lead` or lead + 1 (log10 2 ≈ 78913 / 2^18), so j = 14 − lead
        // gives 15 or 16 significant digits: when it reads back, a binary search below it; otherwise 16, 17 or 18
        // digits (j = 20 always reads back: 17 significant digits from 0.001 reach 10^-20, so d may have 30
        // digits, hence 128 bits). Which j are tried changes only how many, never the answer.
        let lead = ((Int(bits >> 52) - 1023) * 78913) >> 18
        var lo = 1, hi = min(20, max(1, 14 - lead))
        var found = probe(hi)
        if found.reads {
            while lo < hi {
                let mid = (lo + hi) / 2
                let p = probe(mid)
                if p.reads {
                    (found, hi) = (p, mid)
                } else {
                    lo = mid + 1
                }
            }
        } else {
            while !found.reads && hi < 20 {
                hi += 1
                found = probe(hi)
            }
        }
        // At most 17 significant digits read back (and the least j gives no trailing zero).
        guard found.reads, let digits = found.digits, digits < 100_000_000_000_000_000 else { return nil }
        let j = hi
        var d = UInt64(digits)
        var n = 1
        let tens = Self.tens  // once: each access to the static checks its initialisation
        while n < 17 && d >= tens[n] { n += 1 }
        var k = 0
        if v < 0 {
            out[0] = UInt8(ascii: "-")
            k = 1
        }
        // "0.00ddd" when d has no more digits than decimals, else "ddd.ddd"; written from the right.
        let end: Int
        var at: Int
        if n <= j {
            out[k] = UInt8(ascii: "0")
            out[k + 1] = UInt8(ascii: ".")
            for z in 0..<(j - n) { out[k + 2 + z] = UInt8(ascii: "0") }
            end = k + 2 + j
            at = end - 1
        } else {
            end = k + n + 1
            at = end - 1
            for _ in 0..<j {
                out[at] = UInt8(truncatingIfNeeded: d % 10) &+ 0x30
                d /= 10
                at -= 1
            }
            out[at] = UInt8(ascii: ".")
            at -= 1
        }
        while at >= end - (n <= j ? n : n + 1) {
            out[at] = UInt8(truncatingIfNeeded: d % 10) &+ 0x30
            d /= 10
            at -= 1
        }
        return end
    }

    /// 10^0 … 10^16, for the digit count.
    private static let tens: [UInt64] = (0...16).map { k in (0..<k).reduce(UInt64(1)) { a, _ in a * 10 } }

    /// 10^0 … 10^20.
    private static let powers: [UInt128] = (0...20).map { k in (0..<k).reduce(UInt128(1)) { a, _ in a * 10 } }
}
