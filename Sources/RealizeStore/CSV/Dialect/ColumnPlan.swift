/// How one column is read: its type, decimal scale, and the number or date format its values are written in.
struct ColumnPlan: Equatable, Sendable {
    var type: DataType
    var scale = 0
    /// Set when the numbers are not plain `-1234.56` (decimal comma, thousands separators, currency…).
    var number: NumberFormat? = nil
    /// Set when the dates are not ISO `YYYY-MM-DD`.
    var date: DateFormat? = nil
    /// Whether a number column of whole values written with grouping should become `int` after decoding.
    var wholeNumbers = false

    /// The format shown by `.sniff`: `1.234,56`, `dd.mm.yyyy`, `yyyy-mm-dd`, or empty.
    var formatDescription: String {
        if let number { return number.sample }
        if let date { return date.pattern }
        switch type {
        case .date: return "yyyy-mm-dd"
        case .period: return "yyyy-mm"
        default: return ""
        }
    }
}
