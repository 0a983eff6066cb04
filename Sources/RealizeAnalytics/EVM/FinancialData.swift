import RealizeQuery
import RealizeStore

/// The `financials` table summed per group and period: exact PV, EV and AC in units at one scale.
///
/// Per-period amounts are summed over the group's projects first (null amounts count as nothing, as in `sum`);
/// every ratio is taken afterwards, so a program's CPI is ΣEV / ΣAC over its projects, never an average of CPIs.
///
/// Loading bounds each group's Σ|PV|, Σ|EV| and Σ|AC| by 38 digits (``AmountBound``), so any sum of a group's
/// cells (per period, cumulative, running) fits and `+` on ``Amounts`` cannot overflow.
struct FinancialData {
    struct Amounts: Sendable, Equatable {
        var pv: Int128 = 0
        var ev: Int128 = 0
        var ac: Int128 = 0
        /// Safe for the cells of one group: their magnitudes are bounded when loading.
        static func + (a: Amounts, b: Amounts) -> Amounts { Amounts(pv: a.pv + b.pv, ev: a.ev + b.ev, ac: a.ac + b.ac) }
    }

    var grouping: ProjectGrouping
    let scale: Int
    /// Per group: amounts by period.
    private(set) var cells: FinancialCells
    /// The latest period in the data (the default status date).
    let latestPeriod: Int32?

    static let columns = ["project_id", "period", "planned_value", "earned_value", "actual_cost"]

    /// Reads `financials` (and `projects` for the grouping and BAC).
    ///
    /// One pass finds each row's group through the dictionary codes of `project_id` (``FinancialRows``), a second
    /// sums the amounts per group and period (``FinancialCells/build(_:groups:pv:ev:ac:input:denseLimit:)``); the
    /// amount columns are read in place. With `actualCostOnly` (`appraise`), planned and earned value are
    /// summed as 0 and their columns are not read beyond their scale.
    ///
    /// - Throws: ``QueryError``: a missing table or column, `numeric-overflow` naming the command, the column
    ///   and the group when a group's amounts add up past 38 digits, `result-too-large` past `.set memory_limit`,
    ///   `cancelled`.
    init(
        level: String, levelRange: SourceRange, input: InputTables, needBudget: Bool = true, actualCostOnly: Bool = false,
        denseLimit: Int? = nil
    ) throws(QueryError) {
        let fin = try input.table("financials", for: "earned value")
        var cols: [Column] = []
        for name in Self.columns { cols.append(try input.column(fin, "financials", name)) }
        let projects = input.session.catalog["projects"]
        scale = InputTables.moneyScale(Array(cols[2...]) + [projects?.column(named: "budget")].compactMap { $0 })
        var grouping = try ProjectGrouping(level: level, levelRange: levelRange, input: input, scale: scale, needBudget: needBudget)
        try input.checkMemory("the groups of the financials rows", bytes: fin.rowCount * MemoryLayout<Int32>.stride)
        let rows = try FinancialRows(ids: cols[0], periods: cols[1], grouping: &grouping, input: input)
        // `actualCostOnly`: planned and earned value read as 0 (their columns must still exist, and set the scale).
        let pv = actualCostOnly ? .absent(rows: fin.rowCount) : try AmountColumn(cols[2], "financials", scale: scale, input: input)
        let ev = actualCostOnly ? .absent(rows: fin.rowCount) : try AmountColumn(cols[3], "financials", scale: scale, input: input)
        let ac = try AmountColumn(cols[4], "financials", scale: scale, input: input)
        let built = try FinancialCells.build(rows, groups: grouping.count, pv: pv, ev: ev, ac: ac, input: input, denseLimit: denseLimit)
        if built.overflow { try Self.throwFirstOverflow(rows, [pv, ev, ac], grouping: grouping, input: input) }
        self.grouping = grouping
        cells = built.cells
        latestPeriod = rows.span?.upperBound
    }

    /// Replays the rows in order, bounding each group's Σ|amount| per column, and throws at the first row whose
    /// group passes 38 digits (the error row by row summing would give).
    private static func throwFirstOverflow(
        _ rows: FinancialRows, _ amounts: [AmountColumn], grouping: ProjectGrouping, input: InputTables
    ) throws(QueryError) {
        var bounds = [[AmountBound]](repeating: [AmountBound](repeating: AmountBound(), count: 3), count: grouping.count)
        for row in 0..<rows.count {
            let g = rows.group(row)
            if g < 0 { continue }
            for k in 0..<3 where !bounds[g][k].add(amounts[k][row]) {
                throw input.amountOverflow(
                    "the sum of \(columns[k + 2])", keyName: grouping.keyNames[0], keyValue: grouping.keyValues[g][0])
            }
        }
    }

    /// Cumulative amounts of group `g` up to and including `period`.
    func cumulative(_ g: Int, through period: Int32) -> Amounts { cells.cumulative(g, through: period) }

    /// The amounts of group `g` in `period`; nil when it has no rows then (or `g` has none at all).
    func amounts(_ g: Int, at period: Int32) -> Amounts? { cells.amounts(g, at: period) }

    /// The group's periods with data, in order.
    func periods(_ g: Int) -> [Int32] { Array(cells.periods(g)) }

    /// Earned schedule inputs of group `g` at `status`: the cumulative PV curve from the group's first period
    /// (using planned value after the status date too, where the data has it) and the actual time AT.
    ///
    /// AT counts the periods from the group's first period to the status date, or to its last period with data
    /// when that comes earlier (a completed project's clock stops at its last month).
    ///
    /// - Complexity: O(p log p) in the group's periods with data, never in the calendar span between them.
    func scheduleCurve(_ g: Int, status: Int32) -> (curve: ScheduleCurve, at: Double)? {
        let ps = cells.periods(g)
        guard let first = ps.first, first <= status else { return nil }
        let end = min(status, ps.last { $0 <= status } ?? status)
        return (ownCurve(g), Double(end - first + 1))
    }

    /// The first period of group `g` with data.
    func firstPeriod(_ g: Int) -> Int32? { cells.periods(g).first }

    /// The cumulative PV curve of group `g` over its sorted periods `ps` (see ``scheduleCurve(_:status:)``).
    func scheduleCurve(_ g: Int, periods ps: [Int32]) -> ScheduleCurve {
        // The group's own periods: its cells in order, no search per period.
        if ps.elementsEqual(cells.periods(g)) { return ownCurve(g) }
        var curve = ScheduleCurve()
        guard let first = ps.first else { return curve }
        var running: Int128 = 0
        for p in ps {
            running += cells.amounts(g, at: p)?.pv ?? 0
            curve.append(index: Int(p - first) + 1, value: running.amount(scale: scale))
        }
        return curve
    }

    /// The cumulative PV curve of group `g` over its own periods with data (ascending, so its indices are too),
    /// written straight into its two arrays.
    private func ownCurve(_ g: Int) -> ScheduleCurve {
        let ps = cells.periods(g), sums = cells.sums(g)
        guard let first = ps.first else { return ScheduleCurve() }
        let indices = [Int](unsafeUninitializedCapacity: ps.count + 1) { b, n in
            b[0] = 0
            for (i, p) in ps.enumerated() { b[i + 1] = Int(p - first) + 1 }
            n = ps.count + 1
        }
        var running: Int128 = 0
        let values = [Double](unsafeUninitializedCapacity: sums.count + 1) { b, n in
            b[0] = 0
            for (i, a) in sums.enumerated() {
                running += a.pv
                b[i + 1] = running.amount(scale: scale)
            }
            n = sums.count + 1
        }
        return ScheduleCurve(indices: indices, values: values)
    }
}
