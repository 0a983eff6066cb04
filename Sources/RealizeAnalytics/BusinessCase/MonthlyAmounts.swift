/// A project's amounts by month (planned value, actual cost, planned benefit, …), in month order.
///
/// Sums run in month order. A dictionary's order changes from one process to the next, and a floating-point sum
/// depends on its order: summed in that order, the same forecast differed in its last digits between two runs.
/// Kept sorted, a total is one walk over a prefix instead of a sort of the months at every call.
struct MonthlyAmounts: Sendable, Equatable, Sequence {
    /// The months with an amount, ascending.
    private(set) var months: [Int32] = []
    /// The amount of each month of ``months``.
    private(set) var values: [Double] = []

    init() {}

    /// From amounts keyed by month.
    init(_ byMonth: [Int32: Double]) {
        months = byMonth.keys.sorted()
        values = months.map { byMonth[$0]! }
    }

    /// From months already ascending and their amounts.
    private init(ascending months: [Int32], values: [Double]) {
        self.months = months
        self.values = values
    }

    /// Amounts added a row at a time, each month's sum in row order: appended while rows come in month order (as
    /// a project's rows usually do), in a dictionary from the first row that goes back to an earlier month.
    struct Sums {
        private var months: [Int32] = []
        private var values: [Double] = []
        private var unordered: [Int32: Double]? = nil

        @inline(__always) mutating func add(_ month: Int32, _ value: Double) {
            if unordered == nil {
                if let last = months.last, month == last {
                    values[values.count - 1] += value
                    return
                }
                if months.last.map({ month > $0 }) ?? true {
                    // 0 + value, as a dictionary's `default: 0` adds it (−0 becomes +0).
                    months.append(month)
                    values.append(0 + value)
                    return
                }
                unordered = Dictionary(uniqueKeysWithValues: zip(months, values))
            }
            unordered![month, default: 0] += value
        }

        var amounts: MonthlyAmounts { unordered.map { MonthlyAmounts($0) } ?? MonthlyAmounts(ascending: months, values: values) }
    }

    /// The sum of the amounts, in month order (through `status` when given).
    func total(through status: Int32? = nil) -> Double {
        var sum = 0.0
        for (month, value) in zip(months, values) {
            if let status, month > status { break }
            sum += value
        }
        return sum
    }

    /// The first month with an amount.
    var firstMonth: Int32? { months.first }

    /// The months (and their amounts) for which `keep` holds, in month order.
    func filter(_ keep: (Int32, Double) -> Bool) -> MonthlyAmounts {
        var out = MonthlyAmounts()
        for (month, value) in zip(months, values) where keep(month, value) {
            out.months.append(month)
            out.values.append(value)
        }
        return out
    }

    /// (month, amount) pairs in month order.
    func makeIterator() -> Zip2Sequence<[Int32], [Double]>.Iterator { zip(months, values).makeIterator() }
}
