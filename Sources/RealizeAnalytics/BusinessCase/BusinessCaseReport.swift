import RealizeQuery
import RealizeStore

/// `appraise [by LEVEL] forecast …`: the whole-life business case per group, baseline against current forecast.
struct BusinessCaseReport {
    /// What the command asked for.
    struct Request {
        var level: (String, SourceRange)
        var rate: Double
        var status: Int32?
        var method: EVMFigures.EACMethod
        var scenario: CaseScenario
    }

    let request: Request
    let inputs: BusinessCaseInputs
    var grouping: ProjectGrouping
    /// Project ids of each group.
    var members: [Int: [String]] = [:]
    let status: Int32

    /// - Throws: ``QueryError`` when an input is missing or malformed, or there are no financials.
    init(_ request: Request, input: InputTables) throws(QueryError) {
        self.request = request
        inputs = try BusinessCaseInputs(input: input)
        grouping = try ProjectGrouping(level: request.level.0, levelRange: request.level.1, input: input, scale: 2, needBudget: false)
        guard let s = request.status ?? inputs.latest else { throw InputError.make(.noData, "`financials` has no rows", at: input.at) }
        status = s
        for id in inputs.order { members[grouping.group(ofProject: id), default: []].append(id) }
    }

    /// The group's forecast flows under `scenario`.
    func forecast(_ g: Int, _ scenario: CaseScenario) -> MonthlyFlows {
        var flows = MonthlyFlows()
        for id in members[g] ?? [] { flows.add(inputs.plans[id]!.forecast(status: status, method: request.method, scenario: scenario)) }
        return flows
    }

    /// The group's baseline flows.
    func baseline(_ g: Int) -> MonthlyFlows {
        var flows = MonthlyFlows()
        for id in members[g] ?? [] { flows.add(inputs.plans[id]!.baseline()) }
        return flows
    }

    /// Baseline, forecast and change per group.
    func table() -> Table {
        let groups = grouping.sortedGroups
        let base = groups.map { CaseFigures(baseline($0), rate: request.rate) }
        let now = groups.map { CaseFigures(forecast($0, request.scenario), rate: request.rate) }
        var notes: [String?] = []
        for g in groups {
            var n: [String] = []
            let ids = members[g] ?? []
            if request.scenario.riskAdjusted {
                let unmeasured = ids.filter { inputs.plans[$0]!.realizationRatio(status: status) == nil }.count
                if unmeasured > 0 { n.append("\(unmeasured) of \(ids.count) projects not measured yet: their benefits as planned") }
            }
            if ids.contains(where: { inputs.plans[$0]!.bac == nil }) { n.append("a project has no budget: its baseline cost is its planned value") }
            notes.append(n.isEmpty ? nil : n.joined(separator: "; "))
        }
        let ratio = groups.map { g -> Double? in
            let plans = (members[g] ?? []).map { inputs.plans[$0]! }
            let planned = plans.map { $0.plannedMeasured.total(through: status) }.reduce(0, +)
            let done = plans.map { $0.realized.total(through: status) }.reduce(0, +)
            return planned > 0 ? done / planned * 100 : nil
        }
        func pct(_ x: [Double?]) -> [Double?] { x.map { $0.map { $0 * 100 } } }
        func money(_ name: String, _ x: [Double?]) -> Column { ResultColumn.computedMoney(name, x, scale: 2) }
        var cols = grouping.keyColumns(groups)
        cols += [
            ResultColumn.period("status_period", groups.map { _ in status }),
            money("baseline_cost", base.map(\.cost)), money("baseline_benefit", base.map(\.benefit)),
            money("baseline_npv", base.map(\.npv)),
            ResultColumn.double("baseline_irr_pct", pct(base.map(\.irr))),
            ResultColumn.double("baseline_bcr", base.map(\.bcr)),
            ResultColumn.double("baseline_roi_pct", pct(base.map(\.roi))),
            ResultColumn.period("baseline_payback", base.map(\.payback)),
            money("forecast_cost", now.map(\.cost)), money("forecast_benefit", now.map(\.benefit)),
            money("forecast_npv", now.map(\.npv)),
            ResultColumn.double("forecast_irr_pct", pct(now.map(\.irr))),
            ResultColumn.double("forecast_bcr", now.map(\.bcr)),
            ResultColumn.double("forecast_roi_pct", pct(now.map(\.roi))),
            ResultColumn.period("forecast_payback", now.map(\.payback)),
            money("npv_change", zip(now, base).map { n, b in n.npv.flatMap { x in b.npv.map { x - $0 } } }),
            ResultColumn.double("bcr_change", zip(now, base).map { n, b in n.bcr.flatMap { x in b.bcr.map { x - $0 } } }),
            ResultColumn.int("payback_delay_months", zip(now, base).map { n, b in n.payback.flatMap { x in b.payback.map { Int(x - $0) } } }),
            ResultColumn.double("realization_pct", ratio),
            ResultColumn.text("verdict", zip(now, base).map { n, b in Self.verdict(forecast: n.npv, baseline: b.npv) }),
            ResultColumn.text("scenario", groups.map { _ in scenarioText }),
            ResultColumn.text("note", notes),
            ResultColumn.text("convention", groups.map { _ in CaseFigures.convention(rate: request.rate) }),
        ]
        return Table(columns: cols, rowCount: groups.count)
    }

    /// How the forecast compares with zero and with the baseline.
    static func verdict(forecast: Double?, baseline: Double?) -> String? {
        guard let forecast else { return nil }
        if forecast >= 0 { return (baseline ?? 0) >= 0 ? "still positive" : "turned positive" }
        return (baseline ?? -1) >= 0 ? "turned negative" : "negative"
    }

    /// The forecast's assumptions in words.
    var scenarioText: String {
        let s = request.scenario
        var parts = ["EAC \(request.method.formula)"]
        if s.riskAdjusted { parts.append("risk adjusted") }
        if s.benefitFactor != 1 { parts.append("remaining benefits × \(PortfolioAppraisal.percent(s.benefitFactor))") }
        if s.delay != 0 { parts.append("remaining benefits \(s.delay) months later") }
        if s.costFactor != 1 { parts.append("remaining cost × \(PortfolioAppraisal.percent(s.costFactor))") }
        return parts.joined(separator: "; ")
    }
}
