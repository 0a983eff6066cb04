import RealizeQuery
import RealizeStore

/// `maturity [by unit|dimension|unit, dimension] [profile UNIT] [as of DATE] [overall min|mean] [from TABLE]`: each unit's
/// latest maturity per dimension against its target, overall levels, changes and a profile chart.
struct MaturityCommand: TableCommand {
    let signature = CommandSignature(
        name: "maturity",
        summary: "Maturity by unit or dimension: latest scores, gap to target, overall level (min or mean), change, profile",
        options: [
            CommandOption(
                "by", words: ["by"], kind: .names("unit|dimension", suggestions: ["unit", "dimension"]),
                help: "by unit (default), by dimension, or by unit, dimension"),
            CommandOption(
                "profile", words: ["profile"], kind: .name("UNIT", suggestions: []), help: "one unit's profile by dimension (quote names with spaces)"),
            CommandOption("as_of", words: ["as", "of"], kind: .date, help: "the latest assessment on or before this date (default: all)"),
            CommandOption(
                "overall", words: ["overall"], kind: .choice(OverallRule.allCases.map(\.rawValue)),
                help: "the overall level: min (the weakest dimension) or mean (default: .set maturity_overall)"),
            CommonArguments.from("maturity"),
        ],
        example: "maturity by unit overall mean")

    func run(_ call: CommandCall, session: QuerySession) throws(QueryError) -> Table {
        let at = call.nameRange
        var request = try request(call)
        let source = try SourceColumns(request.table, session: session, range: request.tableRange ?? at, command: signature.name)
        let data = try MaturityData(source)
        var rule = OverallRule.min
        if let r = request.rule {
            rule = r
        } else if let text = session.settings.options["maturity_overall"] {
            guard let r = OverallRule(rawValue: text.lowercased()) else {
                throw QueryError(
                    Diagnostic(
                        id: .badSetting, message: "setting maturity_overall must be min or mean, not `\(text)`",
                        range: at, hint: "`.set maturity_overall mean`"))
            }
            rule = r
        }
        request.rule = rule
        return try MaturityAnalysis.run(request, data: data, rule: rule, session: session)
    }

    /// The request the arguments describe.
    func request(_ call: CommandCall) throws(QueryError) -> MaturityRequest {
        var r = MaturityRequest()
        let args = call.arguments
        if let names = args.names("by") {
            switch names.map({ $0.text.lowercased() }) {
            case ["unit"]: r.grain = .unit
            case ["dimension"]: r.grain = .dimension
            case ["unit", "dimension"], ["dimension", "unit"]: r.grain = .unitDimension
            default:
                throw QueryError(
                    Diagnostic(
                        id: .maturityGrouping, message: "maturity groups by unit, by dimension, or by unit, dimension",
                        range: SourceRange(names[0].range.start, names[names.count - 1].range.end),
                        hint: "usage: \(CommandHelp.usage(signature))"))
            }
        }
        if let unit = args.name("profile") {
            r.profileUnit = (unit.text, unit.range)
            if args.names("by") == nil { r.grain = .unitDimension }
        }
        r.asOf = args.date("as_of")
        r.rule = args.word("overall").flatMap(OverallRule.init(rawValue:))
        if let (table, range) = args.name("from") {
            r.table = table
            r.tableRange = range
        }
        return r
    }
}
