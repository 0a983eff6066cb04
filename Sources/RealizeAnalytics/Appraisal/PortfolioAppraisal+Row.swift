import RealizeQuery
import RealizeStore

extension PortfolioAppraisal {
    /// One group's figures: its monthly flows from its first cost or benefit to the status period, appraised.
    struct Row {
        var first: Int32? = nil
        var months: Int? = nil
        var cost: Int128? = nil
        var benefit: Int128? = nil
        var net: Int128? = nil
        var npv: Double? = nil
        var irr: Double? = nil
        var payback: Double? = nil
        var dpayback: Double? = nil
        var roi: Double? = nil
        var droi: Double? = nil
        var bcr: Double? = nil
        var note: String? = nil
    }

    /// The row of group `g` (the `k`-th in display order), and its monthly net flows: it reads `data` and
    /// `realized` only, so groups can be appraised on both cores. The IRR, and its note before any other, are
    /// left to ``withIRR(_:)``, which takes the searches of many groups together (``IRRBatch``).
    ///
    /// - Throws: ``QueryError``: `cancelled` (looked at every 256 groups), `numeric-overflow` when the group's net
    ///   flow (benefit − cost) passes 38 digits.
    static func row(
        _ g: Int, index k: Int, data: FinancialData, realized: RealizedBenefits, status: Int32, monthly: Double, input: InputTables
    ) throws(QueryError) -> (row: Row, flows: [Double]) {
        try input.checkCancelled(group: k)
        let periods = data.cells.periods(g), sums = data.cells.sums(g)
        let firstCost = periods.first.flatMap { $0 <= status ? $0 : nil }
        guard let start = [firstCost, realized.firstPeriod(g)].compactMap({ $0 }).min() else {
            return (Row(note: "no cash flows to date"), [])
        }
        // The group's months in one walk: AC from its cells (0 where it has none), the realized benefits, and
        // every figure but the IRR (``CashFlowFigures``).
        let months = Int(status - start) + 1
        let b = realized.monthly(g, from: start, months: months)
        let double = UnitsToDouble(scale: data.scale)
        var figures = CashFlowFigures(rate: monthly)
        var flows = [Double](repeating: 0, count: months)
        var totalCost: Int128 = 0, cell = periods.startIndex
        for k in 0..<months {
            var cost: Int128 = 0
            if cell < periods.endIndex, periods[cell] == start + Int32(k) {
                cost = sums[cell].ac
                cell += 1
            }
            totalCost += cost
            flows[k] = figures.add(cost: double(cost), benefit: double(b[k]))
        }
        let totalBenefit = b.reduce(0, +)
        guard let netFlow = AmountBound.subtract(totalBenefit, totalCost) else {
            throw input.amountOverflow(
                "the net flow (benefit − cost)", keyName: data.grouping.keyNames[0], keyValue: data.grouping.keyValues[g][0])
        }
        let s = figures.summary
        let payback = figures.payback
        let row = Row(
            first: start, months: months, cost: totalCost, benefit: totalBenefit, net: netFlow, npv: figures.npv, payback: payback,
            dpayback: figures.discountedPayback, roi: s.roi.map { $0 * 100 }, droi: s.discountedROI.map { $0 * 100 }, bcr: s.bcr,
            note: payback == nil ? "not recovered by \(CivilCalendar.formatPeriod(status))" : nil)
        return (row, flows)
    }

    /// The rows with their IRR (annual, in %) from their flows, and the IRR's note before the row's own: the
    /// rows' searches run together (``IRRBatch``).
    static func withIRR(_ rows: [(row: Row, flows: [Double])]) -> [Row] {
        let irrs = IRRBatch.irrs(rows.map(\.flows))
        return zip(rows, irrs).map { item, i in
            var row = item.row
            // A group without flows keeps its only note.
            guard row.months != nil else { return row }
            row.irr = i.rate.map { CashFlowAppraisal.annualRate(monthly: $0) * 100 }
            let notes = [i.note, row.note].compactMap { $0 }
            row.note = notes.isEmpty ? nil : notes.joined(separator: "; ")
            return row
        }
    }
}
