import RealizeStore

/// The text of a sparkline series, written into one buffer: the same text as ``DisplayHint/seriesText(_:)``,
/// without a string per item and a join.
///
/// Each finite value is written as ``Value/formatDouble(_:)`` writes it: a whole number below 10^15 as an integer,
/// otherwise Swift's shortest round-trip form (``ShortestDecimal`` writes it for the usual values, `description`
/// for the rest); a nil or non-finite value leaves an empty item.
enum SeriesText {
    /// The longest item: `description` of a double is at most 24 bytes, an integer below 10^15 at most 16.
    private static let itemBytes = 24

    /// - Complexity: O(n) in the values, one allocation for the result.
    static func of(_ values: [Double?]) -> String {
        String(unsafeUninitializedCapacity: values.count * (itemBytes + 1)) { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            var n = 0
            for (i, v) in values.enumerated() {
                if i > 0 {
                    base[n] = UInt8(ascii: ";")
                    n += 1
                }
                guard let v, v.isFinite else { continue }
                // `v == v.rounded() && |v| < 10^15` without the call into libm: below 10^15, v is whole when
                // its truncation to an integer is v itself.
                if abs(v) < 1e15, Double(Int64(v)) == v {
                    n += writeInteger(Int64(v), to: base + n)
                } else if let k = ShortestDecimal.write(v, to: base + n) {
                    n += k
                } else {
                    var text = v.description
                    n += text.withUTF8 { bytes in
                        (base + n).update(from: bytes.baseAddress!, count: bytes.count)
                        return bytes.count
                    }
                }
            }
            return n
        }
    }

    /// The decimal digits of `x` (with `-` when negative, `0` for zero and −0) at `out`; their count.
    private static func writeInteger(_ x: Int64, to out: UnsafeMutablePointer<UInt8>) -> Int {
        var k = 0
        if x < 0 {
            out[0] = UInt8(ascii: "-")
            k = 1
        }
        var m = x.magnitude, digits = 0
        repeat {
            digits += 1
            m /= 10
        } while m > 0
        m = x.magnitude
        for i in stride(from: k + digits - 1, through: k, by: -1) {
            out[i] = UInt8(truncatingIfNeeded: m % 10) &+ 0x30
            m /= 10
        }
        return k + digits
    }
}
