/// NPV, IRR, BCR, ROI and the payback month of monthly cost and benefit flows.
///
/// Conventions: cash falls at month end; the first month with a flow is month 0 and undiscounted; month k is
/// discounted by (1 + m)^k with m = (1 + r)^(1/12) − 1 from the annual rate r; IRR is annualised.
struct CaseFigures: Sendable, Equatable {
    /// The first month with a flow (month 0); nil when there is none.
    var first: Int32?
    var cost = 0.0
    var benefit = 0.0
    var npv: Double?
    /// Annual IRR (fraction); nil when undefined.
    var irr: Double?
    /// PV benefits ÷ PV costs.
    var bcr: Double?
    /// (Σ benefits − Σ costs) ÷ Σ costs.
    var roi: Double?
    /// The month at whose end the cumulative net flow turns non-negative for good; nil if never.
    var payback: Int32?

    /// The figures of `flows` at the annual `rate`.
    init(_ flows: MonthlyFlows, rate annual: Double) {
        let months = Array(flows.cost.keys) + Array(flows.benefit.keys)
        guard let lo = months.min(), let hi = months.max() else { return }
        first = lo
        let c = (lo...hi).map { flows.cost[$0] ?? 0 }, b = (lo...hi).map { flows.benefit[$0] ?? 0 }
        let monthly = CashFlowAppraisal.monthlyRate(annual: annual)
        let net = zip(b, c).map { $0 - $1 }
        let s = CashFlowAppraisal.summary(costs: c, benefits: b, rate: monthly)
        cost = s.cost
        benefit = s.benefit
        npv = CashFlowAppraisal.npv(rate: monthly, flows: net)
        irr = CashFlowAppraisal.irr(net).rate.map { CashFlowAppraisal.annualRate(monthly: $0) }
        bcr = s.bcr
        roi = s.roi
        // Payback (k − 1) + fraction is reached at the end of month k = ⌈payback⌉.
        payback = CashFlowAppraisal.payback(net).map { lo + Int32($0.rounded(.up)) }
    }

    /// The convention stated in every result.
    static func convention(rate annual: Double) -> String {
        let m = CashFlowAppraisal.monthlyRate(annual: annual)
        return "cash at month end; month 0 = first month, undiscounted; \(PortfolioAppraisal.percent(annual))/yr = "
            + "\(PortfolioAppraisal.percent(m, digits: 4))/month; remaining cost to the EAC spread by the remaining PV profile, else evenly to the end date"
    }
}
