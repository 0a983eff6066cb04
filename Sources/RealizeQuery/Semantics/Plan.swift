import RealizeStore

/// A checked pipeline: a source and a list of operators, each with the schema it produces.
public struct Plan: Sendable {
    public var source: PlanInput
    public var sourceSchema: Schema
    public var operators: [Operator]
    /// The columns of the source that are read, in order (nil: all of them); set by column pruning. The first
    /// operator's input is ``scanSchema``.
    public var scanColumns: [Int]? = nil
    /// The columns the scan produces: `sourceSchema`, or the part of it that `scanColumns` names.
    public var scanSchema: Schema { scanColumns.map { $0.map { sourceSchema[$0] } } ?? sourceSchema }
    /// The result's columns.
    public var schema: Schema { operators.last?.schema ?? scanSchema }
}

/// Where a plan (or the right side of a join) reads its rows from.
public indirect enum PlanInput: Sendable {
    /// A table of the catalog.
    case table(String)
    /// `_`, the last result.
    case lastResult
    /// A domain command, run while planning (its columns are known only from its result): the command as
    /// written, and the table it produced.
    case command(text: String, result: Table)
    /// A parenthesised pipeline, planned with the outer one.
    case plan(Plan)

    /// How `explain` names the input.
    public var label: String {
        switch self {
        case .table(let name): return name.hasPrefix("\u{1}") ? "pivot result" : name
        case .lastResult: return "_ (last result)"
        case .command(let text, _): return text
        case .plan: return "subquery"
        }
    }
}

/// A window function call of a `window` stage: its checked arguments, numeric parameters and result type.
public struct WindowCall: Sendable {
    /// The window function; nil for an aggregate over the whole partition.
    public var function: WindowFunction?
    /// An aggregate over the row's whole partition (`window by program derive share = budget / sum(budget)`),
    /// its argument bound against the window's input.
    public var aggregate: AggregateSpec?
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
        /// Hash join of `right` (built) onto the input (probed): the input's columns, then `rightColumns` of `right`.
        /// `lookup`: the right keys are known to be unique, so each input row meets at most one right row and the
        /// input's columns are gathered only when some row is dropped (set by ``LookupJoin``).
        case join(right: PlanInput, leftKeys: [Int], rightKeys: [Int], rightColumns: [Int], left: Bool, lookup: Bool = false)
        /// The input's rows, then each of `inputs`' rows, stacked by column name (see ``TableStacker``):
        /// `columns[0]` maps each output column to an input column, `columns[p]` to a column of `inputs[p - 1]`
        /// (nil: null for that part's rows).
        case union(inputs: [PlanInput], columns: [[Int?]])
        case sort([(BoundExpr, Bool)])
        case limit(Int)
        /// Sort then limit, fused: a partial sort.
        case topN([(BoundExpr, Bool)], Int)
        /// Filter then top-N, fused: the N first rows, in order, among those where the condition holds, read
        /// through the condition's mask without gathering the selected rows first (set by ``TopN``).
        case filteredTopN(BoundExpr, [(BoundExpr, Bool)], Int)
        case distinct
        /// Window functions within partitions, in order. `outputs` are all the output columns, computed over the
        /// input columns followed by the calls' results (an unchanged input column is a plain reference).
        case window(partition: [BoundExpr], order: (BoundExpr, Bool)?, calls: [WindowCall], outputs: [BoundExpr])
        /// Each of `columns` becomes a row: the kept columns, then its name (as `names[k]`) and its value.
        case unpivot(keep: [Int], columns: [Int], names: [Value], valueType: DataType)
        /// Group by rows + the pivot column, then spread the pivot values across columns.
        case pivot(rows: [BoundExpr], column: BoundExpr, aggregate: AggregateSpec, post: BoundExpr)
    }
    public var kind: Kind
    public var schema: Schema
    /// Human-readable description for `explain`.
    public var summary: String
    /// The stage it was planned from, where a run-time error (an overflow) is reported; nil for operators
    /// an optimizer rule made.
    public var range: SourceRange? = nil
    /// For an aggregate: the group keys (index into its keys, descending or not) in whose order its groups come
    /// out, instead of in order of first appearance; set by ``OrderedGroups``, which drops the sort that followed.
    public var groupOrder: [(key: Int, descending: Bool)]? = nil
}
