import RealizeStore

extension ChartClause {
    /// Checks the chart's columns against the result's schema, before anything runs: each exists, and the
    /// values it plots are numbers.
    ///
    /// - Throws: `unknown-column` with did-you-mean, or `chart-column-type`.
    public func check(against schema: Schema) throws(QueryError) {
        let numericIndices: Set<Int> =
            switch kind {
            case .bar, .line: [1]
            case .radar: [1, 2]
            }
        for (k, ref) in columns.enumerated() {
            let field = try Self.field(ref, in: schema)
            if numericIndices.contains(k) && !field.type.isNumeric {
                throw QueryError(
                    Diagnostic(
                        id: .chartColumnType, message: "`\(field.name)` is a \(field.type) column; a chart needs numbers here",
                        range: ref.range, hint: "choose an int, double or decimal column"))
            }
        }
        if let g = group { _ = try Self.field(g, in: schema) }
    }

    static func field(_ ref: ColumnRef, in schema: Schema) throws(QueryError) -> Field {
        if let f = schema.first(where: { $0.name == ref.name }) ?? schema.first(where: { $0.name.lowercased() == ref.name.lowercased() }) {
            return f
        }
        let names = schema.map(\.name)
        throw QueryError(
            Diagnostic(
                id: .unknownColumn, message: "unknown column `\(ref.name)` in the result to chart", range: ref.range,
                hint: Suggest.nearest(ref.name, in: names).map { "did you mean `\($0)`?" }, notes: ["columns in scope: " + names.joined(separator: ", ")]))
    }
}
