import RealizeStore

extension Executor {
    /// `where … | sort ±key | take n` on one decimal key without nulls: the top-N reads the units in place (64- or 128-bit)
    /// (they order as the values do), with no 64-bit key column built for every row first. Nil when the shape
    /// does not fit; the caller then takes the general path, which gives the same rows.
    func decimalTop(_ t: Table, where condition: Column, key: Column, descending: Bool, n: Int) -> Table? {
        guard n > 0, n <= Sorter.insertionLimit, key.validity == nil, case .decimal(let units, _) = key.storage,
            case .bool(let values) = condition.storage
        else { return nil }
        let mask = (values: values, validity: condition.validity)
        let top =
            switch units.storage {
            case .narrow(let a): Sorter.topSingle(a, descending: descending, rows: t.rowCount, n: n, among: nil, mask: mask)
            case .wide(let a): Sorter.topSingle(a, descending: descending, rows: t.rowCount, n: n, among: nil, mask: mask)
            }
        return t.gather(top)
    }

    /// `where a op b | sort ±key | take n` on 64-bit units (see ``ComparedTop``): the top-N decides the condition
    /// only for rows whose key could win. Nil when the shape does not fit; the caller then takes the general path,
    /// which gives the same rows.
    func comparedTop(_ t: Table, _ ev: Evaluator, where p: BoundExpr, key: BoundExpr, descending: Bool, n: Int) throws(NumericOverflow) -> Table? {
        guard n > 0, n <= Sorter.insertionLimit, t.rowCount > 0, let o = try ComparedTop.operands(p, key: try ev.eval(key), ev) else { return nil }
        return t.gather(ComparedTop.top(o, descending: descending, n: n))
    }
}
