import RealizeStore

/// Cell-by-cell comparison of tables, for tests.
public enum TableDiff {
    /// A description of the first difference between `actual` and `expected` (names, types,
    /// row counts, then values row by row), or nil if they hold the same cells.
    ///
    /// Values are compared as ``Value``s, so decimals at different scales compare by amount.
    public static func firstDifference(_ actual: Table, _ expected: Table, compareTypes: Bool = true) -> String? {
        if actual.columnNames != expected.columnNames {
            return "column names \(actual.columnNames) differ from \(expected.columnNames)"
        }
        if compareTypes {
            let a = actual.columns.map(\.type), e = expected.columns.map(\.type)
            if a != e { return "column types \(a) differ from \(e)" }
        }
        if actual.rowCount != expected.rowCount { return "\(actual.rowCount) rows, expected \(expected.rowCount)" }
        for (c, column) in actual.columns.enumerated() {
            let other = expected.columns[c]
            for row in 0..<actual.rowCount {
                let x = column.value(at: row), y = other.value(at: row)
                if x != y {
                    return "row \(row), column `\(column.name)`: \(debug(x)) differs from expected \(debug(y))"
                }
            }
        }
        return nil
    }

    /// A value with its type, quoting text, for failure messages.
    public static func debug(_ v: Value) -> String {
        switch v {
        case .null: "null"
        case .text(let s): "text \(String(reflecting: s))"
        default: "\(v.type!) \(v.description)"
        }
    }
}
