import Synchronization

/// A table built on first use: the catalog holds it by name and knows its shape, and the first
/// query that touches it pays for building it (for a workspace, copying out of the mapped file).
public final class LazyTable: Sendable {
    /// Rows, known without building the table.
    public let rowCount: Int
    /// Column names, known without building the table.
    public let columnNames: [String]
    private let state: Mutex<Result<Table, Failure>?>
    private let build: @Sendable () -> Result<Table, Failure>

    /// Why a table could not be built (a value found bad only when its column was copied out).
    public struct Failure: Error, Sendable {
        public var message: String
        public init(_ message: String) { self.message = message }
    }

    /// - Parameter build: makes the table, or says why it cannot; called once, on first use, under a lock.
    public init(rowCount: Int, columnNames: [String], build: @escaping @Sendable () -> Result<Table, Failure>) {
        self.rowCount = rowCount
        self.columnNames = columnNames
        self.state = Mutex(nil)
        self.build = build
    }

    /// The table, built now if it was not yet; nil when it cannot be built (``failure`` says why).
    public var table: Table? {
        try? result.get()
    }

    /// Why the table cannot be built, building it now if it was not yet; nil when it can.
    public var failure: Failure? {
        if case .failure(let f) = result { return f }
        return nil
    }

    private var result: Result<Table, Failure> {
        state.withLock { cached in
            if let r = cached { return r }
            let r = build()
            cached = r
            return r
        }
    }

    /// Whether the table has been built.
    public var isBuilt: Bool { state.withLock { $0 != nil } }
}
