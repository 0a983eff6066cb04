extension Catalog {
    /// A table's row count and column names, without building it if it is lazy.
    public subscript(shape name: String) -> (rowCount: Int, columnNames: [String])? {
        if let lazy = lazyTables[name] { return (lazy.rowCount, lazy.columnNames) }
        return self[name].map { ($0.rowCount, $0.columnNames) }
    }
}

extension Catalog {
    /// Why the lazily built table `name` cannot be read (a bad value found on first use), or nil.
    public func unreadable(_ name: String) -> String? {
        lazyTables[name]?.failure?.message
    }
}
