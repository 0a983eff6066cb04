import RealizeStore

/// The period length `nps` reports by: months, quarters or years, fiscal when the session's fiscal year does not start
/// in January (`.set fiscal_year_start 4`).
enum TimeGrain: String, Sendable, CaseIterable {
    case monthly, quarterly, yearly

    /// Months per bucket.
    var months: Int32 {
        switch self {
        case .monthly: 1
        case .quarterly: 3
        case .yearly: 12
        }
    }

    /// The first month of the bucket holding `period` (months since year 0).
    func bucket(_ period: Int32, fiscalStart: Int) -> Int32 {
        let offset = (Int(period) - (fiscalStart - 1)) % Int(months)
        return period - Int32((offset + Int(months)) % Int(months))
    }

    /// Name of the result column holding the bucket.
    func columnName(fiscalStart: Int) -> String {
        switch self {
        case .monthly: "month"
        case .quarterly: "quarter"
        case .yearly: fiscalStart == 1 ? "year" : "fiscal_year"
        }
    }

    /// How a bucket reads: `2025-07`, `2025 Q3` (fiscal: `FY2026 Q1`), `2025` (fiscal: `FY2026`).
    ///
    /// A fiscal year is named after the calendar year in which it ends (FY2026 = April 2025 to March 2026).
    func label(_ bucket: Int32, fiscalStart: Int) -> String {
        let yearStart = TimeGrain.yearly.bucket(bucket, fiscalStart: fiscalStart)
        let fiscalYear = CivilCalendar.yearMonth(period: yearStart + 11).year
        switch self {
        case .monthly:
            return CivilCalendar.formatPeriod(bucket)
        case .quarterly:
            let q = (bucket - yearStart) / 3 + 1
            return fiscalStart == 1 ? "\(fiscalYear) Q\(q)" : "FY\(fiscalYear) Q\(q)"
        case .yearly:
            return fiscalStart == 1 ? "\(fiscalYear)" : "FY\(fiscalYear)"
        }
    }

    /// The result column of bucket labels: a `period` column for months, text for quarters, an `int` year
    /// (text `FY2026` for fiscal years).
    func column(_ buckets: [Int32], fiscalStart: Int) -> Column {
        let name = columnName(fiscalStart: fiscalStart)
        switch self {
        case .monthly: return OutputColumn.periods(name, buckets)
        case .yearly where fiscalStart == 1:
            return OutputColumn.ints(name, buckets.map { CivilCalendar.yearMonth(period: $0).year })
        default:
            // A label a bucket, not a row: results hold many groups over the same few buckets.
            var labels: [Int32: String] = [:]
            return OutputColumn.texts(
                name,
                buckets.map { b in
                    if let l = labels[b] { return l }
                    let l = label(b, fiscalStart: fiscalStart)
                    labels[b] = l
                    return l
                })
        }
    }
}
