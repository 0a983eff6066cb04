import RealizeStore

extension Planner {
    /// `union SOURCE[, SOURCE…]`: the output has the input's columns, then each source's new ones (by name, in
    /// first-seen order). A column some part lacks is null for its rows; int meets decimal as decimal (exact);
    /// any other pair of types is an error at the offending source's name.
    mutating func planUnion(_ sources: [Source], input: Schema) throws(Diagnostic) -> Operator {
        var fields = input
        var columns: [[Int?]] = [input.indices.map { Optional($0) }]
        var inputs: [PlanInput] = []
        var names: [String] = []
        for source in sources {
            let (planInput, schema, name) = try resolve(source)
            var map = [Int?](repeating: nil, count: fields.count)
            for (i, f) in schema.enumerated() {
                guard let j = fields.firstIndex(where: { $0.name == f.name }) else {
                    fields.append(f)
                    map.append(i)
                    continue
                }
                let above = fields[j].type
                switch (above, f.type) {
                case (let a, let b) where a == b: break
                case (.int, .decimal), (.decimal, .int): fields[j] = Field(f.name, .decimal)
                default:
                    let shown = source.tableName.map { "`\($0)`" } ?? (name == "subquery" ? "the pipeline in brackets" : "`\(name)`")
                    throw Diagnostic(
                        id: .typeMismatch,
                        message: "cannot stack \(shown): its column `\(f.name)` is \(f.type), and the rows above have it as \(above)",
                        range: source.range,
                        hint: "only int and decimal stack together (as decimal); convert one side first, e.g. "
                            + "`union (\(source.tableName ?? "…") | derive \(f.name) = \(Self.castName(above))(\(f.name)))`")
                }
                if map[j] != nil {
                    throw Diagnostic(id: .duplicateColumn, message: "`\(name)` has two columns named `\(f.name)`", range: source.range)
                }
                map[j] = i
            }
            columns.append(map)
            inputs.append(planInput)
            names.append(source.tableName ?? name)
        }
        for p in columns.indices where columns[p].count < fields.count {
            columns[p] += [Int?](repeating: nil, count: fields.count - columns[p].count)
        }
        let summary = Self.unionSummary(names.joined(separator: ", "), columns)
        return Operator(kind: .union(inputs: inputs, columns: columns), schema: fields, summary: summary)
    }

    /// `explain`'s line for a union of `names` stacking `columns` (each part's source column per output column;
    /// the first part is the input): the new columns, and the columns some part lacks. Column pruning calls it
    /// again, so that the line counts only the columns still stacked.
    static func unionSummary(_ names: String, _ columns: [[Int?]]) -> String {
        var summary = "union \(names) (by column name"
        let added = columns.first?.filter { $0 == nil }.count ?? 0
        if added > 0 { summary += "; \(added) new column\(added == 1 ? "" : "s")" }
        let gaps = columns.reduce(0) { $0 + $1.filter { $0 == nil }.count }
        if gaps > 0 { summary += "; \(gaps) column\(gaps == 1 ? "" : "s") missing in a part, null there" }
        return summary + ")"
    }

    /// The names part of a summary made by ``unionSummary(_:_:)``.
    static func unionNames(inSummary summary: String) -> String {
        let body = summary.dropFirst("union ".count)
        return String(body.range(of: " (by column name").map { body[..<$0.lowerBound] } ?? body)
    }

    /// The conversion function that gives a value of `type`, for hints.
    static func castName(_ type: DataType) -> String {
        type == .bool ? "bool" : "to_\(type)"
    }
}
