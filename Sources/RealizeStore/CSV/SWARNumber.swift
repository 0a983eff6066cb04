/// Plain numbers read eight bytes at a time (SWAR: SIMD within a register), for ``SpeculativeDecoder``.
///
/// A value of at most 16 bytes after its sign, `digits` or `digits.digits` with at most 8 digits on
/// each side of the point, is loaded in one 64-bit word (two past 8 bytes): all of its bytes are checked to be
/// digits with a few masked operations, the point is found from the mask of non-digits, and the digits
/// are combined by the multiply-shift trick (Lemire's `parse_eight_digits_unrolled`) instead of one
/// multiply-add a byte. Anything else answers nil, and the caller asks the byte-at-a-time
/// ``SpeculativeDecoder/plainNumber(_:_:_:_:)``, so the results are the same by construction.
///
/// A load may read bytes past the field's end (the next fields of the buffer), never past `limit`:
/// those bytes are masked off.
enum SWARNumber {
    private static let zeros: UInt64 = 0x3030_3030_3030_3030
    private static let highBits: UInt64 = 0x8080_8080_8080_8080
    private static let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    private static let plus118: UInt64 = 0x7676_7676_7676_7676
    /// `.` after the `0` bias is taken off.
    private static let pointByte: UInt64 = UInt64(FieldParsers.dot ^ FieldParsers.digit0)

    /// The high bit of each byte of `x` (bytes already XORed with `0`) that is not a digit 0–9.
    @inline(__always)
    static func nonDigits(_ x: UInt64) -> UInt64 {
        // A digit byte is 0...9: adding 118 sets its high bit only from 10 up; bytes with their own
        // high bit set are caught by `| x`. Masking to 7 bits first keeps each byte's sum from carrying.
        (((x & low7) &+ plus118) | x) & highBits
    }

    /// The value of eight digit bytes (already XORed with `0`, the first byte most significant).
    @inline(__always)
    static func eightDigits(_ x: UInt64) -> UInt64 {
        let mask: UInt64 = 0x0000_00FF_0000_00FF
        let mul1: UInt64 = 100 &+ (1_000_000 << 32)
        let mul2: UInt64 = 1 &+ (10_000 << 32)
        let pairs = (x &* 10) &+ (x >> 8)
        return (((pairs & mask) &* mul1) &+ (((pairs >> 16) & mask) &* mul2)) >> 32
    }

    /// The low `n` bytes (0...8) of `x`.
    @inline(__always)
    static func low(_ x: UInt64, bytes n: Int) -> UInt64 {
        n >= 8 ? x : x & ((1 &<< UInt64(n &* 8)) &- 1)
    }

    /// The value of the low `n` digit bytes of `x` (0...8; already XORed with `0`, the others zero).
    @inline(__always)
    static func digits(_ x: UInt64, count n: Int) -> UInt64 {
        n == 0 ? 0 : eightDigits(x &<< UInt64((8 &- n) &* 8))
    }

    /// `[+-]?` then `digits` or `digits.digits` (at least one digit, at most 8 each side of the point)
    /// in `p[s..<e]` (`s < e`; `limit` is the end of the buffer): its digits with the sign, and its shape:
    /// 0 without a point, 1 + the fractional digits with one, or -1 when the caller must read the value
    /// byte by byte (it may still be a number). Two integers, so that they come back in registers.
    @inline(__always)
    static func plainNumber(
        _ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int, limit: Int, _ pointAllowed: Bool
    ) -> (mantissa: Int64, shape: Int) {
        let negative = p[s] == FieldParsers.minus
        let i = negative || p[s] == FieldParsers.plus ? s &+ 1 : s
        let n = e &- i
        guard UInt(bitPattern: n &- 1) < 8, i &+ 8 <= limit else { return wide(p, i, n, negative, limit: limit, pointAllowed) }
        let (v, shape) = oneWord(p, i, n, pointAllowed)
        return (negative ? 0 &- v : v, shape)
    }

    /// The magnitude and shape (as ``plainNumber(_:_:_:limit:_:)`` gives them) of the `n` bytes at `i`
    /// (1...8, not a sign; the buffer holds 8 bytes from `i`). ``SpeculativeDecoder`` repeats these lines
    /// in its loop, where the compiler does not inline a call.
    @inline(__always)
    static func oneWord(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int, _ pointAllowed: Bool) -> (magnitude: Int64, shape: Int) {
        // The field's bytes at the top of the word, zero digits below them; the bytes past it shifted out.
        let x = word(p, i, n)
        let bad = nonDigits(x)
        if bad == 0 { return (Int64(truncatingIfNeeded: eightDigits(x)), 0) }
        // Exactly one non-digit, the point (at byte j), and at least one digit.
        let j = bad.trailingZeroBitCount &>> 3
        guard pointAllowed, bad & (bad &- 1) == 0, n > 1, isPoint(x, j) else { return (0, -1) }
        return (Int64(truncatingIfNeeded: eightDigits(dropping(x, j))), 8 &- j)
    }

    /// The `n` bytes (1...8) at `i`, XORed with `0`, at the top of a word; zero digits below them.
    @inline(__always)
    static func word(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> UInt64 {
        (UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self) ^ zeros) &<< UInt64((8 &- n) &* 8)
    }

    /// Whether byte `j` of `x` (XORed with `0`) is the point.
    @inline(__always)
    static func isPoint(_ x: UInt64, _ j: Int) -> Bool { (x &>> UInt64(j &* 8)) & 0xFF == pointByte }

    /// `x` without byte `j`: the bytes below it move up one byte, over it, and a zero digit comes in below.
    @inline(__always)
    static func dropping(_ x: UInt64, _ j: Int) -> UInt64 {
        let from = UInt64.max &<< UInt64(j &* 8)
        return (x & (from &<< 8)) | ((x & ~from) &<< 8)
    }

    /// ``plainNumber(_:_:_:limit:_:)`` for 9 to 16 bytes after the sign at `i` (`n` of them): `digits.digits`
    /// with the point within the first nine bytes and at most 8 digits after it.
    private static func wide(
        _ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int, _ negative: Bool, limit: Int, _ pointAllowed: Bool
    ) -> (mantissa: Int64, shape: Int) {
        guard n > 8, n <= 16, i &+ 17 <= limit, pointAllowed else { return (0, -1) }
        let raw = UnsafeRawPointer(p + i)
        let x1 = raw.loadUnaligned(as: UInt64.self) ^ zeros
        let bad1 = nonDigits(x1)
        let k: Int
        if bad1 == 0 {
            guard p[i &+ 8] == FieldParsers.dot else { return (0, -1) }
            k = 8
        } else {
            guard bad1 & (bad1 &- 1) == 0 else { return (0, -1) }
            k = bad1.trailingZeroBitCount >> 3
            guard (x1 >> UInt64(k &* 8)) & 0xFF == pointByte else { return (0, -1) }
        }
        let f = n &- 1 &- k
        guard f <= 8 else { return (0, -1) }
        let after: UInt64 = raw.loadUnaligned(fromByteOffset: k &+ 1, as: UInt64.self)
        let x2 = low(after ^ zeros, bytes: f)
        guard nonDigits(x2) == 0 else { return (0, -1) }
        let whole: UInt64 = digits(low(x1, bytes: k), count: k)
        let scaled: UInt64 = whole &* UInt64(pow10[f])
        let v = Int64(truncatingIfNeeded: scaled &+ digits(x2, count: f))
        return (negative ? 0 &- v : v, f &+ 1)
    }

    /// 10⁰ … 10⁸.
    private static let pow10: [UInt32] = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000]
}
