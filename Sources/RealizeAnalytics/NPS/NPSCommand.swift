import RealizeQuery
import RealizeStore

/// `nps [by COLUMN, …] [monthly|quarterly|yearly] [adjusted] [trend] [min_n N] [from TABLE]`: Net Promoter Score with its
/// margin of error, period-on-period change and significance, over a table of 0–10 answers (default `nps`).
struct NPSCommand: TableCommand {
    let signature = CommandSignature(
        name: "nps",
        summary: "Net Promoter Score by group and period: margin of error, change, z and significance",
        options: [
            CommandOption(
                "by", words: ["by"], kind: .names("COLUMN", suggestions: ["program", "segment"]), help: "the columns to group by (default: none)"),
            CommandOption("grain", words: [], kind: .choice(TimeGrain.allCases.map(\.rawValue)), help: "the period length (default: none)"),
            .flag("adjusted", help: "adjusted-Wald margin of error and test (better for small samples)"),
            .flag("trend", help: "one row per group with the series as a sparkline (needs a period length)"),
            CommandOption("min_n", words: ["min_n"], kind: .integer(minimum: 0), help: "flag groups with fewer respondents (default: .set nps_min_n, 30)"),
            CommonArguments.from("nps"),
        ],
        example: "nps by program quarterly | where significant")

    func run(_ call: CommandCall, session: QuerySession) throws(QueryError) -> Table {
        let at = call.nameRange
        let request = try request(call)
        let source = try SourceColumns(request.table, session: session, range: request.tableRange ?? at, command: signature.name)
        if session.settings.options["nps_min_n"].map({ Int($0).map { $0 >= 0 } ?? false }) == false {
            throw QueryError(
                Diagnostic(
                    id: .badSetting, message: "setting nps_min_n must be a whole number, not `\(session.settings.options["nps_min_n"]!)`",
                    range: at, hint: "`.set nps_min_n 30`"))
        }
        return try NPSAnalysis.run(request, source: source, settings: session.settings)
    }

    /// The request the arguments describe.
    func request(_ call: CommandCall) throws(QueryError) -> NPSRequest {
        var r = NPSRequest()
        let args = call.arguments
        r.groupBy = (args.names("by") ?? []).map { ($0.text, $0.range) }
        r.grain = args.word("grain").flatMap(TimeGrain.init(rawValue:))
        r.adjusted = args.has("adjusted")
        r.trend = args.has("trend")
        if let n = args.integer("min_n") { r.minimumN = n }
        if let (table, range) = args.name("from") {
            r.table = table
            r.tableRange = range
        }
        if r.trend && r.grain == nil {
            throw QueryError(
                Diagnostic(
                    id: .trendNeedsPeriod, message: "`trend` needs a period length", range: args.range("trend") ?? call.nameRange,
                    hint: "add monthly, quarterly or yearly: `nps by program quarterly trend`"))
        }
        return r
    }
}
