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
        let ids = input.keys(try input.column(projects, "projects", "project_id"))
        let fin = try input.table("financials", for: "the business case (costs)")
        let ben = try input.table("benefits", for: "the business case (benefits)")
        let finColumns = try ["planned_value", "earned_value", "actual_cost"].map { n throws(QueryError) in try input.column(fin, "financials", n) }
        let benColumns = try ["planned", "realized"].map { n throws(QueryError) in try input.column(ben, "benefits", n) }
        let scale = InputTables.moneyScale(finColumns + benColumns + [projects.column(named: "budget")].compactMap { $0 })
        let budget = try projects.column(named: "budget").map { c throws(QueryError) in try input.amounts(c, "projects", scale: scale) }
        let start = try projects.column(named: "start_date").map { c throws(QueryError) in try input.periods(c, "projects") }
        let end = try projects.column(named: "end_date").map { c throws(QueryError) in try input.periods(c, "projects") }
        for r in 0..<projects.rowCount {
            guard let id = ids[r] else { continue }
            if plans[id] == nil { order.append(id) }
            var plan = plans[id] ?? ProjectCashPlan()
            if let b = budget?[r] { plan.bac = (plan.bac ?? 0) + b.amount(scale: scale) }
            plan.start = start?[r] ?? plan.start
            plan.end = end?[r] ?? plan.end
            plans[id] = plan
        }
        let finIds = input.keys(try input.column(fin, "financials", "project_id"))
        let finPeriods = try input.periods(try input.column(fin, "financials", "period"), "financials")
        let amounts = try finColumns.map { c throws(QueryError) in try input.amounts(c, "financials", scale: scale) }
        for r in 0..<fin.rowCount {
            try input.checkCancelled(row: r)
            guard let id = finIds[r], let p = finPeriods[r] else { continue }
            if plans[id] == nil { order.append(id) }
            var plan = plans[id] ?? ProjectCashPlan()
            plan.plannedValue[p, default: 0] += amounts[0][r]?.amount(scale: scale) ?? 0
            plan.earnedValue[p, default: 0] += amounts[1][r]?.amount(scale: scale) ?? 0
            plan.actualCost[p, default: 0] += amounts[2][r]?.amount(scale: scale) ?? 0
            plans[id] = plan
            latest = max(latest ?? p, p)
        }
        let benIds = input.keys(try input.column(ben, "benefits", "project_id"))
        let benPeriods = try input.periods(try input.column(ben, "benefits", "period"), "benefits")
        let planned = try input.amounts(benColumns[0], "benefits", scale: scale)
        let realized = try input.amounts(benColumns[1], "benefits", scale: scale)
        for r in 0..<ben.rowCount {
            try input.checkCancelled(row: r)
            guard let id = benIds[r], let p = benPeriods[r] else { continue }
            if plans[id] == nil { order.append(id) }
            var plan = plans[id] ?? ProjectCashPlan()
            let v = planned[r]?.amount(scale: scale) ?? 0
            plan.plannedBenefit[p, default: 0] += v
            if let x = realized[r] {
                plan.realized[p, default: 0] += x.amount(scale: scale)
                plan.plannedMeasured[p, default: 0] += v
            }
            plans[id] = plan
        }
    }
}
