import RealizeQuery
import RealizeStore

/// `nps [by COLUMN, …] [monthly|quarterly|yearly] [adjusted] [trend] [min_n N] [from TABLE]`: Net Promoter Score with its
/// margin of error, period-on-period change and significance, over a table of 0–10 answers (default `nps`).
struct NPSCommand: DomainCommand {
    let name = "nps"
    let summary = "Net Promoter Score by group and period: margin of error, change, z and significance"
    let usage =
        "nps [by program|segment|COLUMN, …] [monthly|quarterly|yearly] [adjusted] [trend] [min_n N] [from TABLE]   e.g. nps by program quarterly | where significant"

    func run(arguments: [Token], at: SourceRange, session: QuerySession) throws(QueryError) -> Table {
        let request = try parse(arguments, at: at)
        let source = try SourceColumns(request.table, session: session, range: request.tableRange ?? at, command: name)
        if session.settings.options["nps_min_n"].map({ Int($0).map { $0 >= 0 } ?? false }) == false {
            throw QueryError(
                Diagnostic(
                    id: "bad-setting", message: "setting nps_min_n must be a whole number, not `\(session.settings.options["nps_min_n"]!)`",
                    range: at, hint: "`.set nps_min_n 30`"))
        }
        return try NPSAnalysis.run(request, source: source, settings: session.settings)
    }

    /// Reads the arguments, in any order.
    func parse(_ arguments: [Token], at: SourceRange) throws(QueryError) -> NPSRequest {
        var r = NPSRequest()
        var args = CommandArguments(arguments, command: name, usage: usage, at: at)
        while !args.isAtEnd {
            let start = args.currentRange
            if args.accept("by") {
                guard r.groupBy.isEmpty else { throw args.failure("duplicate-argument", "`by` given twice", at: start) }
                r.groupBy = try args.names("a column to group by").map { ($0.text, $0.range) }
            } else if let g = TimeGrain.allCases.first(where: { args.accept($0.rawValue) }) {
                guard r.grain == nil else { throw args.failure("duplicate-argument", "a period length is given twice", at: start) }
                r.grain = g
            } else if args.accept("adjusted") {
                r.adjusted = true
            } else if args.accept("trend") {
                r.trend = true
            } else if args.accept("min_n") {
                r.minimumN = try args.integer(minimum: 0)
            } else if args.accept("from") {
                let (table, range) = try args.name("a table name")
                r.table = table
                r.tableRange = range
            } else {
                throw args.unexpected("by, monthly, quarterly, yearly, adjusted, trend, min_n or from")
            }
        }
        if r.trend && r.grain == nil {
            throw QueryError(
                Diagnostic(
                    id: "trend-needs-period", message: "`trend` needs a period length", range: at,
                    hint: "add monthly, quarterly or yearly: `nps by program quarterly trend`"))
        }
        return r
    }
}
