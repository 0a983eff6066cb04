import RealizeQuery
import RealizeStore

/// `appraise [by LEVEL] [rate 8%] [as of PERIOD]`: NPV, IRR, payback, ROI and BCR of each group's cash flows to date,
/// costs from `financials.actual_cost` and benefits from `benefits.realized`, month by month.
///
/// `appraise TABLE amount COLUMN (period COLUMN | date COLUMN) [by COLUMN] [rate R]` appraises any table.
struct AppraiseCommand: TableCommand {
    let signature = CommandSignature(
        name: "appraise",
        summary: "Cash-flow appraisal to date: NPV, IRR, payback, discounted payback, ROI, BCR (also XNPV/XIRR on any table)",
        positional: .init(
            key: "table", placeholder: "TABLE", kind: .name("TABLE", suggestions: []), optional: true,
            help: "appraise any table's flows instead of the portfolio's (then give amount and period or date)"),
        options: [
            CommonArguments.level(help: "the roll-up: project, program, portfolio, total (or, with TABLE, a column)"),
            CommandOption("rate", words: ["rate"], kind: .rate, help: "the annual discount rate (default: .set discount_rate, 8%)"),
            CommonArguments.asOf,
            CommandOption("amount", words: ["amount"], kind: .name("COLUMN", suggestions: []), help: "with TABLE: the column of signed flows"),
            CommandOption("period", words: ["period"], kind: .name("COLUMN", suggestions: []), help: "with TABLE: the column of periods"),
            CommandOption("date", words: ["date"], kind: .name("COLUMN", suggestions: []), help: "with TABLE: the column of dates (XNPV, XIRR)"),
        ],
        example: "appraise by program rate 8%")

    func run(_ call: CommandCall, session: QuerySession) throws(QueryError) -> Table {
        let at = call.nameRange
        let args = call.arguments
        let usage = CommandHelp.usage(signature)
        let generic = args.name("table")
        if let g = generic, g.text != "_", session.catalog[g.text] == nil {
            throw QueryError(
                Diagnostic(
                    id: .unknownTable, message: "unknown table `\(g.text)`", range: g.range,
                    hint: Suggest.nearest(g.text, in: session.catalog.names + signature.options.compactMap(\.words.first)).map { "did you mean `\($0)`?" }
                        ?? "usage: \(usage)"))
        }
        if generic == nil, let misplaced = ["amount", "period", "date"].first(where: { args.has($0) }) {
            throw QueryError(
                Diagnostic(
                    id: .unexpectedArgument, message: "`\(misplaced)` needs a table to appraise: `appraise TABLE \(misplaced) COLUMN …`",
                    range: args.range(misplaced) ?? at, hint: "usage: \(usage)"))
        }
        var level = (generic == nil ? "project" : "", at)
        if generic == nil {
            level = CommonArguments.level(call, default: "project")
        } else if let by = args.name("by") {
            level = (by.text, by.range)
        }
        let annual =
            args.number("rate") ?? AnalyticsSettings.parseRate(AnalyticsSettings.value("discount_rate", in: session.settings)) ?? 0.08
        let asOf = args.period("as_of")
        let amount = args.word("amount"), periodColumn = args.word("period"), dateColumn = args.word("date")
        guard annual > -1 else { throw InputError.make(.badRate, "the discount rate must be above -100%", at: at) }
        let input = InputTables(session: session, at: at)
        if let g = generic.map({ (table: $0.text, range: $0.range) }) {
            let table = g.table == "_" ? (session.lastResult ?? .empty) : session.catalog[g.table]!
            guard let amount else {
                throw QueryError(
                    Diagnostic(id: .expectedAmount, message: "`appraise \(g.table)` needs `amount COLUMN`", range: call.range, hint: "usage: \(usage)"))
            }
            return try GenericAppraisal.table(
                table, name: g.table, amount: amount, period: periodColumn, date: dateColumn,
                by: level.0.isEmpty ? nil : level.0, rate: annual, input: input)
        }
        return try PortfolioAppraisal.table(level: level, rate: annual, asOf: asOf, input: input)
    }
}

/// The portfolio appraisal: monthly flows per group.
enum PortfolioAppraisal {
    static func table(level: (String, SourceRange), rate annual: Double, asOf: Int32?, input: InputTables) throws(QueryError) -> Table {
        var data = try FinancialData(level: level.0, levelRange: level.1, input: input, needBudget: false)
        let scale = data.scale
        let benefits = try input.table("benefits", for: "appraise (benefits realized)")
        let bIds = input.keys(try input.column(benefits, "benefits", "project_id"))
        let bPeriods = try input.periods(try input.column(benefits, "benefits", "period"), "benefits")
        let realized = try input.amounts(try input.column(benefits, "benefits", "realized"), "benefits", scale: scale)
        guard let status = asOf ?? data.latestPeriod else { throw InputError.make(.noData, "`financials` has no rows", at: input.at) }
        var benefitCells: [Int: [Int32: Int64]] = [:]
        for r in 0..<benefits.rowCount {
            try input.checkCancelled(row: r)
            guard let id = bIds[r], let p = bPeriods[r], p <= status, let v = realized[r] else { continue }
            let g = data.grouping.group(ofProject: id)
            benefitCells[g, default: [:]][p, default: 0] += v
        }
        let monthly = CashFlowAppraisal.monthlyRate(annual: annual)
        let groups = data.grouping.sortedGroups
        var first: [Int32?] = [], months: [Int?] = [], cost: [Int64?] = [], benefit: [Int64?] = [], net: [Int64?] = []
        var npv: [Double?] = [], irr: [Double?] = [], payback: [Double?] = [], dpayback: [Double?] = []
        var roi: [Double?] = [], droi: [Double?] = [], bcr: [Double?] = [], notes: [String?] = []
        for g in groups {
            let costPeriods = g < data.cells.count ? data.cells[g].keys.filter { $0 <= status } : []
            let benefitPeriods = benefitCells[g].map { Array($0.keys) } ?? []
            guard let start = (costPeriods + benefitPeriods).min() else {
                first.append(nil); months.append(nil); cost.append(nil); benefit.append(nil); net.append(nil)
                npv.append(nil); irr.append(nil); payback.append(nil); dpayback.append(nil); roi.append(nil); droi.append(nil); bcr.append(nil)
                notes.append("no cash flows to date")
                continue
            }
            var c: [Int64] = [], b: [Int64] = []
            for p in start...status {
                c.append(g < data.cells.count ? data.cells[g][p]?.ac ?? 0 : 0)
                b.append(benefitCells[g]?[p] ?? 0)
            }
            let cd = c.map { $0.amount(scale: scale) }, bd = b.map { $0.amount(scale: scale) }
            let flows = zip(bd, cd).map { $0 - $1 }
            let s = CashFlowAppraisal.summary(costs: cd, benefits: bd, rate: monthly)
            let i = CashFlowAppraisal.irr(flows)
            first.append(start); months.append(c.count)
            cost.append(c.reduce(0, +)); benefit.append(b.reduce(0, +)); net.append(b.reduce(0, +) - c.reduce(0, +))
            npv.append(CashFlowAppraisal.npv(rate: monthly, flows: flows))
            irr.append(i.rate.map { CashFlowAppraisal.annualRate(monthly: $0) * 100 })
            payback.append(CashFlowAppraisal.payback(flows))
            dpayback.append(CashFlowAppraisal.payback(flows, rate: monthly))
            roi.append(s.roi.map { $0 * 100 }); droi.append(s.discountedROI.map { $0 * 100 }); bcr.append(s.bcr)
            var n: [String] = []
            if let note = i.note { n.append(note) }
            if CashFlowAppraisal.payback(flows) == nil { n.append("not recovered by \(CivilCalendar.formatPeriod(status))") }
            notes.append(n.isEmpty ? nil : n.joined(separator: "; "))
        }
        let convention = "monthly flows at month end; month 0 = first month, undiscounted; \(percent(annual))/yr = \(percent(monthly, digits: 4))/month"
        var cols = data.grouping.keyColumns(groups)
        cols += [
            ResultColumn.period("first_period", first),
            ResultColumn.period("status_period", groups.map { _ in status }),
            ResultColumn.int("months", months),
            ResultColumn.money("cost", cost, scale: scale),
            ResultColumn.money("benefit", benefit, scale: scale),
            ResultColumn.money("net", net, scale: scale),
            ResultColumn.double("rate_pct", groups.map { _ in annual * 100 }),
            ResultColumn.computedMoney("npv", npv, scale: scale),
            ResultColumn.double("irr_pct", irr),
            ResultColumn.double("payback_months", payback),
            ResultColumn.double("dpayback_months", dpayback),
            ResultColumn.double("roi_pct", roi),
            ResultColumn.double("droi_pct", droi),
            ResultColumn.double("bcr", bcr),
            ResultColumn.text("note", notes),
            ResultColumn.text("convention", groups.map { _ in convention }),
        ]
        return Table(columns: cols, rowCount: groups.count)
    }

    static func percent(_ r: Double, digits: Int = 2) -> String {
        let f = Double(FixedDecimal.pow10[digits])
        var s = Value.formatDouble((r * 100 * f).rounded() / f)
        if !s.contains(".") { s += "" }
        return s + "%"
    }
}

/// Appraisal of any table: flows by period (NPV, IRR, payback) or by date (XNPV, XIRR).
enum GenericAppraisal {
    static func table(
        _ table: Table, name: String, amount: String, period: String?, date: String?, by: String?, rate annual: Double,
        input: InputTables
    ) throws(QueryError) -> Table {
        guard (period == nil) != (date == nil) else {
            throw InputError.make(.expectedTiming, "`appraise \(name)` needs exactly one of `period COLUMN` and `date COLUMN`", at: input.at)
        }
        let amountColumn = try input.column(table, name, amount)
        let values = try input.amounts(amountColumn, name, scale: 8).map { $0.map { $0.amount(scale: 8) } }
        let keys: [String?] =
            try by.map { b throws(QueryError) in input.keys(try input.column(table, name, b)) } ?? Array(repeating: nil, count: table.rowCount)
        let timeColumn = try input.column(table, name, period ?? date!)
        var times = [Int64?](repeating: nil, count: table.rowCount)
        var monthly = false
        switch timeColumn.storage {
        case .period(let a): monthly = true; for r in 0..<a.count where !timeColumn.isNull(r) { times[r] = Int64(a[r]) }
        case .int(let a): for r in 0..<a.count where !timeColumn.isNull(r) { times[r] = a[r] }
        case .date(let a): for r in 0..<a.count where !timeColumn.isNull(r) { times[r] = Int64(a[r]) }
        default: throw InputError.make(.typeMismatch, "column `\(timeColumn.name)` must hold periods, whole numbers or dates", at: input.at)
        }
        if date != nil, timeColumn.type != .date {
            throw InputError.make(.typeMismatch, "`date \(timeColumn.name)` must be a date column (YYYY-MM-DD)", at: input.at)
        }
        var order: [String?] = [], flowsBy: [String: [Int64: Double]] = [:]
        for r in 0..<table.rowCount {
            try input.checkCancelled(row: r)
            guard let t = times[r], let v = values[r] else { continue }
            let k = keys[r] ?? "\u{0}"
            if flowsBy[k] == nil { order.append(keys[r]) }
            flowsBy[k, default: [:]][t, default: 0] += v
        }
        order.sort { ($0 ?? "") < ($1 ?? "") }
        let perPeriod = monthly ? CashFlowAppraisal.monthlyRate(annual: annual) : annual
        var count: [Int?] = [], total: [Double?] = [], npv: [Double?] = [], irr: [Double?] = [], payback: [Double?] = [], dpayback: [Double?] = []
        var notes: [String?] = []
        for k in order {
            let cells = flowsBy[k ?? "\u{0}"]!
            count.append(cells.count)
            total.append(cells.values.reduce(0, +))
            let i: CashFlowAppraisal.IRR
            if date != nil {
                let flows = cells.keys.sorted().map { (day: Int32($0), amount: cells[$0]!) }
                npv.append(CashFlowAppraisal.xnpv(rate: annual, flows: flows))
                i = CashFlowAppraisal.xirr(flows)
                irr.append(i.rate.map { $0 * 100 })
                payback.append(nil); dpayback.append(nil)
            } else {
                let lo = cells.keys.min()!, hi = cells.keys.max()!
                let flows = (lo...hi).map { cells[$0] ?? 0 }
                npv.append(CashFlowAppraisal.npv(rate: perPeriod, flows: flows))
                i = CashFlowAppraisal.irr(flows)
                irr.append(i.rate.map { (monthly ? CashFlowAppraisal.annualRate(monthly: $0) : $0) * 100 })
                payback.append(CashFlowAppraisal.payback(flows))
                dpayback.append(CashFlowAppraisal.payback(flows, rate: perPeriod))
            }
            var n: [String] = []
            if let note = i.note { n.append(note) }
            if date == nil, payback.last! == nil { n.append("never recovered") }
            notes.append(n.isEmpty ? nil : n.joined(separator: "; "))
        }
        let convention: String
        if date != nil {
            convention = "XNPV/XIRR: actual days/365 from the first date; \(PortfolioAppraisal.percent(annual)) a year"
        } else if monthly {
            convention =
                "monthly flows at period end; first period undiscounted; \(PortfolioAppraisal.percent(annual))/yr = \(PortfolioAppraisal.percent(perPeriod, digits: 4))/month; IRR annualised"
        } else {
            convention = "flows at the end of each period; first period undiscounted; \(PortfolioAppraisal.percent(annual)) per period; IRR per period"
        }
        var cols: [Column] = []
        if let by { cols.append(ResultColumn.text(by, order)) }
        cols += [
            ResultColumn.int("flows", count),
            ResultColumn.double("total", total),
            ResultColumn.double(date != nil ? "xnpv" : "npv", npv),
            ResultColumn.double(date != nil ? "xirr_pct" : "irr_pct", irr),
        ]
        if date == nil {
            cols += [ResultColumn.double("payback_periods", payback), ResultColumn.double("dpayback_periods", dpayback)]
        }
        cols += [ResultColumn.text("note", notes), ResultColumn.text("convention", order.map { _ in convention })]
        return Table(columns: cols, rowCount: order.count)
    }
}
