/// The `snapshot` column of a stacked table: one label per stacked file (its folder name, or what
/// the wildcards of a flat glob matched), repeated over that file's rows.
///
/// Typed as a period when every label reads as a year-month (`2025-11`), else as a date when every
/// label reads as one (`2025-11-30`), else as text.
public enum SnapshotColumn {
    /// The column's name.
    public static let name = "snapshot"

    /// The type the labels read as.
    public static func type(of labels: [String]) -> DataType {
        if labels.allSatisfy({ CivilCalendar.parsePeriod(Array($0.utf8)) != nil }) { return .period }
        if labels.allSatisfy({ CivilCalendar.parseDate(Array($0.utf8)) != nil }) { return .date }
        return .text
    }

    /// The column: `labels[k]` repeated `counts[k]` times.
    public static func make(labels: [String], counts: [Int]) -> Column {
        let total = counts.reduce(0, +)
        switch type(of: labels) {
        case .period:
            var out: [Int32] = []
            out.reserveCapacity(total)
            for (label, n) in zip(labels, counts) {
                out.append(contentsOf: repeatElement(CivilCalendar.parsePeriod(Array(label.utf8)) ?? 0, count: n))
            }
            return Column(name: name, storage: .period(out))
        case .date:
            var out: [Int32] = []
            out.reserveCapacity(total)
            for (label, n) in zip(labels, counts) {
                out.append(contentsOf: repeatElement(CivilCalendar.parseDate(Array(label.utf8)) ?? 0, count: n))
            }
            return Column(name: name, storage: .date(out))
        default:
            var dictionary: [String] = []
            var lookup: [String: UInt32] = [:]
            var codes: [UInt32] = []
            codes.reserveCapacity(total)
            for (label, n) in zip(labels, counts) {
                let code = lookup[label] ?? UInt32(dictionary.count)
                if lookup[label] == nil {
                    lookup[label] = code
                    dictionary.append(label)
                }
                codes.append(contentsOf: repeatElement(code, count: n))
            }
            return Column(name: name, storage: .text(codes: codes, dictionary: dictionary))
        }
    }
}
