/// A one-line chart of a series with the eight block characters `▁▂▃▄▅▆▇█`.
///
/// Drawn by the renderers for people from a column with a ``DisplayHint/sparkline(scale:)`` hint; the data
/// itself (and so CSV, JSON and XLSX) holds the numbers.
package enum Sparkline {
    /// The blocks, lowest first.
    package static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// One character per value, scaled so that the scale's lower bound draws `▁` and its upper bound `█`;
    /// a missing value is a space.
    ///
    /// - Parameters:
    ///   - values: the series; nil (or a non-finite value) is a gap.
    ///   - scale: one scale for every series of a result, so that bars compare across rows; nil scales the
    ///     series between its own minimum and maximum (then a series without values draws nothing).
    ///     When the bounds are equal every value draws the middle block `▄`.
    ///
    /// - Complexity: O(n), one pass for the bounds and one writing the UTF-8 bytes of the blocks.
    package static func draw(_ values: [Double?], scale: ClosedRange<Double>? = nil) -> String {
        var low = 0.0, high = 0.0
        if let scale {
            (low, high) = (scale.lowerBound, scale.upperBound)
        } else {
            // The first of equal extremes, as `min()` and `max()` keep it.
            var any = false
            for case let v? in values where v.isFinite {
                if !any {
                    (low, high, any) = (v, v, true)
                } else {
                    if v < low { low = v }
                    if high < v { high = v }
                }
            }
            guard any else { return "" }
        }
        // `▁`…`█` are U+2581…U+2588: E2 96 81…88 in UTF-8.
        return String(unsafeUninitializedCapacity: values.count * 3) { bytes in
            var n = 0
            for v in values {
                guard let v, v.isFinite else {
                    bytes[n] = 0x20
                    n += 1
                    continue
                }
                bytes[n] = 0xE2
                bytes[n + 1] = 0x96
                bytes[n + 2] = 0x81 + UInt8(high > low ? level((v - low) / (high - low) * 7) : 3)
                n += 3
            }
            return n
        }
    }

    /// The block (0…7) for a value at `x` sevenths of the scale: the nearest, clamped to the scale. A value far
    /// outside a given scale, or a span too wide for a double (∞/∞ is NaN), would have made `Int(_:)` trap;
    /// such a NaN draws the middle block.
    private static func level(_ x: Double) -> Int {
        if x.isNaN { return 3 }
        if x <= 0 { return 0 }
        if x >= 7 { return 7 }
        // Half away from zero, as `rounded()` (a call into libm) gives it: x − ⌊x⌋ is exact below 2^52.
        let whole = Int(x)
        return x - Double(whole) >= 0.5 ? whole + 1 : whole
    }
}
