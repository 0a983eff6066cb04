import RealizeStore

extension FormattedTable {
    /// `table` formatted for people with the table's cell formatter (`1,234.50`, `n/a`, ISO dates),
    /// keeping each cell's exact value beside its text.
    ///
    /// - Parameter maxRows: keep at most this many rows (the table notes how many there were).
    package init(_ table: Table, maxRows: Int? = nil) {
        let rows = Array(0..<min(table.rowCount, maxRows ?? table.rowCount))
        let columns = table.columns.map { column in
            let cells = CellFormatter.cells(column, rows: rows, in: table)
            return FormattedTable.Column(
                name: column.name, type: column.type,
                cells: zip(rows, cells).map { r, cell in
                    FormattedTable.Cell(
                        text: cell.text, exact: column.value(at: r).description,
                        isNegative: cell.style == .negative, isNull: cell.style == .null)
                })
        }
        self.init(columns: columns, totalRows: table.rowCount)
    }
}
