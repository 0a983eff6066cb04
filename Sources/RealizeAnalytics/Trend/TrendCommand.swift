import RealizeQuery
import RealizeStore

/// `trend METRIC [by LEVEL] [monthly|quarterly] [detail] [as of PERIOD]`: how a metric moves over time.
///
/// The summary (default) has one row per group: latest periodic and cumulative values, least-squares slope per
/// period with its direction, the 3-period moving average, XmR limits with the count of points outside them, and
/// the periodic series (`sparkline`: its values as text, which the table draws as a sparkline). `detail` gives the series itself: one row per group and period.
struct TrendCommand: DomainCommand {
    let name = "trend"
    let summary = "A metric over time: periodic and cumulative series, slope, direction, moving average, XmR limits, sparkline"
    let usage = "trend METRIC [from TABLE] [by project|program|portfolio|total] [monthly|quarterly] [detail] [as of YYYY-MM]   e.g. trend cpi by program"

    func run(arguments: [Token], at: SourceRange, session: QuerySession) throws(QueryError) -> Table {
        var args = CommandArguments(arguments, command: name, usage: usage, at: at)
        let (metricName, metricRange) = try args.name("a metric such as cpi, spi, cv, sv or eac")
        var level = ("total", at)
        var quarterly = false, detail = false
        var asOf: Int32? = nil
        var source: (String, SourceRange)? = nil
        while !args.isAtEnd {
            if args.peek("by") {
                level = try ProjectGrouping.parseLevel(&args, default: "total")
            } else if args.accept("monthly") {
                quarterly = false
            } else if args.accept("quarterly") {
                quarterly = true
            } else if args.accept("detail") || args.accept("series") {
                detail = true
            } else if args.accept("from") {
                source = try args.name("a table name")
            } else if args.accept("as") {
                try args.expect("of", context: "after `as` (as of YYYY-MM)"); asOf = try args.period()
            } else {
                throw args.unexpected("`by LEVEL`, `monthly`, `quarterly`, `detail`, `from TABLE` or `as of YYYY-MM`")
            }
        }
        let input = InputTables(session: session, at: at)
        var series: [TrendSeries]
        if source == nil, let metric = TrendMetric.named(metricName) {
            let data = try FinancialData(level: level.0, levelRange: level.1, input: input, needBudget: metric.usesBudget)
            guard let status = asOf ?? data.latestPeriod else {
                throw InputError.make("no-data", "`financials` has no rows with a project and a period", at: at)
            }
            series = TrendSeries.financial(data, metric: metric, status: status, quarterly: quarterly)
        } else if session.settings.measures[metricName.lowercased()] != nil || source != nil {
            series = try TrendSeries.measure(metricName, source: source, level: level, quarterly: quarterly, asOf: asOf, session: session, at: metricRange)
        } else {
            let names = TrendMetric.all.map(\.name) + session.settings.measures.keys.sorted()
            throw QueryError(
                Diagnostic(
                    id: "unknown-metric", message: "unknown metric `\(metricName)`", range: metricRange,
                    hint: Suggest.nearest(metricName, in: names).map { "did you mean `\($0)`?" } ?? "metrics: "
                        + TrendMetric.all.map(\.name).joined(separator: ", ")))
        }
        return detail ? TrendSeries.detailTable(series, quarterly: quarterly) : TrendSeries.summaryTable(series)
    }
}
