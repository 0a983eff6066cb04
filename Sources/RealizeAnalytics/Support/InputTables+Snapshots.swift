import RealizeQuery
import RealizeStore

extension InputTables {
    /// `table` narrowed to its latest snapshot when it is a stack of extracts: a `snapshot` column holding
    /// more than one value (a period, a date or text, the latest being the largest). A table with one snapshot
    /// (the user kept one upstream, e.g. `let financials = financials | where snapshot = 2025-10`) or without
    /// the column is returned as it is. Picking the latest is told as a one-line warning.
    func latestSnapshot(_ table: Table, _ name: String) -> Table {
        guard let column = table.column(named: SnapshotColumn.name) else { return table }
        var keys: [Int32?] = []
        var labels: [Int32: String] = [:]
        switch column.storage {
        case .period(let a), .date(let a):
            keys = (0..<a.count).map { column.isNull($0) ? nil : a[$0] }
        case .text(let codes, let dictionary):
            // Rank the labels in text order, so that the largest is the latest.
            let order = dictionary.indices.sorted { dictionary[$0] < dictionary[$1] }
            var rank = [Int32](repeating: 0, count: dictionary.count)
            for (r, code) in order.enumerated() {
                rank[code] = Int32(r)
                labels[Int32(r)] = dictionary[code]
            }
            keys = (0..<codes.count).map { column.isNull($0) ? nil : rank[Int(codes[$0])] }
        default:
            return table
        }
        let distinct = Set(keys.compactMap { $0 })
        guard distinct.count > 1, let latest = distinct.max() else { return table }
        func label(_ k: Int32) -> String {
            switch column.storage {
            case .period: CivilCalendar.formatPeriod(k)
            case .date: CivilCalendar.formatDate(k)
            default: labels[k] ?? ""
            }
        }
        let shown = label(latest)
        let other = label(distinct.filter { $0 != latest }.max()!)
        let literal = column.type == .text ? "'\(other)'" : other
        session.warn(
            "\(command) read the latest of \(distinct.count) snapshots in `\(name)`, \(shown)"
                + " (for another: `let \(name) = \(name) | where snapshot = \(literal)`)")
        return table.gather(keys.indices.filter { keys[$0] == latest })
    }
}
