import RealizeStore

/// A checked pipeline: a source and a list of operators, each with the schema it produces.
public struct Plan: Sendable {
    public enum Source: Sendable {
        case table(String)
        case lastResult
    }
    public var source: Source
    public var sourceSchema: Schema
    public var operators: [Operator]
    /// The result's columns.
    public var schema: Schema { operators.last?.schema ?? sourceSchema }
}

/// A window function call of a `window` stage: its checked arguments, numeric parameters and result type.
public struct WindowCall: Sendable {
    public var name: String
    public var args: [BoundExpr]
    public var params: [Int]
    public var type: DataType
}

/// One executable step.
public struct Operator: Sendable {
    public enum Kind: Sendable {
        case filter(BoundExpr)
        /// Output columns, each computed from the input.
        case project([BoundExpr])
        /// Group by keys (evaluated on input), compute aggregates, then the output expressions over keys + aggregates.
        case aggregate(keys: [BoundExpr], aggregates: [AggregateSpec], outputs: [BoundExpr])
        case join(table: String, leftKeys: [Int], rightKeys: [Int], rightColumns: [Int], left: Bool)
        case sort([(BoundExpr, Bool)])
        case limit(Int)
        /// Sort then limit, fused: a partial sort.
        case topN([(BoundExpr, Bool)], Int)
        case distinct
        /// Window functions within partitions, in order; outputs appended to the input columns.
        case window(partition: [BoundExpr], order: (BoundExpr, Bool)?, calls: [WindowCall], outputs: [BoundExpr])
        /// Group by rows + the pivot column, then spread the pivot values across columns.
        case pivot(rows: [BoundExpr], column: BoundExpr, aggregate: AggregateSpec, post: BoundExpr)
    }
    public var kind: Kind
    public var schema: Schema
    /// Human-readable description for `explain`.
    public var summary: String
}
