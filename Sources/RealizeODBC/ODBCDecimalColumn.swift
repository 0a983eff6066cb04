import RealizeStore

/// A decimal column accumulated from fetched values: while every value has the scale of the first
/// (always so for a `numeric(p,s)` column, whose text the database prints with exactly `s`
/// decimals), their units are appended as they are, with nulls noted by row. The first value of
/// another scale moves the column into a ``ColumnBuilder``, which chooses the column's scale
/// exactly as it does for any other source.
struct ODBCDecimalColumn {
    private var units: [Int128] = []
    private var scale: Int? = nil
    private var nullRows: [Int] = []
    /// Set once values of different scales meet; everything goes there from then on.
    private var builder: ColumnBuilder? = nil

    /// Appends an exact decimal.
    @inline(__always)
    mutating func append(_ d: FixedDecimal) {
        if builder == nil, scale == d.scale || scale == nil {
            scale = d.scale
            units.append(d.units)
        } else {
            appendMixed(d)
        }
    }

    /// Appends a null.
    mutating func appendNull() {
        if builder != nil {
            builder!.appendNull()
        } else {
            nullRows.append(units.count)
            units.append(0)
        }
    }

    /// Appends the values of `other` (the later rows of the same result), with the result appending
    /// them here one by one would have: while both hold one scale, the units are simply joined.
    mutating func append(contentsOf other: ODBCDecimalColumn) {
        if builder == nil, other.builder == nil, scale == nil || other.scale == nil || scale == other.scale {
            let base = units.count
            units.append(contentsOf: other.units)
            nullRows.append(contentsOf: other.nullRows.map { $0 + base })
            scale = scale ?? other.scale
            return
        }
        if let mixed = other.builder {
            // `other` met several scales: its values, exact at the scale it chose, go in one by one.
            let c = mixed.finish()
            for row in 0..<c.count {
                if case .decimal(let d) = c.value(at: row) { append(d) } else { appendNull() }
            }
            return
        }
        var nulls = other.nullRows.makeIterator()
        var nextNull = nulls.next()
        for (row, u) in other.units.enumerated() {
            if row == nextNull {
                appendNull()
                nextNull = nulls.next()
            } else {
                append(FixedDecimal(units: u, scale: other.scale ?? 0))
            }
        }
    }

    private mutating func appendMixed(_ d: FixedDecimal) {
        if builder == nil {
            var b = ColumnBuilder(name: "", type: .decimal)
            var nulls = nullRows.makeIterator()
            var nextNull = nulls.next()
            for (row, u) in units.enumerated() {
                if row == nextNull {
                    b.appendNull()
                    nextNull = nulls.next()
                } else {
                    b.append(.decimal(FixedDecimal(units: u, scale: scale ?? 0)))
                }
            }
            builder = b
            units = []
            nullRows = []
        }
        builder!.append(.decimal(d))
    }

    /// The finished column named `name`.
    func finish(name: String) -> Column {
        if let builder {
            let c = builder.finish()
            return Column(name: name, storage: c.storage, validity: c.validity)
        }
        var validity: Bitmap? = nil
        if !nullRows.isEmpty {
            var v = Bitmap(count: units.count, value: true)
            for r in nullRows { v[r] = false }
            validity = v
        }
        return Column(name: name, storage: .decimal(units, scale: scale ?? 0), validity: validity)
    }
}
