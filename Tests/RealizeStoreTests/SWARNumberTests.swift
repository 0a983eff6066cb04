import RealizeTestSupport
import Testing

@testable import RealizeStore

/// The eight-bytes-at-a-time number reader (``SWARNumber``): whenever it answers, it answers what the
/// byte-at-a-time ``SpeculativeDecoder/plainNumber(_:_:_:_:)`` does; and it answers for the common shapes.
@Suite struct SWARNumberTests {
    typealias Number = (mantissa: Int64, frac: Int, point: Bool)

    /// Both readers on `text`, placed in a buffer followed by `tail` (the bytes a load may read past the field).
    static func both(_ text: [UInt8], tail: [UInt8], pointAllowed: Bool = true) -> (fast: Number?, slow: Number?) {
        let bytes = text + tail
        return bytes.withUnsafeBufferPointer { buffer in
            let p = buffer.baseAddress!
            let read = SWARNumber.plainNumber(p, 0, text.count, limit: bytes.count, pointAllowed)
            let fast: Number? = read.shape < 0 ? nil : (read.mantissa, max(read.shape - 1, 0), read.shape > 0)
            let slow = SpeculativeDecoder.plainNumber(p, 0, text.count, pointAllowed)
            return (fast, slow)
        }
    }

    static func same(_ a: Number?, _ b: Number?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case (let a?, let b?): return a.mantissa == b.mantissa && a.frac == b.frac && a.point == b.point
        default: return false
        }
    }

    /// A random string of `length` digits.
    static func digits(_ length: Int, _ g: inout SeededGenerator) -> [UInt8] {
        (0..<length).map { _ in UInt8.random(in: 0x30...0x39, using: &g) }
    }

    /// Digit strings of every length 0–20, with and without a sign and a point at every place: the fast
    /// reader agrees with the byte-at-a-time one, and answers every value of at most 16 bytes with at
    /// most 8 digits after the point (so the fast path is taken).
    @Test func everyLengthSignAndPoint() {
        var g = SeededGenerator(seed: 2027)
        let tail = Array(",12345678901234567890\n".utf8)
        var answered = 0
        for _ in 0..<40 {
            for length in 0...20 {
                let body = Self.digits(length, &g)
                for sign in [[], [UInt8(ascii: "-")], [UInt8(ascii: "+")]] {
                    for point in -1...length {
                        var text = body
                        if point >= 0 { text.insert(FieldParsers.dot, at: point) }
                        text = sign + text
                        guard !text.isEmpty else { continue }
                        for allowed in [true, false] {
                            let (fast, slow) = Self.both(text, tail: tail, pointAllowed: allowed)
                            if let fast {
                                answered += 1
                                #expect(Self.same(fast, slow), "\(String(decoding: text, as: UTF8.self)) allowed \(allowed)")
                            }
                            let bodyBytes = length + (point >= 0 ? 1 : 0)
                            let pointFits = point < 0 ? length <= 8 : point >= length - 8 && (bodyBytes <= 8 || point <= 8)
                            let common = length > 0 && bodyBytes <= 16 && pointFits && (point < 0 || allowed)
                            if common { #expect(fast != nil, "\(String(decoding: text, as: UTF8.self)) not read fast") }
                        }
                    }
                }
            }
        }
        #expect(answered > 10_000)
    }

    /// An invalid byte at every position of a number (and every byte value there): the fast reader never
    /// answers differently, so it refuses what the byte-at-a-time reader refuses.
    @Test func anInvalidByteAtEveryPosition() {
        var g = SeededGenerator(seed: 14)
        let tail = Array("9999999999999999999".utf8)
        for _ in 0..<6 {
            for length in 1...17 {
                var base = Self.digits(length, &g)
                if length > 2, Bool.random(using: &g) { base[Int.random(in: 0..<length, using: &g)] = FieldParsers.dot }
                if Bool.random(using: &g) { base.insert(FieldParsers.minus, at: 0) }
                for position in 0..<base.count {
                    for byte in UInt8.min...UInt8.max {
                        var text = base
                        text[position] = byte
                        let (fast, slow) = Self.both(text, tail: tail)
                        if fast != nil { #expect(Self.same(fast, slow), "\(text)") }
                    }
                }
            }
        }
    }

    /// Near the end of the buffer the fast reader declines (it would load past it), and the caller reads byte by byte.
    @Test func declinesNearTheEndOfTheBuffer() {
        let text = Array("1234.56".utf8)
        #expect(Self.both(text, tail: []).fast == nil)
        #expect(Self.both(text, tail: Array(repeating: 0x2C, count: 10)).fast != nil)
        #expect(Self.same(Self.both(text, tail: Array(repeating: 0x2C, count: 10)).fast, (123_456, 2, true)))
    }

    /// The multiply-shift combination of eight digits, against the plain one, for random values.
    @Test func eightDigits() {
        var g = SeededGenerator(seed: 8)
        for _ in 0..<20_000 {
            let text = Self.digits(8, &g)
            var word: UInt64 = 0
            for (k, c) in text.enumerated() { word |= UInt64(c ^ 0x30) << UInt64(8 * k) }
            let expected = text.reduce(UInt64(0)) { $0 * 10 + UInt64($1 - 0x30) }
            #expect(SWARNumber.eightDigits(word) == expected)
        }
    }
}
