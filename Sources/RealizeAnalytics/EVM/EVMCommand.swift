import RealizeQuery
import RealizeStore

/// `evm [by project|program|portfolio|total|COLUMN] [as of PERIOD] [eac cpi|plan|cpi_spi]`: earned value per group,
/// cumulative to the status period (default: the latest period in `financials`).
///
/// PV, EV, AC and BAC are summed exactly over the group's projects first; every index is a ratio of those sums.
struct EVMCommand: TableCommand {
    let signature = CommandSignature(
        name: "evm",
        summary: "Earned value per project, program or portfolio: CPI, SPI, EACs, TCPI, earned schedule, RAG status",
        options: [
            CommonArguments.level(),
            CommonArguments.asOf,
            CommandOption(
                "eac", words: ["eac"], kind: .choice(EVMFigures.EACMethod.allCases.map(\.rawValue)),
                help: "the EAC reported as eac: cpi (BAC/CPI), plan (AC+BAC-EV), cpi_spi (AC+(BAC-EV)/(CPI*SPI)); default .set evm_eac"),
        ],
        example: "evm by program | where cpi < 0.9")

    func run(_ call: CommandCall, session: QuerySession) throws(QueryError) -> Table {
        let level = CommonArguments.level(call, default: "project")
        let method =
            call.arguments.word("eac").flatMap(EVMFigures.EACMethod.init(rawValue:))
            ?? EVMFigures.EACMethod(rawValue: AnalyticsSettings.value("evm_eac", in: session.settings)) ?? .cpi
        let input = InputTables(session: session, at: call.nameRange, command: "evm")
        let data = try FinancialData(level: level.0, levelRange: level.1, input: input)
        guard let status = call.arguments.period("as_of") ?? data.latestPeriod else {
            throw InputError.make(.noData, "`financials` has no rows with a project and a period", at: call.nameRange)
        }
        return try EVMReport.table(data, status: status, method: method, thresholds: AnalyticsSettings.thresholds(session.settings), input: input)
    }
}

/// Builds the `evm` result table.
enum EVMReport {
    /// - Throws: `numeric-overflow` when a group's CV or SV does not fit 38 digits (its EV and AC or PV each do).
    static func table(
        _ data: FinancialData, status: Int32, method: EVMFigures.EACMethod, thresholds: EVMThresholds, input: InputTables
    ) throws(QueryError) -> Table {
        let groups = data.grouping.sortedGroups
        let scale = data.scale
        var bac: [Int128?] = [], pv: [Int128?] = [], ev: [Int128?] = [], ac: [Int128?] = [], cv: [Int128?] = [], sv: [Int128?] = []
        var figures: [EVMFigures] = []
        var es: [Double?] = [], at: [Double?] = [], pd: [Double?] = [], first: [Int32?] = []
        for (i, g) in groups.enumerated() {
            try input.checkCancelled(group: i)
            let c = data.cumulative(g, through: status)
            let b = data.grouping.bac[g]
            bac.append(b); pv.append(c.pv); ev.append(c.ev); ac.append(c.ac)
            func variance(_ what: String, _ a: Int128, _ b: Int128) throws(QueryError) -> Int128 {
                guard let d = AmountBound.subtract(a, b) else {
                    throw input.amountOverflow(what, keyName: data.grouping.keyNames[0], keyValue: data.grouping.keyValues[g][0])
                }
                return d
            }
            cv.append(try variance("the cost variance ev − ac", c.ev, c.ac))
            sv.append(try variance("the schedule variance ev − pv", c.ev, c.pv))
            let f = EVMFigures(bac: b?.amount(scale: scale), pv: c.pv.amount(scale: scale), ev: c.ev.amount(scale: scale), ac: c.ac.amount(scale: scale))
            figures.append(f)
            if let (curve, t) = data.scheduleCurve(g, status: status) {
                es.append(EarnedSchedule.es(curve: curve, ev: f.ev)); at.append(t)
                pd.append(EarnedSchedule.plannedDuration(curve: curve)); first.append(data.firstPeriod(g))
            } else {
                es.append(nil); at.append(nil); pd.append(nil); first.append(nil)
            }
        }
        let spiT = zip(es, at).map { e, t in t.flatMap { EarnedSchedule.spiT(es: e, at: $0) } }
        let ieacT = zip(pd, spiT).map { EarnedSchedule.ieacT(plannedDuration: $0, spiT: $1) }
        var columns = data.grouping.keyColumns(groups)
        if data.grouping.level != "project" { columns.append(ResultColumn.int("projects", groups.map { data.grouping.projectCount[$0] })) }
        columns += [
            ResultColumn.period("status_period", groups.map { _ in status }),
            ResultColumn.money("bac", bac, scale: scale),
            ResultColumn.money("pv", pv, scale: scale),
            ResultColumn.money("ev", ev, scale: scale),
            ResultColumn.money("ac", ac, scale: scale),
            ResultColumn.money("cv", cv, scale: scale),
            ResultColumn.money("sv", sv, scale: scale),
            ResultColumn.double("cpi", figures.map(\.cpi)),
            ResultColumn.double("spi", figures.map(\.spi)),
            ResultColumn.double("cv_pct", figures.map(\.cvPercent)),
            ResultColumn.double("sv_pct", figures.map(\.svPercent)),
            ResultColumn.double("pct_complete", figures.map(\.percentComplete)),
            ResultColumn.double("pct_spent", figures.map(\.percentSpent)),
            ResultColumn.computedMoney("eac_cpi", figures.map(\.eacCPI), scale: scale),
            ResultColumn.computedMoney("eac_plan", figures.map(\.eacPlan), scale: scale),
            ResultColumn.computedMoney("eac_cpi_spi", figures.map(\.eacCPISPI), scale: scale),
            ResultColumn.computedMoney("eac", figures.map { $0.eac(method) }, scale: scale),
            ResultColumn.computedMoney("eac_low", figures.map { $0.eacRange?.low }, scale: scale),
            ResultColumn.computedMoney("eac_high", figures.map { $0.eacRange?.high }, scale: scale),
            ResultColumn.computedMoney("eac_spread", figures.map { $0.eacRange.map { $0.high - $0.low } }, scale: scale),
            ResultColumn.text("eac_method", figures.map { _ in method.formula }),
            ResultColumn.computedMoney("etc", figures.map { $0.etc(method) }, scale: scale),
            ResultColumn.computedMoney("vac", figures.map { $0.vac(method) }, scale: scale),
            ResultColumn.double("tcpi_bac", figures.map(\.tcpiBAC)),
            ResultColumn.double("tcpi_eac", figures.map { $0.tcpiEAC(method) }),
            ResultColumn.double("es", es),
            ResultColumn.double("at", at),
            ResultColumn.double("sv_t", zip(es, at).map { e, t in t.flatMap { EarnedSchedule.svT(es: e, at: $0) } }),
            ResultColumn.double("spi_t", spiT),
            ResultColumn.double("pd_months", pd),
            ResultColumn.double("ieac_t_months", ieacT),
            ResultColumn.period("forecast_finish", zip(first, ieacT).map { f, i in f.flatMap { EarnedSchedule.finish(first: $0, ieacT: i) } }),
            ResultColumn.text("status", figures.map { thresholds.status(cpi: $0.cpi, spi: $0.spi) }),
            ResultColumn.text(
                "flags",
                figures.indices.map { i in
                    var f = figures[i].flags
                    if es[i] == nil, at[i] != nil { f.append("ES n/a: EV beyond the plan in the data") }
                    return f.isEmpty ? nil : f.joined(separator: "; ")
                }),
        ]
        return Table(columns: columns, rowCount: groups.count)
    }
}
