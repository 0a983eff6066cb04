import RealizeQuery
import RealizeStore

/// One group's series of a metric, by period (month) or quarter, ready for the statistics.
struct TrendSeries {
    var keyNames: [String]
    var keyValues: [String?]
    var metric: String
    var higherIsBetter: Bool?
    /// Bucket ids: a period (`year * 12 + month − 1`) or a quarter (`year * 4 + quarter − 1`), contiguous.
    var buckets: [Int32]
    var periodic: [Double?]
    var cumulative: [Double?]

    /// Series of a financial metric for every group, from its first period to the status period.
    ///
    /// - Complexity: O(b + c) per group, for b buckets in its span and c cells (periods with data): one walk over
    ///   the group's cells in period order gives each bucket's own amounts and carries the cumulative ones. The
    ///   schedule curve (earned-schedule metrics) is built once per group, from the periods present.
    ///   Groups are independent: on both cores when there are many (``GroupWork``), in display order either way.
    static func financial(_ data: FinancialData, metric: TrendMetric, status: Int32, quarterly: Bool) -> [TrendSeries] {
        let groups = data.grouping.sortedGroups
        return GroupWork.map(groups.count) { k in series(data, group: groups[k], metric: metric, status: status, quarterly: quarterly) }
            .compactMap { $0 }
    }

    /// The series of group `g` (see ``financial(_:metric:status:quarterly:)``); nil when it has no period with data
    /// up to the status period.
    private static func series(_ data: FinancialData, group g: Int, metric: TrendMetric, status: Int32, quarterly: Bool) -> TrendSeries? {
        let grouping = data.grouping
        let keyCount = grouping.level == "project" ? min(2, grouping.keyNames.count) : 1
        let double = UnitsToDouble(scale: data.scale)
        let periods = data.cells.periods(g), sums = data.cells.sums(g)
        // The cells up to the status period: a prefix of the sorted periods.
        var end = periods.startIndex
        while end < periods.endIndex && periods[end] <= status { end += 1 }
        guard end > periods.startIndex else { return nil }
        let first = periods[periods.startIndex], last = periods[end - 1]
        let curve = metric.usesSchedule ? data.scheduleCurve(g, periods: Array(periods)) : nil
        var cum = FinancialData.Amounts()
        var next = periods.startIndex  // the first cell not yet in `cum`
        var lastSeen = first
        let bucket: (Int32) -> Int32 = quarterly ? { Int32(floorDiv(Int($0), 3)) } : { $0 }
        // BAC only for the metrics that use it: without them `projects.budget` was not read.
        let bac = metric.usesBudget ? grouping.bac[g]?.amount(scale: data.scale) : nil
        let span = Int(bucket(last) - bucket(first)) + 1
        var s = TrendSeries(
            keyNames: Array(grouping.keyNames.prefix(keyCount)), keyValues: Array(grouping.keyValues[g].prefix(keyCount)),
            metric: metric.name, higherIsBetter: metric.higherIsBetter, buckets: [], periodic: [], cumulative: [])
        s.buckets.reserveCapacity(span)
        s.periodic.reserveCapacity(span)
        s.cumulative.reserveCapacity(span)
        func figures(_ a: FinancialData.Amounts) -> EVMFigures {
            EVMFigures(bac: bac, pv: double(a.pv), ev: double(a.ev), ac: double(a.ac))
        }
        for b in bucket(first)...bucket(last) {
            // The bucket's own cells are the next ones up to its last month (or the status period).
            let through = min(quarterly ? b * 3 + 2 : b, status)
            var own = FinancialData.Amounts()
            while next < end && periods[next] <= through {
                own = own + sums[next]
                lastSeen = periods[next]
                next += 1
            }
            cum = cum + own
            let cumulativeValue: Double?
            if let curve {
                let es = EarnedSchedule.es(curve: curve, ev: double(cum.ev))
                let at = Double(lastSeen - first + 1)
                switch metric.name {
                case "es": cumulativeValue = es
                case "sv_t": cumulativeValue = EarnedSchedule.svT(es: es, at: at)
                default: cumulativeValue = EarnedSchedule.spiT(es: es, at: at)
                }
            } else {
                cumulativeValue = metric.compute(figures(cum))
            }
            s.buckets.append(b)
            s.cumulative.append(cumulativeValue)
            s.periodic.append(metric.isStock ? cumulativeValue : metric.compute(figures(own)))
        }
        return s
    }

    /// Series of any measure (`agg`-able) over a table, by month or quarter: periodic values only.
    static func measure(
        _ metric: String, source: (String, SourceRange)?, level: (String, SourceRange), quarterly: Bool, asOf: Int32?,
        session: QuerySession, at: SourceRange
    ) throws(QueryError) -> [TrendSeries] {
        let src = source.map { "`\($0.0)`" } ?? "financials | join projects on project_id"
        let key: String? = level.0 == "total" || level.0 == "all" ? nil : (level.0 == "project" ? "project_id" : level.0)
        var text = src
        if let asOf { text += " | where period <= \(CivilCalendar.formatPeriod(asOf))" }
        let keys = (key.map { ["`\($0)`"] } ?? []) + (quarterly ? ["y = period.year", "q = period.quarter"] : ["period"])
        text += " | by " + keys.joined(separator: ", ") + " agg value = \(metric)"
        // The query reads the latest snapshot of a stacked source, as every domain command does.
        var inner = session
        let narrowing = InputTables(session: session, at: at, command: "trend")
        for name in source.map({ [$0.0] }) ?? ["financials", "projects"] {
            if let t = session.catalog[name] { inner.catalog.set(name, narrowing.latestSnapshot(t, name)) }
        }
        let table: Table
        do throws(QueryError) {
            guard case .table(let t) = try inner.run(text) else { return [] }
            table = t
        } catch {
            throw QueryError(
                Diagnostic(id: error.primary.id, message: "trend \(metric): \(error.primary.message) (in `\(text)`)", range: at, hint: error.primary.hint))
        }
        let keyValues: [String?] =
            key.flatMap { table.column(named: $0) }.map { InputTables(session: session, at: at).keys($0) } ?? Array(repeating: "total", count: table.rowCount)
        let values = table.column(named: "value")
        var bucketOf = [Int32?](repeating: nil, count: table.rowCount)
        if quarterly, let y = table.column(named: "y"), let q = table.column(named: "q") {
            for r in 0..<table.rowCount {
                if let yy = y.value(at: r).doubleValue, let qq = q.value(at: r).doubleValue { bucketOf[r] = Int32(yy) * 4 + Int32(qq) - 1 }
            }
        } else if let p = table.column(named: "period"), case .period(let a) = p.storage {
            for r in 0..<table.rowCount where !p.isNull(r) { bucketOf[r] = a[r] }
        }
        var byKey: [String: [Int32: Double?]] = [:]
        var order: [String?] = []
        for r in 0..<table.rowCount {
            try session.checkCancelled(row: r, at: at)
            guard let b = bucketOf[r] else { continue }
            let k = keyValues[r] ?? "\u{0}"
            if byKey[k] == nil { order.append(keyValues[r]) }
            byKey[k, default: [:]][b] = values?.value(at: r).doubleValue
        }
        return order.sorted { ($0 ?? "") < ($1 ?? "") }.map { kv in
            let cells = byKey[kv ?? "\u{0}"]!
            let lo = cells.keys.min()!, hi = cells.keys.max()!
            let bs = Array(lo...hi)
            return TrendSeries(
                keyNames: [key ?? "scope"], keyValues: [kv], metric: metric.lowercased(), higherIsBetter: nil, buckets: bs,
                periodic: bs.map { cells[$0] ?? nil }, cumulative: bs.map { _ in nil })
        }
    }

    static func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : (a - b + 1) / b }

    static func label(_ bucket: Int32, quarterly: Bool) -> String {
        quarterly ? "\(floorDiv(Int(bucket), 4))-Q\(Int(bucket) - floorDiv(Int(bucket), 4) * 4 + 1)" : CivilCalendar.formatPeriod(bucket)
    }

    /// One row per group.
    static func summaryTable(_ series: [TrendSeries]) -> Table {
        let keyNames = series.first?.keyNames ?? ["scope"]
        var cols = keyNames.indices.map { k in ResultColumn.text(keyNames[k], series.map { $0.keyValues[k] }) }
        let fits = series.map { TrendStatistics.slope($0.periodic) }
        let limits = series.map { TrendStatistics.xmr($0.periodic) }
        cols += [
            ResultColumn.text("metric", series.map { $0.metric }),
            ResultColumn.int("periods", series.map { s in s.periodic.reduce(0) { $1 == nil ? $0 : $0 + 1 } }),
            ResultColumn.double("latest", series.map { $0.periodic.last ?? nil }),
            ResultColumn.double("cumulative", series.map { $0.cumulative.last ?? nil }),
            ResultColumn.double("ma3", series.map { TrendStatistics.movingAverage($0.periodic, at: $0.periodic.count - 1) }),
            ResultColumn.double("slope", fits.map { $0?.slope }),
            ResultColumn.text(
                "direction", zip(series, fits).map { s, f in f.map { TrendStatistics.direction(slope: $0.slope, t: $0.t, higherIsBetter: s.higherIsBetter) } }),
            ResultColumn.double("mean", limits.map { $0?.centre }),
            ResultColumn.double("lcl", limits.map { $0?.lower }),
            ResultColumn.double("ucl", limits.map { $0?.upper }),
            ResultColumn.int(
                "out_of_control",
                zip(series, limits).map { s, l in l == nil ? nil : s.periodic.reduce(0) { TrendStatistics.signal($1, l) == nil ? $0 : $0 + 1 } }),
            ResultColumn.distinctText("sparkline", GroupWork.map(series.count) { SeriesText.of(series[$0].periodic) })
                .displayed(.sparkline(scale: nil)),
        ]
        return Table(columns: cols, rowCount: series.count)
    }

    /// One row per group and period.
    static func detailTable(_ series: [TrendSeries], quarterly: Bool) -> Table {
        let keyNames = series.first?.keyNames ?? ["scope"]
        var keys: [[String?]] = keyNames.map { _ in [] }
        var buckets: [Int32] = [], metric: [String] = [], value: [Double?] = [], cumulative: [Double?] = [], ma: [Double?] = []
        var centre: [Double?] = [], lcl: [Double?] = [], ucl: [Double?] = [], signal: [String?] = []
        for s in series {
            let limits = TrendStatistics.xmr(s.periodic)
            let m = TrendStatistics.movingAverage(s.periodic)
            for i in s.buckets.indices {
                for k in keyNames.indices { keys[k].append(s.keyValues[k]) }
                buckets.append(s.buckets[i]); metric.append(s.metric)
                value.append(s.periodic[i]); cumulative.append(s.cumulative[i]); ma.append(m[i])
                centre.append(limits?.centre); lcl.append(limits?.lower); ucl.append(limits?.upper)
                signal.append(TrendStatistics.signal(s.periodic[i], limits))
            }
        }
        var cols = keyNames.indices.map { k in ResultColumn.text(keyNames[k], keys[k]) }
        cols.append(quarterly ? ResultColumn.text("quarter", buckets.map { label($0, quarterly: true) }) : ResultColumn.period("period", buckets))
        cols += [
            ResultColumn.text("metric", metric),
            ResultColumn.double("value", value),
            ResultColumn.double("cumulative", cumulative),
            ResultColumn.double("ma3", ma),
            ResultColumn.double("mean", centre),
            ResultColumn.double("lcl", lcl),
            ResultColumn.double("ucl", ucl),
            ResultColumn.text("signal", signal),
        ]
        return Table(columns: cols, rowCount: buckets.count)
    }
}
