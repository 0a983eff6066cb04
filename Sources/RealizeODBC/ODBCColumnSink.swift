import RealizeStore

/// Where the fetched values of one result column accumulate: text columns into an
/// ``ODBCTextColumn`` (interned by their bytes), every other type into a ``ColumnBuilder``.
struct ODBCColumnSink {
    var builder: ColumnBuilder
    var text = ODBCTextColumn()

    init(plan: ODBCColumnPlan) {
        builder = ColumnBuilder(name: plan.name, type: plan.type)
    }

    /// Appends a null.
    mutating func appendNull() {
        if builder.type == .text { text.appendNull() } else { builder.appendNull() }
    }

    /// The finished column.
    func finish() -> Column {
        builder.type == .text ? text.finish(name: builder.name) : builder.finish()
    }
}
