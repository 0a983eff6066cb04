/// A metric `trend` can follow from the financials: how it is computed from amounts, and which way is better.
struct TrendMetric: Sendable {
    let name: String
    /// True when higher is better (CPI, SPI, CV, SV, …), false when lower is (EAC, ETC, AC), nil when neither (PV).
    let higherIsBetter: Bool?
    /// A stock is a position as of the period's end (EAC, % complete), so its periodic and cumulative values agree;
    /// a flow (CPI, CV, PV) has a value for the period's own amounts and one for the cumulative amounts.
    let isStock: Bool
    /// Needs the earned schedule (uses the PV curve).
    let usesSchedule: Bool
    /// Needs the budget at completion (`projects.budget`); only these metrics ask for that column.
    let usesBudget: Bool
    let compute: @Sendable (EVMFigures) -> Double?

    init(
        _ name: String, better: Bool?, stock: Bool = false, schedule: Bool = false, budget: Bool = false,
        _ compute: @escaping @Sendable (EVMFigures) -> Double?
    ) {
        self.name = name
        self.higherIsBetter = better
        self.isStock = stock
        self.usesSchedule = schedule
        self.usesBudget = budget
        self.compute = compute
    }

    /// The metrics computed from `financials` and `projects`.
    static let all: [TrendMetric] = [
        TrendMetric("cpi", better: true) { $0.cpi },
        TrendMetric("spi", better: true) { $0.spi },
        TrendMetric("cv", better: true) { $0.cv },
        TrendMetric("sv", better: true) { $0.sv },
        TrendMetric("cv_pct", better: true) { $0.cvPercent },
        TrendMetric("sv_pct", better: true) { $0.svPercent },
        TrendMetric("pv", better: nil) { $0.pv },
        TrendMetric("ev", better: true) { $0.ev },
        TrendMetric("ac", better: nil) { $0.ac },
        TrendMetric("eac", better: false, stock: true, budget: true) { $0.eacCPI },
        TrendMetric("eac_cpi", better: false, stock: true, budget: true) { $0.eacCPI },
        TrendMetric("eac_plan", better: false, stock: true, budget: true) { $0.eacPlan },
        TrendMetric("eac_cpi_spi", better: false, stock: true, budget: true) { $0.eacCPISPI },
        TrendMetric("etc", better: false, stock: true, budget: true) { $0.etc(.cpi) },
        TrendMetric("vac", better: true, stock: true, budget: true) { $0.vac(.cpi) },
        TrendMetric("tcpi_bac", better: false, stock: true, budget: true) { $0.tcpiBAC },
        TrendMetric("tcpi_eac", better: false, stock: true, budget: true) { $0.tcpiEAC(.cpi) },
        TrendMetric("pct_complete", better: true, stock: true, budget: true) { $0.percentComplete },
        TrendMetric("pct_spent", better: nil, stock: true, budget: true) { $0.percentSpent },
        TrendMetric("es", better: true, stock: true, schedule: true) { _ in nil },
        TrendMetric("sv_t", better: true, stock: true, schedule: true) { _ in nil },
        TrendMetric("spi_t", better: true, stock: true, schedule: true) { _ in nil },
    ]

    static func named(_ name: String) -> TrendMetric? {
        let n = FinancialMeasures.named(name)?.name ?? name.lowercased()
        return all.first { $0.name == n }
    }
}
