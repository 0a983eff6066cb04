import RealizeStore

/// Where the fetched values of one result column accumulate: text columns into an
/// ``ODBCTextColumn`` (interned by their bytes), decimals into an ``ODBCDecimalColumn``, every other
/// type into a ``ColumnBuilder``.
struct ODBCColumnSink {
    var builder: ColumnBuilder
    var text = ODBCTextColumn()
    var decimal = ODBCDecimalColumn()

    init(plan: ODBCColumnPlan) {
        builder = ColumnBuilder(name: plan.name, type: plan.type)
    }

    /// Appends a null.
    mutating func appendNull() {
        switch builder.type {
        case .text: text.appendNull()
        case .decimal: decimal.appendNull()
        default: builder.appendNull()
        }
    }

    /// Appends the values of `other`, the same column's later rows, as if they had been appended here.
    mutating func append(contentsOf other: ODBCColumnSink) {
        switch builder.type {
        case .text: text.append(contentsOf: other.text)
        case .decimal: decimal.append(contentsOf: other.decimal)
        default:
            let c = other.builder.finish()
            for row in 0..<c.count { builder.append(c.value(at: row)) }
        }
    }

    /// The finished column.
    func finish() -> Column {
        switch builder.type {
        case .text: text.finish(name: builder.name)
        case .decimal: decimal.finish(name: builder.name)
        default: builder.finish()
        }
    }
}
