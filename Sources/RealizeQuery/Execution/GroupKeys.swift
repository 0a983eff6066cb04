import RealizeStore

/// The keys of a `by` on several columns, grouped through packed codes (see ``Grouping/packed(_:rows:shouldStop:)``)
/// when each is small: a date part of a date or period column (`year = period.year`) is coded from its source
/// through a table, and computed only at each group's first row for the output, never for every row.
enum GroupKeys {
    /// The grouping of the rows by `keys`, and what gives the key columns at each group's first row (to be
    /// called once the caller has checked that the grouping was not stopped); nil when some key is not small or
    /// there is one key (the caller then evaluates the keys and groups them the ordinary way).
    static func packed(_ keys: [BoundExpr], _ ev: Evaluator, shouldStop: () -> Bool) throws(NumericOverflow) -> (
        grouping: Grouping, columns: () -> [Column]
    )? {
        guard keys.count > 1 else { return nil }
        let fiscalStart = ev.settings.fiscalYearStart
        var codes: [KeyCodes] = []
        var outputs: [(Grouping) -> Column] = []
        for key in keys {
            if case .datePart(let part, let x) = key {
                let source = try ev.eval(x)
                guard source.count == ev.n, let c = KeyCodes(part: part, of: source, fiscalStart: fiscalStart) else { return nil }
                codes.append(c)
                outputs.append { g in part.evaluate(source.gather(g.firstRow), rows: g.count, fiscalStart: fiscalStart) }
            } else {
                let column = try ev.eval(key)
                guard column.count == ev.n, let c = KeyCodes(column) else { return nil }
                codes.append(c)
                outputs.append { g in column.gather(g.firstRow) }
            }
        }
        guard let g = Grouping.packed(codes, rows: ev.n, shouldStop: shouldStop) else { return nil }
        return (g, { outputs.map { $0(g) } })
    }
}
