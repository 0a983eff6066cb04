import Synchronization

/// A table built on first use: the catalog holds it by name and knows its shape, and the first
/// query that touches it pays for building it (for a workspace, copying out of the mapped file).
public final class LazyTable: Sendable {
    /// Rows, known without building the table.
    public let rowCount: Int
    /// Column names, known without building the table.
    public let columnNames: [String]
    private let state: Mutex<Table?>
    private let build: @Sendable () -> Table

    /// - Parameter build: makes the table; called once, on first use, under a lock.
    public init(rowCount: Int, columnNames: [String], build: @escaping @Sendable () -> Table) {
        self.rowCount = rowCount
        self.columnNames = columnNames
        self.state = Mutex(nil)
        self.build = build
    }

    /// The table, built now if it was not yet.
    public var table: Table {
        state.withLock { cached in
            if let t = cached { return t }
            let t = build()
            cached = t
            return t
        }
    }

    /// Whether the table has been built.
    public var isBuilt: Bool { state.withLock { $0 != nil } }
}
