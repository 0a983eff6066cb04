import RealizeStore

/// The text of a sparkline series, written into one growing string: the same text as
/// ``DisplayHint/seriesText(_:)``, without a string per item and a join.
///
/// Each finite value is written as ``Value/formatDouble(_:)`` writes it (a whole number below 10^15 as an integer,
/// otherwise Swift's shortest round-trip form, which `Double.write(to:)` appends in place); a nil or non-finite
/// value leaves an empty item.
enum SeriesText {
    /// - Complexity: O(n) in the values, one allocation for the result (about 20 bytes a value reserved).
    static func of(_ values: [Double?]) -> String {
        var text = ""
        text.reserveCapacity(values.count * 20)
        for (i, v) in values.enumerated() {
            if i > 0 { text.append(DisplayHint.seriesSeparator) }
            guard let v, v.isFinite else { continue }
            if v == v.rounded(), abs(v) < 1e15 {
                text += String(Int64(v))
            } else {
                v.write(to: &text)
            }
        }
        return text
    }
}
