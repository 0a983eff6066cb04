import RealizeQuery
import RealizeStore

/// `maturity [by unit|dimension|unit, dimension] [profile UNIT] [as of DATE] [overall min|mean] [from TABLE]`: each unit's
/// latest maturity per dimension against its target, overall levels, changes and a profile chart.
struct MaturityCommand: DomainCommand {
    let name = "maturity"
    let summary = "Maturity by unit or dimension: latest scores, gap to target, overall level (min or mean), change, profile"
    let usage = "maturity [by unit|dimension|unit, dimension] [profile UNIT] [as of DATE] [overall min|mean] [from TABLE]   e.g. maturity by unit overall mean"

    func run(arguments: [Token], at: SourceRange, session: QuerySession) throws(QueryError) -> Table {
        var request = try parse(arguments, at: at)
        let source = try SourceColumns(request.table, session: session, range: request.tableRange ?? at, command: name)
        let data = try MaturityData(source)
        var rule = OverallRule.min
        if let r = request.rule {
            rule = r
        } else if let text = session.settings.options["maturity_overall"] {
            guard let r = OverallRule(rawValue: text.lowercased()) else {
                throw QueryError(
                    Diagnostic(
                        id: "bad-setting", message: "setting maturity_overall must be min or mean, not `\(text)`",
                        range: at, hint: "`.set maturity_overall mean`"))
            }
            rule = r
        }
        request.rule = rule
        return try MaturityAnalysis.run(request, data: data, rule: rule, session: session)
    }

    /// Reads the arguments, in any order.
    func parse(_ arguments: [Token], at: SourceRange) throws(QueryError) -> MaturityRequest {
        var r = MaturityRequest()
        var args = CommandArguments(arguments, command: name, usage: usage, at: at)
        var sawBy = false
        while !args.isAtEnd {
            let start = args.currentRange
            if args.accept("by") {
                guard !sawBy else { throw args.failure("duplicate-argument", "`by` given twice", at: start) }
                sawBy = true
                let names = try args.names("unit, dimension or unit, dimension")
                switch names.map({ $0.text.lowercased() }) {
                case ["unit"]: r.grain = .unit
                case ["dimension"]: r.grain = .dimension
                case ["unit", "dimension"], ["dimension", "unit"]: r.grain = .unitDimension
                default:
                    throw args.failure(
                        "maturity-grouping", "maturity groups by unit, by dimension, or by unit, dimension",
                        at: SourceRange(names[0].range.start, names[names.count - 1].range.end))
                }
            } else if args.accept("profile") {
                let unit = try args.name("a unit's name, in quotes when it has spaces or commas")
                r.profileUnit = (unit.text, unit.range)
                if !sawBy { r.grain = .unitDimension }
            } else if args.accept("as") {
                try args.expect("of", after: "as")
                r.asOf = try args.date()
            } else if args.accept("overall") {
                guard let rule = OverallRule.allCases.first(where: { args.accept($0.rawValue) }) else {
                    throw args.failure("expected-overall-rule", "expected `min` (the weakest dimension) or `mean` after `overall`")
                }
                r.rule = rule
            } else if args.accept("from") {
                let (table, range) = try args.name("a table name")
                r.table = table
                r.tableRange = range
            } else {
                throw args.unexpected("by, profile, as of, overall or from")
            }
        }
        return r
    }
}
