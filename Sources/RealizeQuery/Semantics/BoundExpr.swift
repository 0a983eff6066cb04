import RealizeStore

/// A column of a stage's input or output: its name and type.
public struct Field: Sendable, Hashable {
    public var name: String
    public var type: DataType
    public init(_ name: String, _ type: DataType) { self.name = name; self.type = type }
}

/// The columns flowing between two stages.
public typealias Schema = [Field]

/// A checked expression: names resolved to column indices, every node typed.
public indirect enum BoundExpr: Sendable {
    case column(Int, DataType)
    case literal(Value, DataType)
    /// `-x` (numeric) or `not x` (bool).
    case negate(BoundExpr, DataType)
    case not(BoundExpr)
    /// `+ - * / %` on numbers; `type` is the result type.
    case arithmetic(BinaryOperator, BoundExpr, BoundExpr, DataType)
    /// Text concatenation (`||`).
    case concat(BoundExpr, BoundExpr)
    /// `= != < <= > >=`, operands already of comparable types.
    case compare(BinaryOperator, BoundExpr, BoundExpr)
    /// `and`, `or` with SQL's three-valued logic.
    case logic(BinaryOperator, BoundExpr, BoundExpr)
    /// `.year`, `.quarter`, `.month`, `.fiscal_year`, `.fiscal_quarter` of a date or period.
    case datePart(DatePart, BoundExpr)
    /// A scalar function of the catalog, resolved by the binder.
    case call(ScalarFunction, [BoundExpr], DataType)
    case inList(BoundExpr, [Value], negated: Bool)
    case isNull(BoundExpr, negated: Bool)
    case conditional([(BoundExpr, BoundExpr)], BoundExpr?, DataType)
    /// contains / starts / ends / like (case-insensitive), with the pattern.
    case match(MatchOperator, BoundExpr, BoundExpr, negated: Bool)
    /// A date or period column tested against an inclusive range in its own units.
    case inRange(BoundExpr, lo: Int32, hi: Int32)
    /// Conversion between numeric types (int → decimal, anything → double), or period ← date.
    case cast(BoundExpr, DataType)

    public var type: DataType {
        switch self {
        case .column(_, let t), .literal(_, let t), .negate(_, let t), .arithmetic(_, _, _, let t), .call(_, _, let t),
            .conditional(_, _, let t), .cast(_, let t):
            return t
        case .concat: return .text
        case .datePart: return .int
        case .not, .compare, .logic, .inList, .isNull, .match, .inRange: return .bool
        }
    }
}

/// An aggregate to compute per group.
public struct AggregateSpec: Sendable {
    /// The aggregate of the catalog, resolved by the binder.
    public var function: AggregateFunction
    /// The argument; nil for `count()`.
    public var argument: BoundExpr?
    /// percentile's fraction.
    public var parameter: Double
    public var type: DataType
}
