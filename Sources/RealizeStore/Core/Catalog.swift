/// Named tables: what a session can query. A value; replacing a table is all-or-nothing.
public struct Catalog: Sendable {
    private var tables: [String: Table] = [:]
    /// Tables built on first use (see ``setLazy(_:_:)``); a name is in `tables` or here, never both.
    var lazyTables: [String: LazyTable] = [:]
    /// Names in the order they were first added.
    public private(set) var names: [String] = []

    public init() {}

    /// The table called `name`, if any.
    public subscript(name: String) -> Table? { tables[name] ?? lazyTables[name]?.table }

    /// Adds or replaces a table.
    public mutating func set(_ name: String, _ table: Table) {
        if tables[name] == nil && lazyTables.removeValue(forKey: name) == nil { names.append(name) }
        tables[name] = table
    }

    /// Adds or replaces a table that is built on first use (see ``LazyTable``).
    public mutating func setLazy(_ name: String, _ table: LazyTable) {
        if tables.removeValue(forKey: name) == nil && lazyTables[name] == nil { names.append(name) }
        lazyTables[name] = table
    }

    /// Removes a table.
    public mutating func remove(_ name: String) {
        tables[name] = nil
        lazyTables[name] = nil
        names.removeAll { $0 == name }
    }

    /// Names in alphabetical order.
    public var sortedNames: [String] { names.sorted() }
}
