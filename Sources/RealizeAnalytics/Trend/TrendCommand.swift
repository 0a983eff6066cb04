import RealizeQuery
import RealizeStore

/// `trend METRIC [by LEVEL] [monthly|quarterly] [detail] [as of PERIOD]`: how a metric moves over time.
///
/// The summary (default) has one row per group: latest periodic and cumulative values, least-squares slope per
/// period with its direction, the 3-period moving average, XmR limits with the count of points outside them, and
/// the periodic series (`sparkline`: its values as text, which the table draws as a sparkline). `detail` gives the series itself: one row per group and period.
struct TrendCommand: TableCommand {
    let signature = CommandSignature(
        name: "trend",
        summary: "A metric over time: periodic and cumulative series, slope, direction, moving average, XmR limits, sparkline",
        positional: .init(
            key: "metric", placeholder: "METRIC", kind: .name("METRIC", suggestions: TrendMetric.all.map(\.name)),
            help: "the metric: \(TrendMetric.all.map(\.name).joined(separator: ", ")), or a measure"),
        options: [
            CommonArguments.from("financials"),
            CommonArguments.level(),
            CommandOption("grain", words: [], kind: .choice(["monthly", "quarterly"]), help: "the period length (default: monthly)"),
            .flag("detail", aliases: ["series"], help: "the series itself: one row per group and period"),
            CommonArguments.asOf,
        ],
        example: "trend cpi by program")

    func run(_ call: CommandCall, session: QuerySession) throws(QueryError) -> Table {
        let at = call.nameRange
        let (metricName, metricRange) = call.arguments.name("metric") ?? ("", at)
        let level = CommonArguments.level(call, default: "total")
        let quarterly = call.arguments.word("grain") == "quarterly"
        let detail = call.arguments.has("detail")
        let asOf = call.arguments.period("as_of")
        let source = call.arguments.name("from")
        let input = InputTables(session: session, at: at, command: "trend")
        var series: [TrendSeries]
        if source == nil, let metric = TrendMetric.named(metricName) {
            let data = try FinancialData(level: level.0, levelRange: level.1, input: input, needBudget: metric.usesBudget)
            guard let status = asOf ?? data.latestPeriod else {
                throw InputError.make(.noData, "`financials` has no rows with a project and a period", at: at)
            }
            series = TrendSeries.financial(data, metric: metric, status: status, quarterly: quarterly)
        } else if session.settings.measures[metricName.lowercased()] != nil || source != nil {
            series = try TrendSeries.measure(metricName, source: source, level: level, quarterly: quarterly, asOf: asOf, session: session, at: metricRange)
        } else {
            let names = TrendMetric.all.map(\.name) + session.settings.measures.keys.sorted()
            throw QueryError(
                Diagnostic(
                    id: .unknownMetric, message: "unknown metric `\(metricName)`", range: metricRange,
                    hint: Suggest.nearest(metricName, in: names).map { "did you mean `\($0)`?" } ?? "metrics: "
                        + TrendMetric.all.map(\.name).joined(separator: ", ")))
        }
        return detail ? TrendSeries.detailTable(series, quarterly: quarterly) : TrendSeries.summaryTable(series)
    }
}
