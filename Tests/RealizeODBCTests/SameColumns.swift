import RealizeStore

/// Whether two columns are the same down to their storage: name, codes and dictionary of text,
/// units and scale of decimals, every value, and the validity bitmap.
func sameColumns(_ a: Column, _ b: Column) -> Bool {
    guard a.name == b.name, a.count == b.count, a.validity == b.validity else { return false }
    switch (a.storage, b.storage) {
    case (.text(let ca, let da), .text(let cb, let db)): return ca == cb && da == db
    case (.decimal(let ua, let sa), .decimal(let ub, let sb)): return sa == sb && ua.widened == ub.widened && ua.bytesPerValue == ub.bytesPerValue
    case (.int(let x), .int(let y)): return x == y
    case (.date(let x), .date(let y)): return x == y
    case (.bool(let x), .bool(let y)): return x == y
    case (.double(let x), .double(let y)): return x.map(\.bitPattern) == y.map(\.bitPattern)
    case (.period(let x), .period(let y)): return x == y
    default: return false
    }
}

/// Whether two tables hold the same columns (``sameColumns(_:_:)``) and row count.
func sameTables(_ a: Table, _ b: Table) -> Bool {
    a.rowCount == b.rowCount && a.columns.count == b.columns.count && zip(a.columns, b.columns).allSatisfy { sameColumns($0, $1) }
}
