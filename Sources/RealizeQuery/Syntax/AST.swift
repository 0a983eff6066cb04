/// The syntax tree of a statement, as written (names unresolved, types unknown).
public struct Statement: Sendable {
    /// `let NAME = …`: the name being defined.
    public var letName: (name: String, range: SourceRange)?
    /// `explain …`: print the plan instead of running.
    public var explain: Bool
    public var pipeline: Pipeline
    /// A final `| chart …` stage: draw the result instead of printing it.
    public var chart: ChartClause?
}

/// A source followed by stages.
public struct Pipeline: Sendable {
    public var source: Source
    public var stages: [Stage]

    /// Where the source is written.
    public var sourceRange: SourceRange { source.range }
}

/// Where a pipeline's rows come from: a table (or `_`), a table command, or a parenthesised pipeline.
public indirect enum Source: Sendable {
    case table(String, SourceRange)
    case command(CommandCall)
    case pipeline(Pipeline, SourceRange)

    public var range: SourceRange {
        switch self {
        case .table(_, let r), .pipeline(_, let r): return r
        case .command(let c): return c.range
        }
    }

    /// The table's name, when the source is a table.
    public var tableName: String? {
        if case .table(let name, _) = self { return name }
        return nil
    }
}

/// A named expression in a stage: `name = expr`, or a bare expression named after itself.
public struct NamedExpr: Sendable {
    public var name: String?
    public var expr: Expr
    public var range: SourceRange
}

/// One pair of join columns: the left table's and the joined table's (the same name when written once).
public struct JoinKey: Sendable {
    public var left: String
    public var right: String
    public var range: SourceRange
}

/// A sort key: an expression and its direction.
public struct SortKey: Sendable {
    public var expr: Expr
    public var descending: Bool
}

/// One step of a pipeline.
public struct Stage: Sendable {
    public enum Kind: Sendable {
        case `where`(Expr)
        /// `select a, b, c = expr`, or `select * except a, b`.
        case select(items: [NamedExpr], star: Bool, except: [(String, SourceRange)])
        case derive([NamedExpr])
        /// `by KEYS agg AGGS`, or `agg AGGS` (keys empty).
        case aggregate(keys: [NamedExpr], aggs: [NamedExpr])
        /// `join [left] SOURCE on KEY[, KEY…]`, each key `NAME` or `LEFT_NAME = RIGHT_NAME`; the source is a table,
        /// a command with no arguments, or a parenthesised pipeline (`join (evm by project) on project_id`).
        case join(source: Source, left: Bool, keys: [JoinKey])
        /// `union SOURCE[, SOURCE…]`: the input's rows, then each source's, stacked by column name (a table,
        /// a `let` result, a command with no arguments or a parenthesised pipeline, as `join` takes).
        case union([Source])
        case sort([SortKey])
        case take(Int)
        case top(Int, SortKey)
        case distinct
        /// `window [by KEYS] [order EXPR] derive …`: window functions within groups, in order.
        case window(partition: [Expr], order: SortKey?, items: [NamedExpr])
        /// `unpivot COLUMNS into NAME, VALUE`: each listed column (or every column matching a quoted pattern
        /// such as `'2025-*'`) becomes rows of NAME (the column's name) and VALUE (its value).
        case unpivot(columns: [(String, SourceRange)], patterns: [(String, SourceRange)], name: String, value: String)
        /// `pivot COLUMN_EXPR [by ROW_KEYS] value AGG`.
        case pivot(columns: Expr, rows: [NamedExpr], value: Expr)
    }
    public var kind: Kind
    /// The verb's text and where the stage is.
    public var verb: String
    public var range: SourceRange
}

/// An expression as written.
public indirect enum Expr: Sendable {
    case column(String, SourceRange)
    case literal(LiteralValue, SourceRange)
    case unary(op: String, Expr, SourceRange)
    case binary(op: String, Expr, Expr, SourceRange)
    /// `x.year`, `x.quarter`, `x.month`, `x.fiscal_year`, `x.fiscal_quarter`.
    case property(Expr, String, SourceRange)
    /// A function or aggregate call; `distinct` for `count(distinct x)`.
    case call(name: String, args: [Expr], distinct: Bool, SourceRange)
    case inList(Expr, [Expr], negated: Bool, SourceRange)
    case between(Expr, Expr, Expr, negated: Bool, SourceRange)
    case isNull(Expr, negated: Bool, SourceRange)
    /// `if c then a else b`, `case when c then a … else z end`.
    case conditional(branches: [(Expr, Expr)], otherwise: Expr?, SourceRange)
    /// Text matching: contains, starts, ends, like.
    case match(op: String, Expr, Expr, negated: Bool, SourceRange)
    /// A relative time filter on a date or period: `x in last 6 months`, `x in this quarter`, `x in ytd`, `x as of 2025-06`.
    case timeFilter(Expr, TimeWindow, SourceRange)

    public var range: SourceRange {
        switch self {
        case .column(_, let r), .literal(_, let r), .unary(_, _, let r), .binary(_, _, _, let r), .property(_, _, let r),
            .call(_, _, _, let r), .inList(_, _, _, let r), .between(_, _, _, _, let r), .isNull(_, _, let r),
            .conditional(_, _, let r), .match(_, _, _, _, let r), .timeFilter(_, _, let r):
            return r
        }
    }
}

/// A literal as written.
public enum LiteralValue: Sendable {
    case integer(String)
    case number(String)
    case string(String)
    case date(String)
    case period(String)
    case bool(Bool)
    case null
    /// `$name`: a session parameter, bound to its value (and checked like a literal of its type) by the binder.
    case parameter(String)
}

/// A relative window of time, resolved against "today" (settable for reproducible scripts).
public enum TimeWindow: Sendable {
    /// `this month|quarter|year`, `last month|quarter|year` (the previous whole one).
    case this(String), previous(String)
    /// `last N months|quarters|years`: the N whole units ending with the current one.
    case lastN(Int, String)
    /// Year to date (fiscal year aware).
    case ytd
    /// On or before a period or date.
    case asOf(LiteralValue)
}
