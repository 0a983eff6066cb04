import RealizeQuery

/// What a `| chart …` stage asks for: the grammar's clause, parsed and checked by the query layer
/// (``RealizeQuery/ChartClause``); this layer only draws it.
public typealias ChartSpec = ChartClause
