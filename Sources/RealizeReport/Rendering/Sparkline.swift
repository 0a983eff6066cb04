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
    package static func draw(_ values: [Double?], scale: ClosedRange<Double>? = nil) -> String {
        let finite = values.compactMap { $0.flatMap { $0.isFinite ? $0 : nil } }
        guard let range = scale ?? finite.min().flatMap({ lo in finite.max().map { lo...$0 } }) else { return "" }
        let (low, high) = (range.lowerBound, range.upperBound)
        return String(
            values.map { v -> Character in
                guard let v, v.isFinite else { return " " }
                guard high > low else { return blocks[3] }
                let level = Int(((v - low) / (high - low) * 7).rounded())
                return blocks[min(7, max(0, level))]
            })
    }
}
