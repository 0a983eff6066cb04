import RealizeQuery
import RealizeStore

/// Typed access to a command's input tables, with errors that say which table or column is missing.
struct InputTables {
    let session: QuerySession
    let at: SourceRange
    /// The command's name, for errors about its sums (``amountOverflow(_:keyName:keyValue:)``).
    var command = "this command"

    /// The table called `name`; of a stack of extracts, its latest snapshot (see ``latestSnapshot(_:_:)``).
    func table(_ name: String, for what: String) throws(QueryError) -> Table {
        if let t = session.catalog[name] { return latestSnapshot(t, name) }
        if let why = session.catalog.unreadable(name) {
            throw InputError.make(
                .unreadableTable, "\(what) needs table `\(name)`, which cannot be read: \(why)", at: at,
                hint: "the workspace's file is damaged; load the table again from its source")
        }
        throw InputError.make(
            .missingTable, "\(what) needs a table named `\(name)`", at: at,
            hint: "load one with `.load PATH` (see the portfolio data shape in the README)")
    }

    /// A column of `table` that must exist.
    func column(_ table: Table, _ tableName: String, _ name: String) throws(QueryError) -> Column {
        if let c = table.column(named: name) { return c }
        let near = Suggest.nearest(name, in: table.columnNames)
        throw InputError.make(
            .missingColumn, "table `\(tableName)` has no column `\(name)`", at: at,
            hint: near.map { "did you mean `\($0)`?" } ?? "columns: " + table.columnNames.joined(separator: ", "))
    }

    /// A column's values as text keys (nil for null); any type is accepted and shown as text.
    func keys(_ c: Column) -> [String?] {
        switch c.storage {
        case .text(let codes, let dict):
            return (0..<c.count).map { c.isNull($0) ? nil : dict[Int(codes[$0])] }
        default:
            return (0..<c.count).map { c.isNull($0) ? nil : c.value(at: $0).description }
        }
    }

    /// Each row's `key(text)` for a key column (`text` as ``keys(_:)`` reads it, nil for null): asked once per
    /// dictionary code of a text column, in the order the codes first appear (so whatever `key` numbers is numbered
    /// as a row-by-row pass would number it), else once a row.
    func mapKeys<T>(_ c: Column, _ key: (String?) -> T) -> [T] {
        guard case .text(let codes, let dictionary) = c.storage else { return keys(c).map(key) }
        var ofCode = [T?](repeating: nil, count: dictionary.count)
        return codes.indices.map { r in
            if c.isNull(r) { return key(nil) }
            let code = Int(codes[r])
            if let k = ofCode[code] { return k }
            let k = key(dictionary[code])
            ofCode[code] = k
            return k
        }
    }

    /// A period column's values (`YYYY-MM`), or a date column's months.
    func periods(_ c: Column, _ tableName: String) throws(QueryError) -> [Int32?] {
        switch c.storage {
        case .period(let a): return (0..<a.count).map { c.isNull($0) ? nil : a[$0] }
        case .date(let a):
            return (0..<a.count).map { i -> Int32? in
                if c.isNull(i) { return nil }
                let (y, m, _) = CivilCalendar.civil(days: a[i])
                return CivilCalendar.period(year: y, month: m)
            }
        default:
            throw InputError.make(.typeMismatch, "column `\(c.name)` of `\(tableName)` must hold periods (YYYY-MM), but it is \(c.type)", at: at)
        }
    }

    /// A money column as exact units at `scale` (nil for null); doubles are rounded to that scale, and NaN
    /// or ±∞ is null.
    ///
    /// - Throws: a `numeric-overflow` error naming the column and the row when an amount does not fit 38 digits
    ///   at `scale`, never a trap.
    func amounts(_ c: Column, _ tableName: String, scale: Int) throws(QueryError) -> [Int128?] {
        var out = [Int128?](repeating: nil, count: c.count)
        func tooLarge(_ row: Int) -> QueryError {
            InputError.make(
                .numericOverflow,
                "numeric overflow: the amount in row \(row + 1) of `\(c.name)` in `\(tableName)` is too large for \(command)"
                    + " (at most 38 digits at \(scale) decimals)",
                at: at, hint: "check the data for a misplaced value")
        }
        func exact(_ u: Int128?) -> Int128? { u.flatMap { FixedDecimal.fits($0) ? $0 : nil } }
        switch c.storage {
        case .decimal(let a, let s):
            for i in 0..<a.count where !c.isNull(i) {
                guard let v = exact(FixedDecimal.rescale(a[i], from: s, to: scale)) else { throw tooLarge(i) }
                out[i] = v
            }
        case .int(let a):
            for i in 0..<a.count where !c.isNull(i) {
                guard let v = exact(FixedDecimal.rescale(Int128(a[i]), from: 0, to: scale)) else { throw tooLarge(i) }
                out[i] = v
            }
        case .double(let a):
            let f = Double(FixedDecimal.pow10[scale])
            for i in 0..<a.count where !c.isNull(i) && a[i].isFinite {
                guard let v = exact(Int128(exactly: (a[i] * f).rounded(.toNearestOrAwayFromZero))) else { throw tooLarge(i) }
                out[i] = v
            }
        default:
            throw InputError.make(.typeMismatch, "column `\(c.name)` of `\(tableName)` must hold amounts, but it is \(c.type)", at: at)
        }
        return out
    }

    /// The scale to keep amounts at: the largest decimal scale among `columns`, at least 2 (cents).
    static func moneyScale(_ columns: [Column]) -> Int {
        var s = 2
        for c in columns { if case .decimal(_, let k) = c.storage { s = max(s, k) } }
        return min(s, 8)
    }
}

/// Builders for result columns from optional Swift values (nil is null; non-finite doubles are null too): typed
/// buffers filled directly, no boxed `Value` a row, the same columns as `ColumnBuilder` makes.
enum ResultColumn {
    static func text(_ name: String, _ v: [String?]) -> Column {
        var b = ColumnBuilder(name: name, type: .text, capacity: v.count)
        for x in v { if let x { b.appendText(x) } else { b.appendNull() } }
        return b.finish()
    }

    static func double(_ name: String, _ v: [Double?]) -> Column {
        let (values, validity) = filled(v.map { x in x.flatMap { $0.isFinite ? $0 : nil } }, 0) { $0 }
        return Column(name: name, storage: .double(values), validity: validity)
    }

    static func int(_ name: String, _ v: [Int?]) -> Column {
        let (values, validity) = filled(v, 0) { Int64($0) }
        return Column(name: name, storage: .int(values), validity: validity)
    }

    static func period(_ name: String, _ v: [Int32?]) -> Column {
        let (values, validity) = filled(v, 0) { $0 }
        return Column(name: name, storage: .period(values), validity: validity)
    }

    static func date(_ name: String, _ v: [Int32?]) -> Column {
        let (values, validity) = filled(v, 0) { $0 }
        return Column(name: name, storage: .date(values), validity: validity)
    }

    static func bool(_ name: String, _ v: [Bool?]) -> Column {
        let (values, validity) = filled(v, false) { $0 }
        return Column(name: name, storage: .bool(values), validity: validity)
    }

    /// The values (`empty` where nil) and a validity bitmap, nil when nothing is nil (as a builder leaves it).
    private static func filled<T, U>(_ v: [T?], _ empty: U, _ value: (T) -> U) -> ([U], Bitmap?) {
        var values = [U](repeating: empty, count: v.count)
        var validity: Bitmap? = nil
        for (i, x) in v.enumerated() {
            if let x {
                values[i] = value(x)
            } else {
                if validity == nil { validity = Bitmap(count: v.count, value: true) }
                validity![i] = false
            }
        }
        return (values, validity)
    }

    /// Exact amounts in units at `scale`.
    static func money(_ name: String, _ v: [Int128?], scale: Int) -> Column {
        var units = [Int128](repeating: 0, count: v.count)
        var valid = Bitmap(count: v.count, value: true)
        for (i, x) in v.enumerated() { if let x { units[i] = x } else { valid[i] = false } }
        return Column(name: name, storage: .decimal(units, scale: scale), validity: valid)
    }

    /// Amounts computed in floating point (a division, a discounted sum): unrounded doubles, shown with as many
    /// decimals as the money they come from (at least 2).
    static func computedMoney(_ name: String, _ v: [Double?], scale: Int) -> Column {
        double(name, v).displayed(.decimals(max(2, scale)))
    }
}

extension Int128 {
    /// Units at `scale` as the nearest double.
    func amount(scale: Int) -> Double { FixedDecimal.double(self, scale: scale) }
}
