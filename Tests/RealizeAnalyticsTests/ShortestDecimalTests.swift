import RealizeStore
import RealizeTestSupport
import Testing

@testable import RealizeAnalytics

/// ``ShortestDecimal`` against Swift's `description`, and the series text built with it.
@Suite struct ShortestDecimalTests {
    /// The text ``ShortestDecimal`` writes for `v`, or nil when it leaves `v` to `description`.
    static func written(_ v: Double) -> String? {
        var bytes = [UInt8](repeating: 0, count: 32)
        let n = bytes.withUnsafeMutableBufferPointer { ShortestDecimal.write(v, to: $0.baseAddress!) }
        return n.map { String(decoding: bytes[0..<$0], as: UTF8.self) }
    }

    @Test func isDescriptionWhereItWrites() {
        var rng = SeededGenerator(seed: 0x5407)
        var written = 0
        for k in 0..<200_000 {
            let v: Double
            switch k % 6 {
            case 0: v = Double.random(in: 0.5...1.5, using: &rng)
            case 1: v = Double(Int64.random(in: -100_000_000_000...100_000_000_000, using: &rng)) / 100
            case 2: v = Double.random(in: -9e9...9e9, using: &rng)
            case 3: v = Double(bitPattern: UInt64.random(in: 0x3F40_0000_0000_0000...0x4200_0000_0000_0000, using: &rng))
            case 4: v = Double(Int.random(in: 1...99_999, using: &rng)) / Double([10, 100, 1000, 8, 16, 3][Int.random(in: 0..<6, using: &rng)])
            default: v = Double.random(in: 0.0005...0.02, using: &rng) * (Bool.random(using: &rng) ? 1 : -1)
            }
            if let text = Self.written(v) {
                written += 1
                #expect(text == v.description, "\(v.bitPattern)")
            }
        }
        #expect(written > 150_000)
    }

    @Test func leavesTheRestToDescription() {
        for v in [0.0, -0.0, 1, -2, 0.5, 0.125, 1e15, 0.000999, 1e-7, 8_589_934_592.5, 1e300, .nan, .infinity, -.infinity, 5e-324, 0.0009999999999999] {
            #expect(Self.written(v) == nil, "\(v)")
        }
        for v in [0.001, 0.1, 0.75, -0.2, 1.5, 0.3, 0.30000000000000004, 0.9651, 12345.67, 8_589_934_591.5, 1.0 / 3, 2.0 / 3, 1.0.nextDown, 1.0.nextUp] {
            #expect(Self.written(v) == v.description, "\(v)")
        }
    }

    @Test func seriesTextIsDisplayHintSeriesTextForMetricLikeValues() {
        var rng = SeededGenerator(seed: 0x7E47)
        for n in [0, 1, 2, 180] {
            for _ in 0..<100 {
                let s = (0..<n).map { _ -> Double? in
                    switch Int.random(in: 0..<5, using: &rng) {
                    case 0: nil
                    case 1: Double(Int64.random(in: -1_000_000_000...1_000_000_000, using: &rng)) / 100
                    case 2: -Double.random(in: 0...2, using: &rng)
                    default: Double.random(in: 0.5...1.5, using: &rng)
                    }
                }
                #expect(SeriesText.of(s) == DisplayHint.seriesText(s))
            }
        }
        #expect(
            SeriesText.of([-0.0, 0, -7, Double(Int64(999_999_999_999_999)), -1e15, .nan, nil, 1e-9])
                == DisplayHint.seriesText([-0.0, 0, -7, Double(Int64(999_999_999_999_999)), -1e15, .nan, nil, 1e-9]))
    }
}
