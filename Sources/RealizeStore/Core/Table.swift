/// An immutable-by-value table: equally long, uniquely named columns.
public struct Table: Sendable {
    public private(set) var columns: [Column]
    public let rowCount: Int

    /// Creates a table; all columns must have `rowCount` rows (checked in debug builds).
    public init(columns: [Column], rowCount: Int? = nil) {
        self.columns = columns
        self.rowCount = rowCount ?? columns.first?.count ?? 0
        assert(invariantViolation() == nil, invariantViolation() ?? "")
    }

    /// The empty table with no columns.
    public static let empty = Table(columns: [], rowCount: 0)

    /// Column names, in order.
    public var columnNames: [String] { columns.map(\.name) }

    /// The column named `name` (exact match), if any.
    public func column(named name: String) -> Column? { columns.first { $0.name == name } }

    /// Index of the column named `name`.
    public func columnIndex(named name: String) -> Int? { columns.firstIndex { $0.name == name } }

    /// The rows at `indices` (a selection vector), in that order.
    public func gather(_ indices: [Int]) -> Table {
        Table(columns: columns.map { $0.gather(indices) }, rowCount: indices.count)
    }

    /// ``gather(_:)`` that asks `shouldStop` between columns and every million rows (see
    /// ``Column/gather(_:shouldStop:)``); nil once it says yes.
    public func gather(_ indices: [Int], shouldStop: () -> Bool) -> Table? {
        var gathered: [Column] = []
        gathered.reserveCapacity(columns.count)
        for column in columns {
            if shouldStop() { return nil }
            gathered.append(column.gather(indices, shouldStop: shouldStop))
        }
        return shouldStop() ? nil : Table(columns: gathered, rowCount: indices.count)
    }

    /// The first `n` rows.
    public func prefix(_ n: Int) -> Table { gather(Array(0..<min(n, rowCount))) }

    /// A copy with the columns chosen (by index) in that order.
    public func projecting(_ indices: [Int]) -> Table {
        Table(columns: indices.map { columns[$0] }, rowCount: rowCount)
    }

    /// Describes the first broken invariant: mismatched lengths, duplicate names, bad dictionaries.
    public func invariantViolation() -> String? {
        var seen = Set<String>()
        for c in columns {
            if c.count != rowCount { return "column \(c.name) has \(c.count) rows, table has \(rowCount)" }
            if !seen.insert(c.name).inserted { return "duplicate column name \(c.name)" }
            if let v = c.invariantViolation() { return v }
        }
        return nil
    }

    /// Traps if an invariant is broken. Tests and debug builds call this.
    public func checkInvariants() {
        if let v = invariantViolation() { preconditionFailure(v) }
    }
}
