/// Converts the bytes of a CSV file to UTF-8, once, before the byte-level reader sees them.
enum TextTranscoder {
    /// The encoding the bytes' byte-order mark announces, or (without one) UTF-8 when the first
    /// 64 KiB are valid UTF-8 and Windows-1252 otherwise. (A sniffing read that meets invalid UTF-8
    /// further on reads the file again as Windows-1252.)
    static func detect(_ p: UnsafeBufferPointer<UInt8>) -> CSVEncoding {
        if p.count >= 2 && p[0] == 0xFF && p[1] == 0xFE { return .utf16le }
        if p.count >= 2 && p[0] == 0xFE && p[1] == 0xFF { return .utf16be }
        guard let base = p.baseAddress else { return .utf8 }
        let n = min(p.count, 65_536)
        var i = 0
        while i < n {
            if base[i] < 0x80 { i += 1; continue }
            guard let len = UTF8Check.sequenceLength(base, i, p.count) else {
                // A sequence cut by the end of the prefix is not evidence against UTF-8.
                return i + 4 > n && n < p.count ? .utf8 : .cp1252
            }
            i += len
        }
        return .utf8
    }

    /// The bytes as UTF-8 (without a byte-order mark), or nil when `encoding` is UTF-8 already.
    /// - Returns: `.failure(offset)` for UTF-16 that is cut in the middle of a code unit or holds an unpaired surrogate.
    static func toUTF8(_ p: UnsafeBufferPointer<UInt8>, from encoding: CSVEncoding) -> Result<[UInt8], TranscodeFailure>? {
        switch encoding {
        case .utf8: return nil
        case .cp1252: return .success(fromCP1252(p))
        case .utf16le: return fromUTF16(p, bigEndian: false)
        case .utf16be: return fromUTF16(p, bigEndian: true)
        }
    }

    /// Where UTF-16 input is broken: the byte offset in the original file.
    struct TranscodeFailure: Error {
        var offset: Int
        var why: String
    }

    private static func fromCP1252(_ p: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(p.count + p.count / 8)
        for b in p {
            if b < 0x80 {
                out.append(b)
            } else {
                appendUTF8(cp1252High[Int(b - 0x80)], to: &out)
            }
        }
        return out
    }

    private static func fromUTF16(_ p: UnsafeBufferPointer<UInt8>, bigEndian: Bool) -> Result<[UInt8], TranscodeFailure> {
        var out: [UInt8] = []
        out.reserveCapacity(p.count / 2 + 16)
        var i = p.count >= 2 && (p[0] == 0xFF && p[1] == 0xFE || p[0] == 0xFE && p[1] == 0xFF) ? 2 : 0
        if p.count % 2 != 0 {
            return .failure(TranscodeFailure(offset: p.count - 1, why: "the file ends in the middle of a UTF-16 code unit"))
        }
        func unit(_ k: Int) -> UInt32 { bigEndian ? UInt32(p[k]) << 8 | UInt32(p[k + 1]) : UInt32(p[k + 1]) << 8 | UInt32(p[k]) }
        while i < p.count {
            let u = unit(i)
            if u < 0x80 {
                out.append(UInt8(u))
                i += 2
            } else if u >= 0xD800 && u < 0xDC00 {
                guard i + 3 < p.count, case let lo = unit(i + 2), lo >= 0xDC00 && lo < 0xE000 else {
                    return .failure(TranscodeFailure(offset: i, why: "an unpaired UTF-16 surrogate"))
                }
                appendUTF8(0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00), to: &out)
                i += 4
            } else if u >= 0xDC00 && u < 0xE000 {
                return .failure(TranscodeFailure(offset: i, why: "an unpaired UTF-16 surrogate"))
            } else {
                appendUTF8(u, to: &out)
                i += 2
            }
        }
        return .success(out)
    }

    @inline(__always)
    private static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        switch v {
        case 0..<0x80: out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | v >> 6))
            out.append(UInt8(0x80 | v & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | v >> 12))
            out.append(UInt8(0x80 | v >> 6 & 0x3F))
            out.append(UInt8(0x80 | v & 0x3F))
        default:
            out.append(UInt8(0xF0 | v >> 18))
            out.append(UInt8(0x80 | v >> 12 & 0x3F))
            out.append(UInt8(0x80 | v >> 6 & 0x3F))
            out.append(UInt8(0x80 | v & 0x3F))
        }
    }

    /// Windows-1252 bytes 0x80–0xFF as Unicode scalars (the five unassigned bytes map to the C1
    /// controls of the same value, as the WHATWG encoding standard does).
    static let cp1252High: [UInt32] =
        [
            0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
            0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
        ] + (0xA0...0xFF).map { UInt32($0) }
}
