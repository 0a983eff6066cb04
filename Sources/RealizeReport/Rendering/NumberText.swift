/// The text of a number with thousands separators, written digit by digit from the right into a buffer on the
/// stack and made into a `String` once.
///
/// Hand-written rather than `String(v)` plus grouping and padding: a cell built that way took several thousand
/// instructions (`nps by program quarterly`, 200,000 cells, measured with callgrind), most of it in
/// intermediate strings; writing bytes takes a few hundred.
enum NumberText {
    /// Room for the longest text: a sign, 39 digits with 12 commas, a point and 19 decimals.
    private static let capacity = 80

    /// `10^k` for k in 0...19, the powers a `UInt64` holds.
    static let pow10: [UInt64] = (0...19).map { k in (0..<k).reduce(1) { acc, _ in acc * 10 } }

    /// `10^k` as a `Double` for k in 0...19; each is exact (every power of ten up to 10^22 is), so it equals
    /// the converted `Int128` power it replaces, without the generic integer-to-float conversion.
    static let pow10Double: [Double] = pow10.map { Double($0) }

    /// `[-]whole[.fraction]`: `whole` grouped by commas, `fraction` zero-padded to `places` digits (none when
    /// `places` is 0).
    ///
    /// - Parameters:
    ///   - negative: whether to put a minus sign in front.
    ///   - whole: the integer part.
    ///   - fraction: the decimals as an integer below `10^places`.
    ///   - places: how many decimals to write, 0...19.
    static func fixed(negative: Bool, whole: UInt64, fraction: UInt64, places: Int) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            var writer = Writer(buffer)
            writer.fraction(fraction, places: places)
            writer.grouped(whole)
            if negative { writer.byte(UInt8(ascii: "-")) }
            return writer.string
        }
    }

    /// ``fixed(negative:whole:fraction:places:)`` for an integer part that may not fit in 64 bits.
    static func fixed(negative: Bool, whole: UInt128, fraction: UInt64, places: Int) -> String {
        if let small = UInt64(exactly: whole) {
            return fixed(negative: negative, whole: small, fraction: fraction, places: places)
        }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            var writer = Writer(buffer)
            writer.fraction(fraction, places: places)
            // Below 2^128, so the part above the low 19 digits is below 10^20 and fits in 64 bits.
            let (high, low) = whole.quotientAndRemainder(dividingBy: UInt128(pow10[19]))
            writer.grouped(UInt64(low), digits: 19)
            writer.grouped(UInt64(high), from: 19)
            if negative { writer.byte(UInt8(ascii: "-")) }
            return writer.string
        }
    }

    /// Writes right to left into a buffer, keeping count of the integer digits for the commas.
    private struct Writer {
        let base: UnsafeMutablePointer<UInt8>
        let end: Int
        var start: Int

        init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
            base = buffer.baseAddress!
            end = buffer.count
            start = end
        }

        mutating func byte(_ b: UInt8) {
            start -= 1
            base[start] = b
        }

        /// `.` and `places` digits of `value`, zero-padded; nothing when `places` is 0.
        mutating func fraction(_ value: UInt64, places: Int) {
            guard places > 0 else { return }
            var v = value
            for _ in 0..<places {
                byte(0x30 + UInt8(truncatingIfNeeded: v % 10))
                v /= 10
            }
            byte(UInt8(ascii: "."))
        }

        /// The digits of `value` (at least `digits` of them, zero-padded), a comma before every third integer
        /// digit counting from the units; `from` is how many integer digits are already written.
        mutating func grouped(_ value: UInt64, digits: Int = 1, from: Int = 0) {
            var v = value
            var written = from
            while v != 0 || written - from < digits {
                if written > 0 && written % 3 == 0 { byte(UInt8(ascii: ",")) }
                byte(0x30 + UInt8(truncatingIfNeeded: v % 10))
                v /= 10
                written += 1
            }
        }

        /// The bytes written, as a string (ASCII, so no repair is needed).
        var string: String {
            let count = end - start
            let source = UnsafePointer(base + start)
            return String(unsafeUninitializedCapacity: count) { out in
                out.baseAddress!.update(from: source, count: count)
                return count
            }
        }
    }
}
