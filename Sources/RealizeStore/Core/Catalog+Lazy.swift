extension Catalog {
    /// A table's row count and column names, without building it if it is lazy.
    public subscript(shape name: String) -> (rowCount: Int, columnNames: [String])? {
        if let lazy = lazyTables[name], !lazy.isBuilt { return (lazy.rowCount, lazy.columnNames) }
        return self[name].map { ($0.rowCount, $0.columnNames) }
    }
}
