/// Why two tables cannot be stacked: a column holds values of two types that do not widen exactly.
public struct StackConflict: Error, Sendable, Equatable {
    /// The column's name.
    public var column: String
    /// Which part first gave the column its type (its index among the parts), and the type.
    public var firstPart: Int
    public var firstType: DataType
    /// The part whose type conflicts, and its type.
    public var part: Int
    public var type: DataType
    /// Why: a type mismatch, or an exact widening that would overflow.
    public var reason: String

    /// The standing hint: what widens and what does not.
    public static let hint =
        "only int widens to decimal (exactly); cast the column in one of them, e.g. `.load … types COLUMN:TYPE` or `derive COLUMN = to_text(COLUMN)` before a `union`"
}
