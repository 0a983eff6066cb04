/// Named tables: what a session can query. A value; replacing a table is all-or-nothing.
public struct Catalog: Sendable {
    private var tables: [String: Table] = [:]
    /// Names in the order they were first added.
    public private(set) var names: [String] = []

    public init() {}

    /// The table called `name`, if any.
    public subscript(name: String) -> Table? { tables[name] }

    /// Adds or replaces a table.
    public mutating func set(_ name: String, _ table: Table) {
        if tables[name] == nil { names.append(name) }
        tables[name] = table
    }

    /// Removes a table.
    public mutating func remove(_ name: String) {
        tables[name] = nil
        names.removeAll { $0 == name }
    }

    /// Names in alphabetical order.
    public var sortedNames: [String] { names.sorted() }
}
