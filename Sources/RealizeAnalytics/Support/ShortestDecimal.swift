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
    /// range (a whole number, below 0.001, from 2^33, not finite) or a tie: then write `v.description`.
    static func write(_ v: Double, to out: UnsafeMutablePointer<UInt8>) -> Int? {
        let magnitude = abs(v)
        guard magnitude >= 0.001, magnitude < 8_589_934_592, magnitude != magnitude.rounded(.towardZero) else { return nil }
        let bits = magnitude.bitPattern
        let m = UInt128((bits & (1 << 52 - 1)) | 1 << 52)
        let s = 1075 + 1 - Int(bits >> 52)  // v = 2M / 2^s, 22 ≤ s ≤ 63 in the range
        let twoM = m << 1
        let mask = (UInt128(1) << s) - 1, half = UInt128(1) << (s - 1)
        /// The digits with `j` decimals when they read back as v; nil when none do, or on a tie.
        func digits(_ j: Int) -> UInt128?? {
            let p = powers[j]
            let c = twoM * p
            let rest = c & mask
            let distance = rest < half ? rest : (UInt128(1) << s) - rest
            guard distance < p else { return nil }
            return rest == half ? .some(nil) : .some((c + half) >> s)
        }
        // The least j that reads back: j = 20 always does (17 significant digits from 0.001 reach 10^-20; d may then
        // have 30 digits, hence 128 bits).
        var lo = 1, hi = 20
        guard case .some(let top) = digits(hi) else { return nil }
        var best = top
        while lo < hi {
            let mid = (lo + hi) / 2
            if case .some(let d) = digits(mid) {
                best = d
                hi = mid
            } else {
                lo = mid + 1
            }
        }
        // At most 17 significant digits read back (and the least j gives no trailing zero).
        guard let found = best, found < 100_000_000_000_000_000 else { return nil }
        let d = UInt64(found)
        // ASCII digits of d, then the point placed `lo` digits from the right ("0.00…" when d is shorter).
        var scratch: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes of digits, written from the right
        return withUnsafeMutableBytes(of: &scratch) { raw -> Int in
            var n = 0, x = d
            repeat {
                raw[23 - n] = UInt8(truncatingIfNeeded: x % 10) &+ 0x30
                x /= 10
                n += 1
            } while x > 0
            var k = 0
            if v < 0 {
                out[k] = UInt8(ascii: "-")
                k += 1
            }
            if n <= lo {
                out[k] = UInt8(ascii: "0")
                out[k + 1] = UInt8(ascii: ".")
                k += 2
                for _ in 0..<(lo - n) {
                    out[k] = UInt8(ascii: "0")
                    k += 1
                }
                for i in (24 - n)..<24 {
                    out[k] = raw[i]
                    k += 1
                }
            } else {
                for i in (24 - n)..<24 {
                    if i == 24 - lo {
                        out[k] = UInt8(ascii: ".")
                        k += 1
                    }
                    out[k] = raw[i]
                    k += 1
                }
            }
            return k
        }
    }

    /// 10^0 … 10^20.
    private static let powers: [UInt128] = (0...20).map { k in (0..<k).reduce(UInt128(1)) { a, _ in a * 10 } }
}
