import RealizeQuery
import RealizeStore

/// The `financials` table summed per group and period: exact PV, EV and AC in units at one scale.
///
/// Per-period amounts are summed over the group's projects first (null amounts count as nothing, as in `sum`);
/// every ratio is taken afterwards, so a program's CPI is ΣEV / ΣAC over its projects, never an average of CPIs.
struct FinancialData {
    struct Amounts: Sendable, Equatable {
        var pv: Int64 = 0
        var ev: Int64 = 0
        var ac: Int64 = 0
        static func + (a: Amounts, b: Amounts) -> Amounts { Amounts(pv: a.pv + b.pv, ev: a.ev + b.ev, ac: a.ac + b.ac) }
    }

    var grouping: ProjectGrouping
    let scale: Int
    /// Per group: amounts by period.
    private(set) var cells: [[Int32: Amounts]]
    /// The latest period in the data (the default status date).
    let latestPeriod: Int32?

    static let columns = ["project_id", "period", "planned_value", "earned_value", "actual_cost"]

    /// Reads `financials` (and `projects` for the grouping and BAC).
    init(level: String, levelRange: SourceRange, input: InputTables, needBudget: Bool = true) throws(QueryError) {
        let fin = try input.table("financials", for: "earned value")
        var cols: [Column] = []
        for name in Self.columns { cols.append(try input.column(fin, "financials", name)) }
        let projects = input.session.catalog["projects"]
        scale = InputTables.moneyScale(Array(cols[2...]) + [projects?.column(named: "budget")].compactMap { $0 })
        grouping = try ProjectGrouping(level: level, levelRange: levelRange, input: input, scale: scale, needBudget: needBudget)
        let ids = input.keys(cols[0])
        let periods = try input.periods(cols[1], "financials")
        let pv = try input.amounts(cols[2], "financials", scale: scale)
        let ev = try input.amounts(cols[3], "financials", scale: scale)
        let ac = try input.amounts(cols[4], "financials", scale: scale)
        cells = Array(repeating: [:], count: grouping.count)
        var latest: Int32? = nil
        for row in 0..<fin.rowCount {
            try input.checkCancelled(row: row)
            guard let id = ids[row], let p = periods[row] else { continue }
            let g = grouping.group(ofProject: id)
            while cells.count <= g { cells.append([:]) }
            cells[g][p, default: Amounts()] = cells[g][p, default: Amounts()] + Amounts(pv: pv[row] ?? 0, ev: ev[row] ?? 0, ac: ac[row] ?? 0)
            latest = max(latest ?? p, p)
        }
        while cells.count < grouping.count { cells.append([:]) }
        latestPeriod = latest
    }

    /// Cumulative amounts of group `g` up to and including `period`.
    func cumulative(_ g: Int, through period: Int32) -> Amounts {
        var total = Amounts()
        for (p, a) in cells[g] where p <= period { total = total + a }
        return total
    }

    /// The group's periods with data, in order.
    func periods(_ g: Int) -> [Int32] { cells[g].keys.sorted() }

    /// Earned schedule inputs of group `g` at `status`: the cumulative PV curve from the group's first period
    /// (using planned value after the status date too, where the data has it) and the actual time AT.
    ///
    /// AT counts the periods from the group's first period to the status date, or to its last period with data
    /// when that comes earlier (a completed project's clock stops at its last month).
    ///
    /// - Complexity: O(p log p) in the group's periods with data, never in the calendar span between them.
    func scheduleCurve(_ g: Int, status: Int32) -> (curve: ScheduleCurve, at: Double)? {
        let ps = periods(g)
        guard let first = ps.first, first <= status else { return nil }
        let end = min(status, ps.last { $0 <= status } ?? status)
        return (scheduleCurve(g, periods: ps), Double(end - first + 1))
    }

    /// The cumulative PV curve of group `g` over its sorted periods `ps` (see ``scheduleCurve(_:status:)``).
    func scheduleCurve(_ g: Int, periods ps: [Int32]) -> ScheduleCurve {
        var curve = ScheduleCurve()
        guard let first = ps.first else { return curve }
        var running: Int64 = 0
        for p in ps {
            running += cells[g][p]?.pv ?? 0
            curve.append(index: Int(p - first) + 1, value: running.amount(scale: scale))
        }
        return curve
    }
}
