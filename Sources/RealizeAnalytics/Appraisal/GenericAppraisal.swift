import RealizeQuery
import RealizeStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
        let scale = InputTables.moneyScale([amountColumn])
        let values = try input.amounts(amountColumn, name, scale: scale)
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
        // Flows are summed exactly per key and time; Σ|flow| per key is bounded by 38 digits, so every sum fits.
        var order: [String?] = [], exact: [String: [Int64: Int128]] = [:], bounds: [String: AmountBound] = [:]
        for r in 0..<table.rowCount {
            try input.checkCancelled(row: r)
            guard let t = times[r], let v = values[r] else { continue }
            let k = keys[r] ?? "\u{0}"
            if exact[k] == nil { order.append(keys[r]) }
            guard bounds[k, default: AmountBound()].add(v) else {
                throw input.amountOverflow("the sum of \(amount)", keyName: by ?? "scope", keyValue: keys[r])
            }
            exact[k, default: [:]][t, default: 0] += v
        }
        let flowsBy = exact.mapValues { $0.mapValues { $0.amount(scale: scale) } }
        order.sort { ($0 ?? "") < ($1 ?? "") }
        let perPeriod = monthly ? CashFlowAppraisal.monthlyRate(annual: annual) : annual
        var count: [Int?] = [], total: [Int128?] = [], npv: [Double?] = [], irr: [Double?] = [], payback: [Double?] = [], dpayback: [Double?] = []
        var notes: [String?] = []
        for k in order {
            let cells = flowsBy[k ?? "\u{0}"]!
            count.append(cells.count)
            total.append(exact[k ?? "\u{0}"]!.values.reduce(0, +))
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
                // Whole-number periods are discounted by their number as given (period 0 undiscounted, 1 one
                // period, so 1…n is Excel's NPV); monthly periods count from the first month.
                let origin = monthly ? 0 : Double(lo)
                npv.append(CashFlowAppraisal.npv(rate: perPeriod, flows: flows).map { $0 / pow(1 + perPeriod, origin) })
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
                "monthly flows at period end; months counted from the first month, undiscounted; \(PortfolioAppraisal.percent(annual))/yr = \(PortfolioAppraisal.percent(perPeriod, digits: 4))/month; IRR annualised"
        } else {
            convention =
                "flows at the end of each period; period k discounted k periods as numbered (0 undiscounted, 1…n = Excel NPV); \(PortfolioAppraisal.percent(annual)) per period; IRR per period; payback from the first period"
        }
        var cols: [Column] = []
        if let by { cols.append(ResultColumn.text(by, order)) }
        cols += [
            ResultColumn.int("flows", count),
            ResultColumn.money("total", total, scale: scale),
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
