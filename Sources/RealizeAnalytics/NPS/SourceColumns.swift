import RealizeQuery
import RealizeStore

/// Finds the input table and its columns for `nps` and `maturity`, with errors that say what is missing.
struct SourceColumns {
    let table: Table
    let tableName: String
    /// Where errors about the data point: the command's name, or the table name after `from`.
    let range: SourceRange
    /// The session's Ctrl-C token (see ``checkCancelled(row:)``).
    let cancellation: CancellationToken?

    /// The table `name` from the session (`_` is the last result).
    init(_ name: String, session: QuerySession, range: SourceRange, command: String) throws(QueryError) {
        let found: Table? = name == "_" ? session.lastResult : session.catalog[name]
        guard let t = found else {
            let hint =
                Suggest.nearest(name, in: session.catalog.names).map { "did you mean `\($0)`?" }
                ?? "load it with `.load PATH`, or name another table with `\(command) from TABLE`"
            throw QueryError(Diagnostic(id: .unknownTable, message: "no table named `\(name)`", range: range, hint: hint))
        }
        // Stacked extracts: the latest snapshot, as the other domain commands read them.
        table = InputTables(session: session, at: range, command: command).latestSnapshot(t, name)
        tableName = name
        self.range = range
        cancellation = session.cancellation
    }

    /// The column `name`, which must exist and have one of `types`.
    func column(_ name: String, types: [DataType], role: String, at r: SourceRange? = nil) throws(QueryError) -> Column {
        guard let c = table.column(named: name) else {
            let hint = Suggest.nearest(name, in: table.columnNames).map { "did you mean `\($0)`?" }
            throw QueryError(
                Diagnostic(
                    id: .missingColumn, message: "table `\(tableName)` has no column `\(name)` (\(role))",
                    range: r ?? range, hint: hint, notes: ["columns: " + table.columnNames.joined(separator: ", ")]))
        }
        guard types.contains(c.type) else {
            throw QueryError(
                Diagnostic(
                    id: .columnType,
                    message: "column `\(name)` of `\(tableName)` is \(c.type), expected \(types.map(\.rawValue).joined(separator: " or ")) (\(role))",
                    range: r ?? range))
        }
        return c
    }

    /// An error about the value in data row `row` (0-based) of column `name`.
    func badValue(_ id: DiagnosticID, column name: String, row: Int, _ message: String) -> QueryError {
        QueryError(Diagnostic(id: id, message: "\(tableName), row \(row + 1), column `\(name)`: \(message)", range: range))
    }
}

/// Numbers of a column read as one scaled integer per row (`units / 10^scale`), whatever the numeric storage.
///
/// Nothing is clamped: a value that has no exact 64-bit form at the scale asked for (a decimal or double far
/// beyond any score) reads as nil, which the callers report as out of range, naming the row.
struct ScaledNumbers {
    /// Scaled values, exact; 0 under a null, nil for a double too large for 128 bits.
    var units: [Int128?]
    var scale: Int
    var column: Column

    /// - Parameter doubleScale: the scale that doubles are rounded to.
    init(_ c: Column, doubleScale: Int = 4) {
        column = c
        switch c.storage {
        case .int(let a): units = a.map(Int128.init); scale = 0
        case .decimal(let a, let s): units = a.widened; scale = s
        case .double(let a):
            let f = Double(FixedDecimal.pow10[doubleScale])
            units = a.map { $0.isFinite ? Int128(exactly: ($0 * f).rounded(.toNearestOrAwayFromZero)) : 0 }
            scale = doubleScale
        default: units = Array(repeating: 0, count: c.count); scale = 0
        }
    }

    func isNull(_ row: Int) -> Bool {
        if column.isNull(row) { return true }
        if case .double(let a) = column.storage { return !a[row].isFinite }
        return false
    }

    /// The value at `row` at scale `s` (rounded half away from zero when narrowing), or nil when it does not fit
    /// 64 bits there.
    func value(_ row: Int, scale s: Int) -> Int64? {
        units[row].flatMap { FixedDecimal.rescale($0, from: scale, to: s) }.flatMap { Int64(exactly: $0) }
    }

    /// The value at `row` as a whole number, or nil when it has a fraction or does not fit 64 bits.
    func wholeNumber(_ row: Int) -> Int64? {
        guard let u = units[row] else { return nil }
        let (q, r) = u.quotientAndRemainder(dividingBy: FixedDecimal.pow10[scale])
        return r == 0 ? Int64(exactly: q) : nil
    }
}

/// Rows grouped by the values of some key columns: a dense group number per row, groups in order of first appearance.
struct KeyGroups {
    /// Group of each row.
    var groupOfRow: [Int]
    /// First row of each group (to gather the key values).
    var firstRow: [Int]
    var count: Int { firstRow.count }

    /// Groups a key column at a time: each row's group so far and its code in the next column make a pair, and the
    /// pairs are numbered in order of first appearance, through an array indexed by the pair where the pairs are
    /// few beside the rows, else a dictionary. Numbering pairs in order of first appearance keeps the groups in the
    /// order of their whole key's first appearance (a null is a key value of its own).
    init(_ keys: [Column], rowCount: Int) {
        var groupOfRow = [Int](repeating: 0, count: rowCount)
        var groups = rowCount > 0 ? 1 : 0
        for c in keys {
            let (codes, range) = KeyGroups.codes(c)
            let width = range + 1  // code −1 (null) too
            var next = 0
            let (pairs, wide) = groups.multipliedReportingOverflow(by: width)
            if !wide, pairs <= max(rowCount, 1 << 16) {
                var number = [Int](repeating: -1, count: pairs)
                number.withUnsafeMutableBufferPointer { n in
                    codes.withUnsafeBufferPointer { code in
                        groupOfRow.withUnsafeMutableBufferPointer { group in
                            for r in 0..<rowCount {
                                let pair = group[r] &* width &+ code[r] &+ 1
                                if n[pair] < 0 {
                                    n[pair] = next
                                    next += 1
                                }
                                group[r] = n[pair]
                            }
                        }
                    }
                }
            } else {
                var number: [Int: Int] = [:]
                for r in 0..<rowCount {
                    let pair = groupOfRow[r] &* width &+ codes[r] &+ 1
                    if let g = number[pair] {
                        groupOfRow[r] = g
                    } else {
                        number[pair] = next
                        groupOfRow[r] = next
                        next += 1
                    }
                }
            }
            groups = next
        }
        var firstRow = [Int](repeating: -1, count: groups)
        for r in 0..<rowCount where firstRow[groupOfRow[r]] < 0 { firstRow[groupOfRow[r]] = r }
        self.groupOfRow = groupOfRow
        self.firstRow = firstRow
    }

    /// Each row's code in `c` (−1 for null) and how many codes there are: text by dictionary code, other types
    /// numbered in order of first appearance.
    static func codes(_ c: Column) -> (codes: [Int], range: Int) {
        func dense<T: Hashable>(_ a: [T]) -> (codes: [Int], range: Int) {
            var seen: [T: Int] = [:]
            let codes = a.indices.map { r in
                if c.isNull(r) { return -1 }
                if let k = seen[a[r]] { return k }
                seen[a[r]] = seen.count
                return seen.count - 1
            }
            return (codes, seen.count)
        }
        switch c.storage {
        case .int(let a): return dense(a)
        case .double(let a): return dense(a.map(\.bitPattern))
        case .decimal(let a, _): return dense(a.widened)
        case .text(let codes, let dictionary):
            var out = codes.map { Int($0) }
            if let valid = c.validity {
                for r in out.indices where !valid[r] { out[r] = -1 }
            }
            return (out, dictionary.count)
        case .date(let a), .period(let a): return dense(a)
        case .bool(let a): return dense(a)
        }
    }
}

/// Small builders for result columns.
enum OutputColumn {
    // The `nps` and `maturity` names of ``ResultColumn``'s builders.
    static func ints(_ name: String, _ v: [Int?]) -> Column { ResultColumn.int(name, v) }
    static func doubles(_ name: String, _ v: [Double?]) -> Column { ResultColumn.double(name, v) }
    static func texts(_ name: String, _ v: [String?]) -> Column { ResultColumn.text(name, v) }
    static func bools(_ name: String, _ v: [Bool?]) -> Column { ResultColumn.bool(name, v) }
    static func dates(_ name: String, _ v: [Int32?]) -> Column { ResultColumn.date(name, v) }
    static func periods(_ name: String, _ v: [Int32?]) -> Column { ResultColumn.period(name, v) }

    static func decimals(_ name: String, _ v: [Int64?], scale: Int) -> Column {
        Column(name: name, type: .decimal, values: v.map { $0.map { .decimal(FixedDecimal(units: Int128($0), scale: scale)) } ?? .null })
    }
}
