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
            .flag("forecast", help: "the whole-life business case: baseline (BAC as planned, all planned benefits) against the current forecast"),
            CommandOption(
                "eac", words: ["eac"], kind: .choice(EVMFigures.EACMethod.allCases.map(\.rawValue)),
                help: "with forecast: the EAC the remaining cost runs to (default .set evm_eac)"),
            CommandOption(
                "risk_adjusted", words: ["risk", "adjusted"], kind: .flag,
                help: "with forecast: remaining benefits × realized/planned to date (as planned where nothing is measured)"),
            CommandOption(
                "benefits_at", words: ["benefits_at"], kind: .rate,
                help: "with forecast: what-if share of the remaining benefits (80%; not `benefits`, which names a table)"),
            CommandOption("delay", words: ["delay"], kind: .integer(minimum: 0), help: "with forecast: what-if months the remaining benefits slip"),
            CommandOption("overrun", words: ["overrun"], kind: .rate, help: "with forecast: what-if overrun on the remaining cost (10%)"),
            .flag("sensitivity", help: "with forecast: NPV at -20%/+20% of rate, benefits, cost and a 6-month delay, by swing"),
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
        let whatIfs = ["eac", "risk_adjusted", "benefits_at", "delay", "overrun", "sensitivity"]
        if generic != nil, let misplaced = (["forecast"] + whatIfs).first(where: { args.has($0) }) {
            throw QueryError(
                Diagnostic(
                    id: .unexpectedArgument, message: "`\(misplaced)` applies to the portfolio's business case, not to a table's flows",
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
        let input = InputTables(session: session, at: at, command: "appraise")
        if let g = generic.map({ (table: $0.text, range: $0.range) }) {
            let table = input.latestSnapshot(g.table == "_" ? (session.lastResult ?? .empty) : session.catalog[g.table] ?? .empty, g.table)
            guard let amount else {
                throw QueryError(
                    Diagnostic(id: .expectedAmount, message: "`appraise \(g.table)` needs `amount COLUMN`", range: call.range, hint: "usage: \(usage)"))
            }
            return try GenericAppraisal.table(
                table, name: g.table, amount: amount, period: periodColumn, date: dateColumn,
                by: level.0.isEmpty ? nil : level.0, rate: annual, input: input)
        }
        if !args.has("forecast"), let misplaced = whatIfs.first(where: { args.has($0) }) {
            let words = misplaced.split(separator: "_").joined(separator: " ")
            throw QueryError(
                Diagnostic(
                    id: .unexpectedArgument, message: "`\(words)` applies to the business case: add `forecast`",
                    range: args.range(misplaced) ?? at, hint: "usage: \(usage)"))
        }
        if args.has("forecast") {
            var scenario = CaseScenario()
            scenario.riskAdjusted = args.has("risk_adjusted")
            scenario.benefitFactor = args.number("benefits_at") ?? 1
            scenario.costFactor = 1 + (args.number("overrun") ?? 0)
            scenario.delay = args.integer("delay") ?? 0
            let method =
                args.word("eac").flatMap(EVMFigures.EACMethod.init(rawValue:))
                ?? EVMFigures.EACMethod(rawValue: AnalyticsSettings.value("evm_eac", in: session.settings)) ?? .cpi
            let report = try BusinessCaseReport(
                .init(level: level, rate: annual, status: asOf, method: method, scenario: scenario), input: input)
            return args.has("sensitivity") ? report.sensitivityTable() : report.table()
        }
        return try PortfolioAppraisal.table(level: level, rate: annual, asOf: asOf, input: input)
    }
}

/// The portfolio appraisal: monthly flows per group.
enum PortfolioAppraisal {
    static func table(level: (String, SourceRange), rate annual: Double, asOf: Int32?, input: InputTables) throws(QueryError) -> Table {
        // The flows are actual cost and realized benefits: planned and earned value are not summed.
        var data = try FinancialData(level: level.0, levelRange: level.1, input: input, needBudget: false, actualCostOnly: true)
        let scale = data.scale
        var realized = try RealizedBenefits(scale: scale, input: input)
        guard let status = asOf ?? data.latestPeriod else { throw InputError.make(.noData, "`financials` has no rows", at: input.at) }
        try realized.collect(through: status, grouping: &data.grouping, input: input)
        let monthly = CashFlowAppraisal.monthlyRate(annual: annual)
        let groups = data.grouping.sortedGroups
        // Groups on both cores, half each (``GroupWork``): a half's rows, then their IRRs together. A half stops at
        // its first error, so the first error in display order is the one thrown, as serially.
        let appraised = GroupWork.mapHalves(groups.count) { range -> [Result<Row, QueryError>] in
            var half: [(row: Row, flows: [Double])] = []
            half.reserveCapacity(range.count)
            for k in range {
                do throws(QueryError) {
                    half.append(try row(groups[k], index: k, data: data, realized: realized, status: status, monthly: monthly, input: input))
                } catch {
                    return [.failure(error)]
                }
            }
            return withIRR(half).map { .success($0) }
        }
        var out: [Row] = []
        out.reserveCapacity(appraised.count)
        for r in appraised {
            switch r {
            case .success(let row): out.append(row)
            case .failure(let error): throw error
            }
        }
        let convention = "monthly flows at month end; month 0 = first month, undiscounted; \(percent(annual))/yr = \(percent(monthly, digits: 4))/month"
        var cols = data.grouping.keyColumns(groups)
        cols += [
            ResultColumn.period("first_period", out.map(\.first)),
            ResultColumn.period("status_period", groups.map { _ in status }),
            ResultColumn.int("months", out.map(\.months)),
            ResultColumn.money("cost", out.map(\.cost), scale: scale),
            ResultColumn.money("benefit", out.map(\.benefit), scale: scale),
            ResultColumn.money("net", out.map(\.net), scale: scale),
            ResultColumn.double("rate_pct", groups.map { _ in annual * 100 }),
            ResultColumn.computedMoney("npv", out.map(\.npv), scale: scale),
            ResultColumn.double("irr_pct", out.map(\.irr)),
            ResultColumn.double("payback_months", out.map(\.payback)),
            ResultColumn.double("dpayback_months", out.map(\.dpayback)),
            ResultColumn.double("roi_pct", out.map(\.roi)),
            ResultColumn.double("droi_pct", out.map(\.droi)),
            ResultColumn.double("bcr", out.map(\.bcr)),
            ResultColumn.text("note", out.map(\.note)),
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
