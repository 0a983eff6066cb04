import RealizeStore

/// The numbers of a sparkline series text, read from its bytes: the same values, bit for bit, as
/// ``DisplayHint/series(_:)`` gives (which splits by `Character` and parses each item with `Double(_:)`).
///
/// A drawn trend has a few hundred rows of a couple of hundred numbers each; splitting them as characters and
/// parsing them with `strtod` cost more than everything else the renderer does. Here an ASCII text is split at
/// its `;` bytes and each plain decimal item (`-0.9651`, `12`, `2.993e-06`) is converted with one correctly
/// rounded operation (see ``decimal(_:)``); anything else (non-ASCII text, `+1`, `inf`, `0x1p3`, 20 digits…)
/// goes to `Double(_:)` as before.
enum SeriesNumbers {
    /// The values of `text`, nil for a gap or an unreadable item.
    ///
    /// - Complexity: O(n) in the bytes of `text`.
    static func of(_ text: String) -> [Double?] {
        if text.isEmpty { return [] }
        var text = text
        return text.withUTF8 { bytes -> [Double?] in
            // A non-ASCII byte may join `;` to a combining mark (one `Character`): split by characters then.
            for b in bytes where b >= 0x80 { return DisplayHint.series(String(decoding: bytes, as: UTF8.self)) }
            var out: [Double?] = []
            var start = 0
            for i in 0...bytes.count where i == bytes.count || bytes[i] == UInt8(ascii: ";") {
                let item = UnsafeBufferPointer(rebasing: bytes[start..<i])
                out.append(decimal(item) ?? (item.isEmpty ? nil : Double(String(decoding: item, as: UTF8.self))))
                start = i + 1
            }
            return out
        }
    }

    /// A plain decimal `-?d+(.d+)?(e[+-]?d+)?` with at most 19 significant digits, as `Double(_:)` reads it, when
    /// one correctly rounded operation gives it: the digits w (exact in 64 bits) times or over an exact power of
    /// ten. Nil for anything else, left to `Double(_:)`.
    ///
    /// w ≤ 2^53 and a power up to 10^22 are exact doubles (Clinger's fast path). Otherwise, on x87 hardware, w and
    /// up to 10^27 are exact `Float80`s: the 64-bit result rounds to the same double as the exact value unless it
    /// is a double's midpoint (then the exact value may have been on either side of it, and `Double(_:)` decides).
    static func decimal(_ s: UnsafeBufferPointer<UInt8>) -> Double? {
        var i = 0
        let n = s.count
        let negative = i < n && s[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        // The integer digits (a leading zero only alone: `0.5`, never `007`), then the decimals after any zeros
        // that lead the significant digits (`0.000123`): w gets at most 19 significant digits, else nil.
        let intStart = i
        var w: UInt64 = 0
        while i < n, s[i] &- 0x30 < 10 {
            w = w &* 10 &+ UInt64(s[i] &- 0x30)
            i += 1
        }
        guard i > intStart, i == intStart + 1 || s[intStart] != UInt8(ascii: "0") else { return nil }
        // Counted from the text, not from w (which wraps past 19 digits).
        let wholeIsZero = s[intStart] == UInt8(ascii: "0")
        var digits = wholeIsZero ? 0 : i - intStart
        var power = 0  // the power of ten of w's last digit
        if i < n && s[i] == UInt8(ascii: ".") {
            i += 1
            let fractionStart = i
            if wholeIsZero {
                while i < n, s[i] == UInt8(ascii: "0") { i += 1 }
            }
            let significant = i
            while i < n, s[i] &- 0x30 < 10 {
                w = w &* 10 &+ UInt64(s[i] &- 0x30)
                i += 1
            }
            guard i > fractionStart else { return nil }
            digits += i - significant
            power -= i - fractionStart
        }
        guard digits <= 19 else { return nil }
        if i < n && (s[i] == UInt8(ascii: "e") || s[i] == UInt8(ascii: "E")) {
            i += 1
            var minus = false
            if i < n && (s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-")) {
                minus = s[i] == UInt8(ascii: "-")
                i += 1
            }
            var e = 0, expDigits = 0
            while i < n, s[i] &- 0x30 < 10 {
                if expDigits < 6 { e = e * 10 + Int(s[i] &- 0x30) }
                expDigits += 1
                i += 1
            }
            guard expDigits > 0, expDigits <= 6 else { return nil }
            power += minus ? -e : e
        }
        guard i == n else { return nil }
        guard let magnitude = scaled(w, power) else { return nil }
        return negative ? -magnitude : magnitude
    }

    /// w × 10^power correctly rounded, when one operation on exact operands gives it.
    private static func scaled(_ w: UInt64, _ power: Int) -> Double? {
        if w == 0 { return 0 }
        if w <= 1 << 53, abs(power) <= 22 {
            let d = Double(w)
            return power < 0 ? d / exactPowers[-power] : d * exactPowers[power]
        }
        #if arch(x86_64) || arch(i386)
            if abs(power) <= 27 {
                guard w < 1 << 63 else { return nil }
                let x = Float80(Int(w))  // `Int` converts with one instruction; a `UInt64` takes the generic path
                let q = power < 0 ? x / longPowers[-power] : x * longPowers[power]
                // The 11 bits below a double's last: exactly half of it is the one case to hand over.
                if q.significandBitPattern & 0x7FF == 0x400 { return nil }
                return Double(q)
            }
        #endif
        return nil
    }

    /// 10^0 … 10^22, each exact.
    private static let exactPowers: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { a, _ in a * 10 } }

    #if arch(x86_64) || arch(i386)
        /// 10^0 … 10^27, each exact in a `Float80` (64-bit significand: 5^27 < 2^64).
        private static let longPowers: [Float80] = (0...27).map { k in (0..<k).reduce(Float80(1)) { a, _ in a * 10 } }
    #endif
}
