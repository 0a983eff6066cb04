import RealizeAnalytics
import RealizeQuery
import RealizeStore

extension ShellSession {
    /// `.measures`: every financial measure with its formula, where it works, convention and source;
    /// `.measures NAME`: one of them in full, with the expression `agg` expands it to.
    ///
    /// - Throws: ``ShellError`` `unknown-measure` with a suggestion.
    func measures(_ args: [String], usage: String) throws(ShellError) {
        guard args.count <= 1 else { throw .usage(usage) }
        let entries = FinancialMeasures.all
        guard let name = args.first else {
            print(
                Table(columns: [
                    Column(name: "name", type: .text, values: entries.map { .text($0.name) }),
                    Column(name: "formula", type: .text, values: entries.map { .text($0.formula) }),
                    Column(name: "in", type: .text, values: entries.map { .text($0.availability) }),
                    Column(name: "convention", type: .text, values: entries.map { .text($0.convention) }),
                    Column(name: "source", type: .text, values: entries.map { .text($0.source) }),
                ]))
            return
        }
        guard let e = FinancialMeasures.named(name) else {
            let hint =
                Suggest.nearest(name.lowercased(), in: entries.map(\.name)).map { "did you mean `\($0)`?" }
                ?? "`.measures` lists them"
            throw ShellError("unknown-measure", "unknown measure `\(name)`", hint: hint)
        }
        var text = "\(e.name): \(e.formula)\n"
        text += "  convention: \(e.convention)\n"
        text += "  source:     \(e.source)\n"
        if let x = e.expression {
            text += "  in agg:     \(e.name) = \(x)\n"
            text += "  example:    financials | join projects on project_id | by program agg \(e.name)\n"
        } else {
            text += "  in agg:     not available (needs the time-phased plan); use `evm`, e.g. evm by program | select program, \(e.name)\n"
        }
        output.out(text)
    }
}
