import RealizeStore

/// A table whose cells are already formatted for people (`1,234.50`, `n/a`, ISO dates), ready to be
/// laid out as HTML. The shell builds it with the same cell formatter as its box tables, so a report
/// reads like the terminal.
public struct FormattedTable: Sendable {
    /// One column: header, type name, alignment and the formatted cells.
    public struct Column: Sendable {
        public var name: String
        public var type: DataType
        public var cells: [Cell]
        public init(name: String, type: DataType, cells: [Cell]) {
            self.name = name
            self.type = type
            self.cells = cells
        }
        /// Numbers are right-aligned.
        public var alignRight: Bool { type.isNumeric }
    }

    /// One formatted cell, with the exact value kept beside the display text.
    public struct Cell: Sendable {
        /// What the reader sees.
        public var text: String
        /// The raw value (`Value.description`: exact decimals, full doubles), empty for null.
        public var exact: String
        public var isNegative: Bool
        public var isNull: Bool
        public init(text: String, exact: String, isNegative: Bool = false, isNull: Bool = false) {
            self.text = text
            self.exact = exact
            self.isNegative = isNegative
            self.isNull = isNull
        }
    }

    public var columns: [Column]
    /// Rows in the whole result (may exceed the rows held when the table was cut for display).
    public var totalRows: Int
    public init(columns: [Column], totalRows: Int) {
        self.columns = columns
        self.totalRows = totalRows
    }

    /// Rows held.
    public var rowCount: Int { columns.first?.cells.count ?? 0 }
}
