import RealizeQuery
import RealizeStore

/// `benefits [by LEVEL] [as of PERIOD] [curve]`: planned against realized benefits.
///
/// A blank `realized` means "not yet measured", never zero: realization to date compares realized amounts with the
/// planned amounts of the same, measured, rows. Roll-ups sum planned and realized first, then divide.
struct BenefitsCommand: TableCommand {
    let signature = CommandSignature(
        name: "benefits",
        summary: "Benefits realization: planned vs realized to date, realization %, against the whole plan, cumulative curve",
        options: [
            CommandOption(
                "by", words: ["by"], kind: .name("COLUMN", suggestions: CommonArguments.levels + ["benefit", "category"]),
                help: "the roll-up: project, program, portfolio, total, benefit, category, or a column (default: program)"),
            CommonArguments.asOf,
            .flag("curve", aliases: ["detail"], help: "the cumulative curve: one row per group and period"),
        ],
        example: "benefits by program")

    func run(_ call: CommandCall, session: QuerySession) throws(QueryError) -> Table {
        let at = call.nameRange
        let level = CommonArguments.level(call, default: "program")
        let asOf = call.arguments.period("as_of")
        let curve = call.arguments.has("curve")
        let input = InputTables(session: session, at: at, command: "benefits")
        let data = try BenefitsData(level: level, input: input)
        guard let status = asOf ?? data.defaultStatus else {
            throw InputError.make(.noData, "`benefits` has no rows with a period", at: at)
        }
        return curve ? data.curveTable(status: status) : data.summaryTable(status: status)
    }
}

/// The `benefits` table per group and period: planned, realized (measured rows only) and measured planned.
///
/// Loading bounds each group's Σ|planned| and Σ|realized| by 38 digits (``AmountBound``), so the sums and
/// differences of a group's cells taken afterwards fit and cannot overflow.
struct BenefitsData {
    struct Cell { var planned: Int128 = 0; var realized: Int128 = 0; var measuredPlanned: Int128 = 0; var measuredRows = 0; var rows = 0 }

    var keyNames: [String]
    var keyValues: [[String?]] = []
    var cells: [[Int32: Cell]] = []
    let scale: Int
    /// The data date: the latest period of `financials` when there is one, else the last period with a realized value.
    let defaultStatus: Int32?

    /// - Parameter denseLimit: the most cells (groups × periods) summed in a dense grid; by default a quarter of the
    ///   rows, at least 64K.
    init(level: (String, SourceRange), input: InputTables, denseLimit: Int? = nil) throws(QueryError) {
        let table = try input.table("benefits", for: "benefits realization")
        let idColumn = try input.column(table, "benefits", "project_id")
        let periods = try input.periods(try input.column(table, "benefits", "period"), "benefits")
        let plannedColumn = try input.column(table, "benefits", "planned"), realizedColumn = try input.column(table, "benefits", "realized")
        scale = InputTables.moneyScale([plannedColumn, realizedColumn])
        // Amounts as exact units (null reads 0); a realized amount is measured where it is not null.
        let planned = try AmountColumn(plannedColumn, "benefits", scale: scale, input: input)
        let realized = try AmountColumn(realizedColumn, "benefits", scale: scale, input: input)
        let measured: Bitmap?
        if case .decimal(_, let s) = realizedColumn.storage, s == scale {
            measured = realizedColumn.validity
        } else {
            let units = try input.amounts(realizedColumn, "benefits", scale: scale)
            var m = Bitmap(count: units.count, value: true)
            for (i, u) in units.enumerated() where u == nil { m[i] = false }
            measured = m
        }
        let groupOfRow: [Int]
        if ["benefit", "category"].contains(level.0)
            || (table.column(named: level.0) != nil && level.0 != "project_id" && input.session.catalog["projects"]?.column(named: level.0) == nil)
        {
            keyNames = [level.0]
            var index: [String: Int] = [:]
            groupOfRow = input.mapKeys(try input.column(table, "benefits", level.0)) { k in
                let kk = k ?? "\u{0}"
                if let g = index[kk] { return g }
                index[kk] = index.count
                return index.count - 1
            }
            keyValues = Array(repeating: [nil], count: index.count)
            for (k, g) in index { keyValues[g] = [k == "\u{0}" ? nil : k] }
        } else {
            var grouping = try ProjectGrouping(level: level.0, levelRange: level.1, input: input, scale: scale, needBudget: false)
            groupOfRow = input.mapKeys(idColumn) { id in id.map { grouping.group(ofProject: $0) } ?? -1 }
            let keep = level.0 == "project" ? min(2, grouping.keyNames.count) : 1
            keyNames = Array(grouping.keyNames.prefix(keep))
            keyValues = grouping.keyValues.map { Array($0.prefix(keep)) }
        }
        var sums = CellSums(groups: keyValues.count, periods: periods, limit: denseLimit ?? max(table.rowCount / 4, 1 << 16))
        // 64-bit amounts: no Σ|amount| can pass 38 digits (see ``AmountColumn/isNarrowUnits``), none is bounded.
        let bounded = !(planned.isNarrowUnits && realized.isNarrowUnits)
        var bounds = Array(repeating: [AmountBound(), AmountBound()], count: bounded ? keyValues.count : 0)
        var lastMeasured: Int32? = nil
        for r in 0..<table.rowCount {
            try input.checkCancelled(row: r)
            let g = groupOfRow[r]
            guard g >= 0, let p = periods[r] else { continue }
            let plan = planned[r], real = realized[r], isMeasured = measured?[r] ?? true
            if bounded {
                for (k, x) in [plan, real].enumerated() where !bounds[g][k].add(x) {
                    throw input.amountOverflow("the sum of \(k == 0 ? "planned" : "realized")", keyName: keyNames[0], keyValue: keyValues[g][0])
                }
            }
            sums.add(g, p) { c in
                c.rows += 1
                c.planned += plan
                if isMeasured {
                    c.realized += real
                    c.measuredPlanned += plan
                    c.measuredRows += 1
                }
            }
            if isMeasured { lastMeasured = max(lastMeasured ?? p, p) }
        }
        cells = sums.cells
        var fin: Int32? = nil
        if let all = input.session.catalog["financials"] {
            // Only `snapshot` and `period` are narrowed to the latest snapshot: no other column is read here.
            let kept = all.columnNames.indices.filter { [SnapshotColumn.name, "period"].contains(all.columnNames[$0]) }
            let f = input.latestSnapshot(all.projecting(kept), "financials")
            if let pc = f.column(named: "period"), case .period(let a) = pc.storage {
                for i in 0..<a.count where !pc.isNull(i) { fin = max(fin ?? a[i], a[i]) }
            }
        }
        defaultStatus = fin ?? lastMeasured
    }

    /// The cells summed in a dense group × period grid where it is small beside the rows, else a dictionary per
    /// group; ``cells`` gives them as a dictionary per group either way.
    private struct CellSums {
        private var grid: [Cell] = []
        private var low: Int32 = 0
        private var width = 0
        private var sparse: [[Int32: Cell]]

        init(groups: Int, periods: [Int32?], limit: Int) {
            sparse = Array(repeating: [:], count: groups)
            var first = Int32.max, last = Int32.min
            for case let p? in periods {
                first = min(first, p)
                last = max(last, p)
            }
            guard first <= last else { return }
            let span = Int(last) - Int(first) + 1
            let (cells, wide) = groups.multipliedReportingOverflow(by: span)
            guard !wide, cells <= limit else { return }
            (grid, low, width) = ([Cell](repeating: Cell(), count: cells), first, span)
        }

        @inline(__always) mutating func add(_ g: Int, _ p: Int32, _ update: (inout Cell) -> Void) {
            if width > 0 { update(&grid[g * width + Int(p - low)]) } else { update(&sparse[g][p, default: Cell()]) }
        }

        /// Per group, its periods with rows.
        var cells: [[Int32: Cell]] {
            guard width > 0 else { return sparse }
            var out = sparse
            for g in out.indices {
                for o in 0..<width where grid[g * width + o].rows > 0 { out[g][low + Int32(o)] = grid[g * width + o] }
            }
            return out
        }
    }

    var order: [Int] {
        keyValues.indices.sorted { a, b in
            for k in keyNames.indices where keyValues[a][k] != keyValues[b][k] { return (keyValues[a][k] ?? "\u{10FFFF}") < (keyValues[b][k] ?? "\u{10FFFF}") }
            return a < b
        }
    }

    static func pct(_ a: Int128, _ b: Int128) -> Double? { b == 0 ? nil : Double(a) / Double(b) * 100 }

    func summaryTable(status: Int32) -> Table {
        let groups = order.filter { !cells[$0].isEmpty }
        var total: [Int128?] = [], toDate: [Int128?] = [], measured: [Int128?] = [], realized: [Int128?] = [], unmeasured: [Int128?] = []
        var last: [Int32?] = [], rate: [Double?] = [], ofPlan: [Double?] = []
        for g in groups {
            var t: Int128 = 0, d: Int128 = 0, m: Int128 = 0, r: Int128 = 0
            var lm: Int32? = nil
            for (p, c) in cells[g] {
                t += c.planned
                guard p <= status else { continue }
                d += c.planned; m += c.measuredPlanned; r += c.realized
                if c.measuredRows > 0 { lm = max(lm ?? p, p) }
            }
            total.append(t); toDate.append(d); measured.append(m); realized.append(r); unmeasured.append(d - m); last.append(lm)
            rate.append(Self.pct(r, m)); ofPlan.append(Self.pct(r, t))
        }
        var cols = keyNames.indices.map { k in ResultColumn.text(keyNames[k], groups.map { keyValues[$0][k] }) }
        cols += [
            ResultColumn.period("status_period", groups.map { _ in status }),
            ResultColumn.period("last_measured", last),
            ResultColumn.money("planned_total", total, scale: scale),
            ResultColumn.money("planned_to_date", toDate, scale: scale),
            ResultColumn.money("measured_planned", measured, scale: scale),
            ResultColumn.money("realized", realized, scale: scale),
            ResultColumn.money("not_yet_measured", unmeasured, scale: scale),
            ResultColumn.double("realization_pct", rate),
            ResultColumn.double("of_plan_pct", ofPlan),
        ]
        return Table(columns: cols, rowCount: groups.count)
    }

    func curveTable(status: Int32) -> Table {
        var keys: [[String?]] = keyNames.map { _ in [] }
        var periods: [Int32] = [], planned: [Int128?] = [], realized: [Int128?] = [], cumPlanned: [Int128?] = [], cumRealized: [Int128?] = []
        var cumMeasured: [Int128?] = [], pct: [Double?] = [], measured: [String?] = []
        for g in order {
            var cp: Int128 = 0, cr: Int128 = 0, cm: Int128 = 0
            let lastMeasured = cells[g].filter { $0.key <= status && $0.value.measuredRows > 0 }.keys.max()
            for p in cells[g].keys.sorted() {
                let c = cells[g][p]!
                for k in keyNames.indices { keys[k].append(keyValues[g][k]) }
                periods.append(p)
                cp += c.planned
                planned.append(c.planned); cumPlanned.append(cp)
                let isMeasured = c.measuredRows > 0 && p <= status
                if isMeasured { cr += c.realized; cm += c.measuredPlanned }
                realized.append(isMeasured ? c.realized : nil)
                let inRange = lastMeasured.map { p <= $0 } ?? false
                cumRealized.append(inRange ? cr : nil)
                cumMeasured.append(inRange ? cm : nil)
                pct.append(inRange ? Self.pct(cr, cm) : nil)
                measured.append(isMeasured ? (c.measuredRows == c.rows ? "yes" : "partly") : (p <= status ? "not measured" : "future"))
            }
        }
        var cols = keyNames.indices.map { k in ResultColumn.text(keyNames[k], keys[k]) }
        cols += [
            ResultColumn.period("period", periods),
            ResultColumn.money("planned", planned, scale: scale),
            ResultColumn.money("realized", realized, scale: scale),
            ResultColumn.text("measured", measured),
            ResultColumn.money("cum_planned", cumPlanned, scale: scale),
            ResultColumn.money("cum_realized", cumRealized, scale: scale),
            ResultColumn.money("cum_measured_planned", cumMeasured, scale: scale),
            ResultColumn.double("cum_realization_pct", pct),
        ]
        return Table(columns: cols, rowCount: periods.count)
    }
}
