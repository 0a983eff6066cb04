import RealizeTestSupport
import Testing

@testable import RealizeStore

/// The one-load period and date readers (``SWARDays``): whenever they answer, they answer what the
/// byte-at-a-time ``FieldParsers/period(_:_:_:)`` and ``FieldParsers/date(_:_:_:)`` do, and they answer
/// every valid value that has room after it for the load.
@Suite struct SWARDaysTests {
    /// Both readers of `kind` on `text`, followed in the buffer by `tail`.
    static func both(_ text: [UInt8], tail: [UInt8], date: Bool) -> (fast: Int32?, slow: Int32?) {
        let bytes = text + tail
        return bytes.withUnsafeBufferPointer { buffer in
            let p = buffer.baseAddress!
            if date {
                return (SWARDays.date(p, 0, text.count, limit: bytes.count), FieldParsers.date(p, 0, text.count))
            }
            return (SWARDays.period(p, 0, text.count, limit: bytes.count), FieldParsers.period(p, 0, text.count))
        }
    }

    /// Every month of years 0000–9999 (a sample) and every day 00–39 of some: the same value, always answered.
    @Test func validValuesAreReadAlike() {
        var g = SeededGenerator(seed: 712)
        let tail = Array(",1234.5\n".utf8)
        for _ in 0..<400 {
            let year = Int.random(in: 0...9999, using: &g)
            for month in 0...19 {
                let ym = String(year).leftPadded(4) + "-" + String(month).leftPadded(2)
                let (fast, slow) = Self.both(Array(ym.utf8), tail: tail, date: false)
                #expect(fast == slow, "\(ym)")
                for day in [0, 1, 9, 10, 28, 29, 30, 31, 32, 39] {
                    let ymd = ym + "-" + String(day).leftPadded(2)
                    let (fast, slow) = Self.both(Array(ymd.utf8), tail: tail, date: true)
                    #expect(fast == slow, "\(ymd)")
                }
            }
        }
    }

    /// Any byte at any position of a period or a date, and values one byte short or long: never a different answer.
    @Test func anInvalidByteAtEveryPosition() {
        let tail = Array("2016-01-01".utf8)
        for (text, date) in [("2016-07", false), ("2024-02-29", true), ("2023-12-31", true)] {
            let base = Array(text.utf8)
            for position in 0..<base.count {
                for byte in UInt8.min...UInt8.max {
                    var t = base
                    t[position] = byte
                    let (fast, slow) = Self.both(t, tail: tail, date: date)
                    #expect(fast == slow, "\(t)")
                }
            }
            for cut in [Array(base.dropLast()), base + [0x30]] {
                let (fast, slow) = Self.both(cut, tail: tail, date: date)
                #expect(fast == nil && slow == nil)
            }
        }
    }

    /// Without eight bytes of room the fast readers decline.
    @Test func declinesNearTheEndOfTheBuffer() {
        #expect(Self.both(Array("2016-07".utf8), tail: [], date: false).fast == nil)
        #expect(Self.both(Array("2016-07".utf8), tail: [0x0A], date: false).fast == FieldParsers.period(Array("2016-07".utf8), 0, 7))
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
