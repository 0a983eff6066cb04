/// Per group, its periods with data in ascending order and their summed amounts, stored flat: group `g`'s cells are
/// `cellPeriods[start[g]..<start[g + 1]]` and the same range of `cellSums` (one entry per group and period with rows).
///
/// Three flat arrays instead of a dictionary per group: a project-level result over millions of rows holds one
/// cell per project and month, and a dictionary per project cost several times the cells themselves.
struct FinancialCells: Sendable {
    private(set) var start: [Int] = [0]
    private(set) var cellPeriods: [Int32] = []
    private(set) var cellSums: [FinancialData.Amounts] = []

    /// Groups with a (possibly empty) range of cells.
    var groupCount: Int { start.count - 1 }

    /// The cells of group `g`; empty for a group created after the cells were built.
    func range(_ g: Int) -> Range<Int> { g >= 0 && g < groupCount ? start[g]..<start[g + 1] : 0..<0 }

    /// The periods of group `g` with data, in order.
    func periods(_ g: Int) -> ArraySlice<Int32> { cellPeriods[range(g)] }

    /// The summed amounts of group `g`, one per period of ``periods(_:)``, in the same order.
    func sums(_ g: Int) -> ArraySlice<FinancialData.Amounts> { cellSums[range(g)] }

    /// The amounts of group `g` in period `p`; nil when it has no rows then.
    /// - Complexity: O(log c) in the group's cells.
    func amounts(_ g: Int, at p: Int32) -> FinancialData.Amounts? {
        let r = range(g)
        let i = firstIndex(after: p, in: r, inclusive: false)
        return i < r.upperBound && cellPeriods[i] == p ? cellSums[i] : nil
    }

    /// The sum of group `g`'s cells up to and including period `p`.
    func cumulative(_ g: Int, through p: Int32) -> FinancialData.Amounts {
        let r = range(g)
        var total = FinancialData.Amounts()
        for i in r.lowerBound..<firstIndex(after: p, in: r, inclusive: true) { total = total + cellSums[i] }
        return total
    }

    /// The first index in `r` whose period is `> p` (`inclusive`) or `>= p`; `r.upperBound` when there is none.
    private func firstIndex(after p: Int32, in r: Range<Int>, inclusive: Bool) -> Int {
        var lo = r.lowerBound, hi = r.upperBound
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            if cellPeriods[mid] < p || (inclusive && cellPeriods[mid] == p) { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Appends the next group's cells (periods ascending).
    mutating func append(_ p: Int32, _ a: FinancialData.Amounts) {
        cellPeriods.append(p)
        cellSums.append(a)
    }

    /// Closes the current group: the cells appended since the last call are its own.
    mutating func closeGroup() { start.append(cellPeriods.count) }

    /// Reserves room for `cells` cells and `groups` groups.
    mutating func reserve(cells: Int, groups: Int) {
        cellPeriods.reserveCapacity(cells)
        cellSums.reserveCapacity(cells)
        start.reserveCapacity(groups + 1)
    }
}
