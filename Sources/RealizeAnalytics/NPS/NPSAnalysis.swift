import RealizeQuery
import RealizeStore

/// What `nps` was asked for.
struct NPSRequest: Sendable {
    var table = "nps"
    var tableRange: SourceRange? = nil
    /// Columns to group by (`by program, segment`).
    var groupBy: [(name: String, range: SourceRange)] = []
    var grain: TimeGrain? = nil
    /// Adjusted-Wald columns beside the Wald ones; change and z on the adjusted estimates.
    var adjusted = false
    /// One row per group with its series of NPS (drawn as a sparkline) instead of one row per period.
    var trend = false
    /// Below this many respondents a row is flagged `low_n`; nil takes the `nps_min_n` setting (default 30).
    var minimumN: Int? = nil
}

/// Computes NPS tables from a table of responses, a column at a time.
enum NPSAnalysis {
    /// The default of `.set nps_min_n`.
    static let defaultMinimumN = 30
    static let scoreColumnName = "score"
    static let periodColumnName = "period"

    /// One output row's statistics.
    struct Row {
        var group: Int
        var bucket: Int32?
        var tally: NPSTally
    }

    /// Runs `request` over `source`.
    ///
    /// - Throws: ``QueryError`` when a column is missing or mistyped, or a score is not a whole number from 0 to 10.
    /// - Complexity: O(rows + groups × periods).
    static func run(_ request: NPSRequest, source: SourceColumns, settings: QuerySettings) throws(QueryError) -> Table {
        let minimumN = request.minimumN ?? Int(settings.options["nps_min_n"] ?? "") ?? defaultMinimumN
        let fiscalStart = settings.fiscalYearStart
        let scoreColumn = try source.column(scoreColumnName, types: [.int, .decimal, .double], role: "the answer, 0 to 10")
        var keys: [Column] = []
        for (name, range) in request.groupBy {
            keys.append(try source.column(name, types: DataType.allCases, role: "grouping", at: range))
        }
        let periods = request.grain == nil ? nil : try source.column(periodColumnName, types: [.period, .date], role: "when the answer was given")
        let groups = KeyGroups(keys, rowCount: source.table.rowCount)
        let scores = try scores(scoreColumn, source: source)
        let rows = tallyRows(scores, groups: groups, periods: periods, grain: request.grain, fiscalStart: fiscalStart)
        let keyColumns = keys.map { $0.gather(rows.map { groups.firstRow[$0.group] }) }
        let table = columns(rows, keys: keyColumns, request: request, minimumN: minimumN, fiscalStart: fiscalStart)
        return request.trend ? trendTable(table, rows: rows, keyCount: keys.count, request: request, fiscalStart: fiscalStart) : table
    }

    /// The per-period (or per-group) table.
    static func columns(_ rows: [Row], keys: [Column], request: NPSRequest, minimumN: Int, fiscalStart: Int) -> Table {
        var out = keys
        if let grain = request.grain {
            out.append(grain.column(rows.map { $0.bucket ?? 0 }, fiscalStart: fiscalStart))
        }
        let t = rows.map(\.tally)
        out.append(OutputColumn.ints("n", t.map(\.n)))
        out.append(OutputColumn.ints("promoters", t.map(\.promoters)))
        out.append(OutputColumn.ints("passives", t.map(\.passives)))
        out.append(OutputColumn.ints("detractors", t.map(\.detractors)))
        out.append(OutputColumn.doubles("nps", t.map(\.nps)).displayed(.decimals(1)))
        out.append(OutputColumn.doubles("se", t.map(\.standardError)).displayed(.decimals(1)))
        out.append(OutputColumn.doubles("moe", t.map(\.marginOfError)).displayed(.decimals(1)))
        if request.adjusted {
            out.append(OutputColumn.doubles("nps_adj", t.map(\.adjustedNPS)).displayed(.decimals(1)))
            out.append(OutputColumn.doubles("se_adj", t.map(\.adjustedStandardError)).displayed(.decimals(1)))
            out.append(OutputColumn.doubles("moe_adj", t.map(\.adjustedMarginOfError)).displayed(.decimals(1)))
        }
        if request.grain != nil {
            var change: [Double?] = [], z: [Double?] = [], significant: [Bool?] = [], seChange: [Double?] = []
            for (i, row) in rows.enumerated() {
                guard i > 0, rows[i - 1].group == row.group else {
                    change.append(nil); z.append(nil); significant.append(nil); seChange.append(nil)
                    continue
                }
                let (a, b) = (rows[i - 1].tally, row.tally)
                let delta: Double?, se: Double?
                if request.adjusted {
                    delta = b.adjustedNPS.flatMap { x in a.adjustedNPS.map { x - $0 } }
                    se = NPSTally.changeStandardError(se1: a.adjustedStandardError, se2: b.adjustedStandardError)
                } else {
                    delta = b.nps.flatMap { x in a.nps.map { x - $0 } }
                    se = NPSTally.changeStandardError(se1: a.standardError, se2: b.standardError)
                }
                let zScore = delta.flatMap { d in se.flatMap { $0 > 0 ? d / $0 : nil } }
                change.append(delta)
                seChange.append(se)
                z.append(zScore)
                significant.append(NPSTally.isSignificant(zScore))
            }
            // The 95 % interval of the change, from the same standard error as z: Δ ± 1.96 × SE_Δ.
            func bound(_ sign: Double) -> [Double?] {
                zip(change, seChange).map { d, se in d.flatMap { d in se.map { d + sign * NPSTally.z95 * $0 } } }
            }
            out.append(OutputColumn.doubles("change", change).displayed(.decimals(1)))
            out.append(OutputColumn.doubles("se_change", seChange).displayed(.decimals(1)))
            out.append(OutputColumn.doubles("change_low", bound(-1)).displayed(.decimals(1)))
            out.append(OutputColumn.doubles("change_high", bound(1)).displayed(.decimals(1)))
            out.append(OutputColumn.doubles("z", z).displayed(.decimals(2)))
            out.append(OutputColumn.doubles("p_value", NPSTally.pValueColumn(z)).displayed(.decimals(4)))
            out.append(OutputColumn.bools("significant", significant))
        }
        out.append(OutputColumn.bools("low_n", t.map { $0.n < minimumN }))
        return Table(columns: out, rowCount: rows.count)
    }

    /// One row per group: first and last period, the first and latest NPS, the latest change and its test, and
    /// every period's NPS (`trend`, the series as text, a gap for a period without responses). The column asks to be
    /// drawn as a sparkline on one scale shared by all groups: the lowest NPS in the result draws `▁`, the highest `█`.
    static func trendTable(_ detail: Table, rows: [Row], keyCount: Int, request: NPSRequest, fiscalStart: Int) -> Table {
        guard let grain = request.grain, !rows.isEmpty else { return detail }
        let nps = rows.map { request.adjusted ? $0.tally.adjustedNPS : $0.tally.nps }
        let defined = nps.compactMap { $0 }
        let low = defined.min() ?? 0, high = defined.max() ?? 0
        var firstRows: [Int] = [], lastRows: [Int] = []
        for i in rows.indices {
            if i == 0 || rows[i - 1].group != rows[i].group { firstRows.append(i) }
            if i == rows.count - 1 || rows[i + 1].group != rows[i].group { lastRows.append(i) }
        }
        func pick(_ name: String, _ at: [Int]) -> Column { detail.column(named: name)!.gather(at) }
        var out = detail.columns.prefix(keyCount).map { $0.gather(lastRows) }
        out.append(OutputColumn.texts("from", firstRows.map { grain.label(rows[$0].bucket ?? 0, fiscalStart: fiscalStart) }))
        out.append(OutputColumn.texts("to", lastRows.map { grain.label(rows[$0].bucket ?? 0, fiscalStart: fiscalStart) }))
        out.append(pick("nps", firstRows).renamed("first"))
        out.append(pick("nps", lastRows).renamed("latest"))
        if request.adjusted { out.append(pick("nps_adj", lastRows).renamed("latest_adj")) }
        out.append(pick("n", lastRows))
        out.append(pick("change", lastRows))
        out.append(pick("z", lastRows))
        out.append(pick("p_value", lastRows))
        out.append(pick("significant", lastRows))
        out.append(pick("low_n", lastRows))
        let series = zip(firstRows, lastRows).map { DisplayHint.seriesText(Array(nps[$0...$1])) }
        out.append(OutputColumn.texts("trend", series).displayed(.sparkline(scale: low...high)))
        return Table(columns: out, rowCount: lastRows.count)
    }
}
