import RealizeStore

/// A stand-in for a column that no later stage reads (a join's left key once the join is done, when nothing
/// after it names the key): the same name, type and display, `rows` zeroes (code 0 for text), no nulls. It keeps
/// the table's column numbering without gathering values that would never be looked at; ``ColumnPruning`` (whose
/// liveness says which columns are unread) has already dropped every other such column.
enum UnreadColumn {
    /// A zero-filled column shaped like `c`, `rows` long (zeroed memory: no pass over the rows).
    static func like(_ c: Column, rows: Int) -> Column {
        let storage: ColumnStorage
        switch c.storage {
        case .int: storage = .int([Int64](repeating: 0, count: rows))
        case .double: storage = .double([Double](repeating: 0, count: rows))
        case .decimal(_, let scale): storage = .decimal(DecimalUnits(narrow: [Int64](repeating: 0, count: rows)), scale: scale)
        case .text(_, let d): storage = .text(codes: [UInt32](repeating: 0, count: rows), dictionary: d.isEmpty ? [""] : d)
        case .date: storage = .date([Int32](repeating: 0, count: rows))
        case .period: storage = .period([Int32](repeating: 0, count: rows))
        case .bool: storage = .bool([Bool](repeating: false, count: rows))
        }
        return Column(name: c.name, storage: storage, display: c.display)
    }
}
