import RealizeStore
import RealizeTestSupport
import Testing

@testable import RealizeReport

/// The faster paths of a drawn sparkline against the code they replaced: the same numbers, glyphs and widths.
@Suite struct SparklineSpeedupTests {
    /// Sparkline drawing as it was: `min()`/`max()` of the finite values, one `Character` per value.
    static func referenceDraw(_ values: [Double?], scale: ClosedRange<Double>? = nil) -> String {
        let finite = values.compactMap { $0.flatMap { $0.isFinite ? $0 : nil } }
        guard let range = scale ?? finite.min().flatMap({ lo in finite.max().map { lo...$0 } }) else { return "" }
        let (low, high) = (range.lowerBound, range.upperBound)
        return String(
            values.map { v -> Character in
                guard let v, v.isFinite else { return " " }
                guard high > low else { return Sparkline.blocks[3] }
                let level = Int(((v - low) / (high - low) * 7).rounded())
                return Sparkline.blocks[min(7, max(0, level))]
            })
    }

    static func randomValue(_ rng: inout SeededGenerator) -> Double? {
        switch Int.random(in: 0..<12, using: &rng) {
        case 0: return nil
        case 1: return Double(Int.random(in: -1000...1000, using: &rng))
        case 2: return -0.0
        case 3: return Double.random(in: -1e-9...1e-9, using: &rng)
        case 4: return Double.random(in: -1e18...1e18, using: &rng)
        case 5: return [Double.nan, .infinity, -.infinity][Int.random(in: 0..<3, using: &rng)]
        case 6: return Double(bitPattern: UInt64.random(in: 0...UInt64.max, using: &rng))
        case 7: return Double(Int64.random(in: -(1 << 60)...(1 << 60), using: &rng)) / 1000
        default: return Double.random(in: 0.5...1.5, using: &rng)
        }
    }

    static func same(_ a: [Double?], _ b: [Double?]) -> Bool {
        a.map { $0?.bitPattern } == b.map { $0?.bitPattern }
    }

    @Test func seriesNumbersAreDisplayHintSeries() {
        var rng = SeededGenerator(seed: 0x5E41E5)
        for n in [0, 1, 2, 3, 17, 180] {
            for _ in 0..<60 {
                let text = DisplayHint.seriesText((0..<n).map { _ in Self.randomValue(&rng) })
                #expect(Self.same(SeriesNumbers.of(text), DisplayHint.series(text)), "\(text)")
            }
        }
    }

    @Test func oddItemsGoToDoubleParsing() {
        let items = [
            "", "1.", ".5", "+1", "inf", "-inf", "nan", "-0", "0", "00012", "0.000", "0x1p3", " 1", "1 ", "1e400", "1e-400",
            "-1e308", "9007199254740993", "9007199254740992", "9007199254740995", "90071992547409930e-1",
            "9007199254740993e-5", "12345678901234567890", "1234567890123456789", "0.00000000000000000001234", "1E5",
            "1e+5", "1e-05", "2.993e-06", "-", "e5", "1e", "1e+", "1.5e1234567", "1;2", "1,5", "１", "4.5035996273704965e15",
            "0.1", "0.30000000000000004", "18446744073709551616", "184467440737095516160", "0.18446744073709551616",
            "0.0000000000000000000000001", "0.000", "-0.0", "007", "0.5e-3", "10", "100.25", "1.7976931348623157e308", "5e-324", "123456789012345678e27",
            "999999999999999999e-27",
        ]
        for item in items {
            let text = item + ";" + item + ";;" + item
            #expect(Self.same(SeriesNumbers.of(text), DisplayHint.series(text)), "\(item)")
        }
        // A `;` joined to a combining mark is one character: not a separator.
        for text in ["1;\u{301}2;3", "é;1", "1;2\u{301};3"] {
            #expect(Self.same(SeriesNumbers.of(text), DisplayHint.series(text)), "\(text)")
        }
    }

    @Test func decimalsAreReadAsDoubleReadsThem() {
        var rng = SeededGenerator(seed: 0xDEC1)
        for _ in 0..<20_000 {
            let digits = Int.random(in: 1...20, using: &rng)
            var w = String(Int.random(in: 1...9, using: &rng))
            for _ in 1..<digits { w += String(Int.random(in: 0...9, using: &rng)) }
            let point = Int.random(in: 0...digits, using: &rng)
            var text = point == digits ? w : String(w.prefix(point == 0 ? 1 : point)) + "." + w.dropFirst(point == 0 ? 1 : point)
            if Bool.random(using: &rng) { text += "e" + String(Int.random(in: -40...40, using: &rng)) }
            if Bool.random(using: &rng) { text = "-" + text }
            #expect(Self.same(SeriesNumbers.of(text), [Double(text)]), "\(text)")
        }
        // Midpoints between neighbouring doubles above 2^53, written out exactly: handed to `Double(_:)`.
        for k in 0..<200 {
            let m = (UInt64(1) << 53) + UInt64(2 * k + 1)
            for text in [String(m), String(m) + "0e-1", String(m) + "00e-2"] {
                #expect(Self.same(SeriesNumbers.of(text), [Double(text)]), "\(text)")
            }
        }
    }

    @Test func drawIsTheCharacterDrawing() {
        var rng = SeededGenerator(seed: 0x59A4C)
        for n in [0, 1, 2, 3, 8, 180] {
            for _ in 0..<60 {
                let values = (0..<n).map { _ in Self.randomValue(&rng) }.map { v in v.map { abs($0) > 1e300 ? 1 : $0 } }
                #expect(Sparkline.draw(values) == Self.referenceDraw(values))
                let lo = Double.random(in: -2...1, using: &rng)
                let scaled = values.map { v in v.map { $0.isFinite ? Double.random(in: -3...3, using: &rng) : $0 } }
                for scale in [lo...(lo + 1), lo...lo, -1...1] {
                    #expect(Sparkline.draw(scaled, scale: scale) == Self.referenceDraw(scaled, scale: scale))
                }
            }
        }
        #expect(Sparkline.draw([0, -0.0, 0]) == Self.referenceDraw([0, -0.0, 0]))
    }

    @Test func drawNeverTraps() {
        // ∞ / ∞ once trapped in `Int(_:)`; values far off a given scale too.
        #expect(Sparkline.draw([-1.7e308, 1.7e308, 0]) == "▁▄▁")
        #expect(Sparkline.draw([1e300, -1e300, 0.5], scale: 0...1) == "█▁▅")
    }

    @Test func oneCellScalarsAreOneCellClustersOfTheirOwn() {
        let simple = (0x20..<0x3000).compactMap { v -> Unicode.Scalar? in
            DisplayWidth.isOneCellAlone(UInt32(v)) ? Unicode.Scalar(UInt32(v)) : nil
        }
        for s in simple { #expect(DisplayWidth.of(Character(s)) == 1, "U+\(String(s.value, radix: 16))") }
        var rng = SeededGenerator(seed: 0xCE11)
        for _ in 0..<300 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...40, using: &rng) { text.append(simple[Int.random(in: 0..<simple.count, using: &rng)]) }
            let string = String(text)
            #expect(string.count == string.unicodeScalars.count)
            #expect(DisplayWidth.of(string) == string.reduce(0) { $0 + DisplayWidth.of($1) })
        }
    }

    @Test func widthsOfMixedTextAreTheClustersWidths() {
        let others: [Unicode.Scalar] = ["\u{301}", "\u{200D}", "\u{FE0F}", "東", "❤", "\u{1F600}", "\r", "\n", "\u{7F}", "\u{85}"]
        let simple: [Unicode.Scalar] = ["a", "é", "▁", "█", "…", "─", " ", "\u{AD}", "ʰ"]
        var rng = SeededGenerator(seed: 0x3149)
        for _ in 0..<500 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...12, using: &rng) {
                let pool = Int.random(in: 0..<3, using: &rng) == 0 ? others : simple
                text.append(pool[Int.random(in: 0..<pool.count, using: &rng)])
            }
            let string = String(text)
            let reference = string.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F } ? string.utf8.count : string.reduce(0) { $0 + DisplayWidth.of($1) }
            #expect(DisplayWidth.of(string) == reference, "\(string.unicodeScalars.map { $0.value })")
        }
    }

    @Test func paddingIsTheJoinedSpaces() {
        for text in ["", "a", "▁▂█ ▄", "東京", "Zu\u{308}rich", "n/a", "…"] {
            for width in [0, 1, 3, 8, 20] {
                let gap = max(0, width - DisplayWidth.of(text))
                let spaces = { (n: Int) in String(repeating: " ", count: n) }
                #expect(DisplayWidth.pad(text, to: width, .left) == text + spaces(gap))
                #expect(DisplayWidth.pad(text, to: width, .right) == spaces(gap) + text)
                #expect(DisplayWidth.pad(text, to: width, .center) == spaces(gap / 2) + text + spaces(gap - gap / 2))
            }
        }
    }
}
