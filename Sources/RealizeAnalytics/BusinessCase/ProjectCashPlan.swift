/// One project's monthly figures, the inputs of its whole-life business case: planned value, actual cost and
/// earned value by month, its budget and end month, and its planned and measured benefits by month.
///
/// Amounts are in currency units; months are `YYYY-MM` period numbers.
struct ProjectCashPlan: Sendable, Equatable {
    /// Budget at completion; nil when the project has none.
    var bac: Double?
    /// The month of `start_date`, if known.
    var start: Int32?
    /// The month of `end_date`, if known.
    var end: Int32?
    var plannedValue = MonthlyAmounts()
    var earnedValue = MonthlyAmounts()
    var actualCost = MonthlyAmounts()
    /// `benefits.planned` by month.
    var plannedBenefit = MonthlyAmounts()
    /// `benefits.realized` by month, measured rows only (a blank is not yet measured).
    var realized = MonthlyAmounts()
    /// Planned benefits of the months with a measurement, for the realization ratio.
    var plannedMeasured = MonthlyAmounts()

    /// Realized ÷ planned over the measured months up to `status`; nil when nothing is measured yet (or nothing
    /// measured was planned).
    func realizationRatio(status: Int32) -> Double? {
        let planned = plannedMeasured.total(through: status)
        let done = realized.total(through: status)
        guard let first = plannedMeasured.firstMonth, first <= status, planned > 0 else { return nil }
        return done / planned
    }

    /// The baseline: the BAC spread as planned (the planned-value profile scaled to the BAC, else evenly from the
    /// start month to the end month), with every planned benefit.
    func baseline() -> MonthlyFlows {
        var flows = MonthlyFlows()
        let totalPV = plannedValue.total()
        let bac = bac ?? totalPV
        if totalPV > 0 {
            for (p, v) in plannedValue { flows.cost[p, default: 0] += bac * v / totalPV }
        } else if let first = start ?? end ?? plannedBenefit.firstMonth {
            Self.spread(bac, from: first, to: max(first, end ?? first), into: &flows.cost)
        }
        for (p, v) in plannedBenefit { flows.benefit[p, default: 0] += v }
        return flows
    }

    /// The current forecast at `status`: actual cost to date, then the remaining cost to the EAC spread over
    /// the months after `status` by the remaining planned-value profile (else evenly to the end month, or in
    /// the month after `status` when the end has passed); realized benefits to date, then the planned benefits
    /// still to come, scaled and shifted as `scenario` says.
    func forecast(status: Int32, method: EVMFigures.EACMethod, scenario: CaseScenario) -> MonthlyFlows {
        var flows = MonthlyFlows()
        for (p, v) in actualCost where p <= status { flows.cost[p, default: 0] += v }
        let remaining = remainingCost(status: status, method: method) * scenario.costFactor
        let ahead = plannedValue.filter { month, value in month > status && value > 0 }
        let aheadTotal = ahead.total()
        if remaining != 0 {
            if aheadTotal > 0 {
                for (p, v) in ahead { flows.cost[p, default: 0] += remaining * v / aheadTotal }
            } else {
                Self.spread(remaining, from: status + 1, to: max(status + 1, end ?? status + 1), into: &flows.cost)
            }
        }
        for (p, v) in realized where p <= status { flows.benefit[p, default: 0] += v }
        let ratio = scenario.riskAdjusted ? (realizationRatio(status: status) ?? 1) : 1
        for (p, v) in plannedBenefit where p > status {
            flows.benefit[p + Int32(scenario.delay), default: 0] += v * scenario.benefitFactor * ratio
        }
        return flows
    }

    /// EAC − AC to date by `method` (never below 0); BAC − AC when the method is undefined (no cost or no
    /// progress yet), and nothing when there is no budget either.
    func remainingCost(status: Int32, method: EVMFigures.EACMethod) -> Double {
        let ac = actualCost.total(through: status)
        let figures = EVMFigures(
            bac: bac, pv: plannedValue.total(through: status),
            ev: earnedValue.total(through: status), ac: ac)
        guard let eac = figures.eac(method) ?? bac else { return 0 }
        return max(0, eac - ac)
    }

    /// Adds `amount` in equal parts to the months `from`…`to`.
    static func spread(_ amount: Double, from: Int32, to: Int32, into cells: inout MonthMap) {
        let n = Double(to - from + 1)
        for p in from...to { cells[p, default: 0] += amount / n }
    }
}

/// Monthly costs and benefits (positive amounts) by `YYYY-MM` period number.
struct MonthlyFlows: Sendable, Equatable {
    var cost = MonthMap()
    var benefit = MonthMap()

    /// Adds another project's flows month by month.
    mutating func add(_ other: MonthlyFlows) {
        for (p, v) in other.cost { cost[p, default: 0] += v }
        for (p, v) in other.benefit { benefit[p, default: 0] += v }
    }
}

/// What-if settings of a forecast: scale the remaining benefits and cost, delay the remaining benefits.
struct CaseScenario: Sendable, Equatable {
    /// `benefits_at 80%`: the share of the remaining planned benefits expected.
    var benefitFactor = 1.0
    /// 1 + `overrun 10%`: the remaining cost's multiplier.
    var costFactor = 1.0
    /// `delay 3`: months the remaining benefits move later.
    var delay = 0
    /// `risk adjusted`: scale the remaining benefits by the realization ratio to date.
    var riskAdjusted = false
}
