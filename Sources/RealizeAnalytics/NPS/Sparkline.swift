/// A one-line chart of a series with the eight block characters `▁▂▃▄▅▆▇█`.
public enum Sparkline {
    /// The blocks, lowest first.
    public static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// One character per value, scaled so that `low` draws `▁` and `high` draws `█`; a missing value is a space.
    ///
    /// Callers pass one scale for every series of a result, so that bars compare across groups.
    /// When `low == high` every value draws the middle block `▄`.
    public static func draw(_ values: [Double?], low: Double, high: Double) -> String {
        String(
            values.map { v -> Character in
                guard let v, v.isFinite else { return " " }
                guard high > low else { return blocks[3] }
                let level = Int(((v - low) / (high - low) * 7).rounded())
                return blocks[min(7, max(0, level))]
            })
    }
}
