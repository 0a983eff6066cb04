import RealizeStore

extension Executor {
    /// Stacks `t` and the tables of `inputs`, by the column maps the planner made, column at a time
    /// (``TableStacker``: typed buffers appended, text dictionaries merged by remapping codes).
    func union(_ t: Table, _ inputs: [PlanInput], columns: [[Int?]], schema: Schema) throws -> Table {
        var parts: [Table] = []
        for (p, part) in try ([t] + inputs.map { try table($0) }).enumerated() {
            try checkCancelled()
            var cols: [Column] = []
            for (j, source) in columns[p].enumerated() {
                if let i = source { cols.append(part.columns[i].renamed(schema[j].name)) }
            }
            parts.append(Table(columns: cols, rowCount: part.rowCount))
        }
        var declared: [String: DataType] = [:]
        for f in schema { declared[f.name] = f.type }
        do throws(StackConflict) {
            return try TableStacker.stack(parts, types: declared)
        } catch {
            throw NumericOverflow("stacking column `\(error.column)` (\(error.reason))")
        }
    }
}
