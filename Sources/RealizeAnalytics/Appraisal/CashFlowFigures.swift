/// The figures `appraise` reports from a group's monthly costs and benefits, in one pass over the months: the same
/// doubles, to the bit, as ``CashFlowAppraisal/summary(costs:benefits:rate:)``, ``CashFlowAppraisal/npv(rate:flows:)``
/// and both ``CashFlowAppraisal/payback(_:rate:)`` of the net flows (benefit − cost) would give.
///
/// Each of those sums runs through the months in order with the same discount factors (`factor *= 1 + rate`), so
/// one factor serves them all: every sum sees the operations it would alone, in the same order. The discounted
/// payback's term and NPV's term are the same division; the simple payback's is the flow itself (f / 1 = f).
struct CashFlowFigures {
    let rate: Double
    private(set) var cost = 0.0
    private(set) var benefit = 0.0
    private var presentCost = 0.0
    private var presentBenefit = 0.0
    private var net = 0.0
    private var factor = 1.0
    private var months = 0
    private var simple = CashFlowAppraisal.PaybackScan()
    private var discounted = CashFlowAppraisal.PaybackScan()

    /// - Precondition: `rate` > −1 (NPV is defined).
    init(rate: Double) { self.rate = rate }

    /// The next month's cost and benefit; returns its net flow.
    @inline(__always) mutating func add(cost c: Double, benefit b: Double) -> Double {
        let f = b - c
        cost += c
        benefit += b
        presentCost += c / factor
        presentBenefit += b / factor
        let d = f / factor
        net += d
        simple.add(months, f)
        discounted.add(months, d)
        factor *= 1 + rate
        months += 1
        return f
    }

    /// Totals and present values, as ``CashFlowAppraisal/summary(costs:benefits:rate:)``.
    var summary: CashFlowAppraisal.Summary {
        CashFlowAppraisal.Summary(cost: cost, benefit: benefit, presentCost: presentCost, presentBenefit: presentBenefit)
    }

    /// NPV of the net flows at `rate`.
    var npv: Double { net }

    /// Payback of the net flows, undiscounted and discounted at `rate`.
    var payback: Double? { simple.payback }
    var discountedPayback: Double? { discounted.payback }
}
