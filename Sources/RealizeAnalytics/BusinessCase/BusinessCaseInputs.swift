import RealizeQuery
import RealizeStore

/// Reads `projects`, `financials` and `benefits` into one ``ProjectCashPlan`` per project.
struct BusinessCaseInputs {
    /// Plans by project id.
    var plans: [String: ProjectCashPlan] = [:]
    /// Project ids in the order first met.
    var order: [String] = []
    /// The latest month in `financials` (the default status).
    var latest: Int32?

    /// - Throws: ``QueryError`` when a table or column is missing, or an amount cannot be read.
    init(input: InputTables) throws(QueryError) {
        let projects = try input.table("projects", for: "the business case (budgets and end dates)")
        let idColumn = try input.column(projects, "projects", "project_id")
        let fin = try input.table("financials", for: "the business case (costs)")
        let ben = try input.table("benefits", for: "the business case (benefits)")
        let finColumns = try ["planned_value", "earned_value", "actual_cost"].map { n throws(QueryError) in try input.column(fin, "financials", n) }
        let benColumns = try ["planned", "realized"].map { n throws(QueryError) in try input.column(ben, "benefits", n) }
        let scale = InputTables.moneyScale(finColumns + benColumns + [projects.column(named: "budget")].compactMap { $0 })
        let budget = try projects.column(named: "budget").map { c throws(QueryError) in try input.amounts(c, "projects", scale: scale) }
        let start = try projects.column(named: "start_date").map { c throws(QueryError) in try input.periods(c, "projects") }
        let end = try projects.column(named: "end_date").map { c throws(QueryError) in try input.periods(c, "projects") }
        // Plans are built in place in a list, found by id once per dictionary code (not hashed, nor copied, a row).
        var list = Plans()
        let projectPlans = list.indices(of: idColumn, input: input)
        for r in 0..<projects.rowCount {
            guard let i = projectPlans[r] else { continue }
            list.touch(i)
            if let b = budget?[r] { list.plans[i].bac = (list.plans[i].bac ?? 0) + b.amount(scale: scale) }
            list.plans[i].start = start?[r] ?? list.plans[i].start
            list.plans[i].end = end?[r] ?? list.plans[i].end
        }
        let finPlans = list.indices(of: try input.column(fin, "financials", "project_id"), input: input)
        let finPeriods = try input.periods(try input.column(fin, "financials", "period"), "financials")
        let amounts = try finColumns.map { c throws(QueryError) in try input.amounts(c, "financials", scale: scale) }
        for r in 0..<fin.rowCount {
            try input.checkCancelled(row: r)
            guard let i = finPlans[r], let p = finPeriods[r] else { continue }
            list.touch(i)
            list.sums[i].plannedValue.add(p, amounts[0][r]?.amount(scale: scale) ?? 0)
            list.sums[i].earnedValue.add(p, amounts[1][r]?.amount(scale: scale) ?? 0)
            list.sums[i].actualCost.add(p, amounts[2][r]?.amount(scale: scale) ?? 0)
            latest = max(latest ?? p, p)
        }
        let benPlans = list.indices(of: try input.column(ben, "benefits", "project_id"), input: input)
        let benPeriods = try input.periods(try input.column(ben, "benefits", "period"), "benefits")
        let planned = try input.amounts(benColumns[0], "benefits", scale: scale)
        let realized = try input.amounts(benColumns[1], "benefits", scale: scale)
        for r in 0..<ben.rowCount {
            try input.checkCancelled(row: r)
            guard let i = benPlans[r], let p = benPeriods[r] else { continue }
            list.touch(i)
            let v = planned[r]?.amount(scale: scale) ?? 0
            list.sums[i].plannedBenefit.add(p, v)
            if let x = realized[r] {
                list.sums[i].realized.add(p, x.amount(scale: scale))
                list.sums[i].plannedMeasured.add(p, v)
            }
        }
        order = list.order.map { list.ids[$0] }
        plans = Dictionary(uniqueKeysWithValues: list.order.map { (list.ids[$0], list.plan($0)) })
    }

    /// The plans while they are read: one per id, numbered as their ids are first looked up, and the order in which
    /// rows first reach them (a project listed in `projects`, or else first met in `financials` or `benefits`).
    private struct Plans {
        /// Budget and dates of each plan; its amounts are in ``sums`` until ``plan(_:)`` puts them in month order.
        var plans: [ProjectCashPlan] = []
        var sums: [Sums] = []
        var ids: [String] = []
        var order: [Int] = []
        private var reached: [Bool] = []
        private var index: [String: Int] = [:]

        /// Each row's plan (nil for a null id), without reaching it: an id is looked up once per dictionary code.
        mutating func indices(of c: Column, input: InputTables) -> [Int?] {
            input.mapKeys(c) { id in id.map { plan(for: $0) } }
        }

        private mutating func plan(for id: String) -> Int {
            if let i = index[id] { return i }
            index[id] = plans.count
            plans.append(ProjectCashPlan())
            sums.append(Sums())
            ids.append(id)
            reached.append(false)
            return plans.count - 1
        }

        /// One plan's amounts by month as its rows are added (each month's sum in row order).
        struct Sums {
            var plannedValue = MonthlyAmounts.Sums(), earnedValue = MonthlyAmounts.Sums(), actualCost = MonthlyAmounts.Sums()
            var plannedBenefit = MonthlyAmounts.Sums(), realized = MonthlyAmounts.Sums(), plannedMeasured = MonthlyAmounts.Sums()
        }

        /// Plan `i` with its amounts in month order.
        func plan(_ i: Int) -> ProjectCashPlan {
            var plan = plans[i]
            let s = sums[i]
            plan.plannedValue = s.plannedValue.amounts
            plan.earnedValue = s.earnedValue.amounts
            plan.actualCost = s.actualCost.amounts
            plan.plannedBenefit = s.plannedBenefit.amounts
            plan.realized = s.realized.amounts
            plan.plannedMeasured = s.plannedMeasured.amounts
            return plan
        }

        /// Marks plan `i` reached by a row: the first time, it takes its place in ``order``.
        @inline(__always) mutating func touch(_ i: Int) {
            if !reached[i] {
                reached[i] = true
                order.append(i)
            }
        }
    }
}
