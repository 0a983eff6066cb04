/// How a column would like to be shown to people; metadata that never changes its values.
///
/// A domain command attaches a hint to a result column (an NPS to 1 decimal, a series drawn as a
/// sparkline). The table, Markdown and HTML renderers follow it; CSV, JSON and XLSX ignore it and
/// write the values at full precision. The hint travels with the column through renaming, gathering
/// and projection; a column computed anew (by `derive`, an aggregate, a join key) has none.
public enum DisplayHint: Sendable, Hashable {
    /// A number shown with exactly this many decimals (the value itself is not rounded).
    case decimals(Int)
    /// Text listing a series of numbers separated by `;` (an empty item is a gap), drawn as a
    /// one-line chart of block characters. With a scale, every row is drawn on it (so bars compare
    /// across rows); without, each row on its own minimum and maximum.
    case sparkline(scale: ClosedRange<Double>?)
    /// A maturity score from 0 to 5 drawn as a bar, with the value of the column named `target`
    /// in the same row marked on it when that column is present.
    case profileBar(target: String?)
    /// A whole number that is a code or a calendar number (a year, a quarter, an id): digits without
    /// thousands separators, `2026` rather than `2,026`.
    case plain
}

extension DisplayHint {
    /// The separator between the items of a ``sparkline(scale:)`` series.
    public static let seriesSeparator: Character = ";"

    /// The text of a series for a ``sparkline(scale:)`` column: shortest round-trip numbers joined by `;`,
    /// an empty item for a gap (`1.5;2;;0.75`).
    public static func seriesText(_ values: [Double?]) -> String {
        values.map { v in v.flatMap { $0.isFinite ? Value.formatDouble($0) : nil } ?? "" }.joined(separator: String(seriesSeparator))
    }

    /// The numbers of a series written by ``seriesText(_:)``; nil for a gap or an unreadable item.
    public static func series(_ text: String) -> [Double?] {
        if text.isEmpty { return [] }
        return text.split(separator: seriesSeparator, omittingEmptySubsequences: false).map { Double($0) }
    }
}
