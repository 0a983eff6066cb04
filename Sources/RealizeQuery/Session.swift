import RealizeStore

/// Settings that change how queries evaluate.
public struct QuerySettings: Sendable {
    /// First month of the fiscal year (1 = January, 4 = April).
    public var fiscalYearStart = 1
    /// "Today" for relative time filters; nil means the real date. Fixed for reproducible scripts.
    public var today: Int32? = nil
    public init() {}
}

/// What running one statement produced.
public enum StatementOutcome: Sendable {
    /// A pipeline's result.
    case table(Table)
    /// `let NAME = …` defined a table.
    case defined(name: String, table: Table)
}

/// A query session: the catalog, the last result (`_`) and settings.
///
/// The shell owns one. Running a statement either succeeds and updates the session, or throws and leaves it as it was.
public struct QuerySession: Sendable {
    public var catalog: Catalog
    /// The last result, queried as `_`.
    public var lastResult: Table?
    public var settings = QuerySettings()

    public init(catalog: Catalog = Catalog()) {
        self.catalog = catalog
    }

    /// Parses, checks and runs one statement (a pipeline or `let NAME = pipeline`).
    ///
    /// - Throws: ``QueryError`` with positions relative to `source`.
    public mutating func run(_ source: String, cancel: CancellationToken? = nil) throws(QueryError) -> StatementOutcome {
        throw QueryError(Diagnostic(id: "not-implemented", message: "queries are not implemented yet", range: SourceRange(.init(line: 1, column: 1, offset: 0), .init(line: 1, column: 1, offset: 0))))
    }

    /// Whether `source` is an unfinished statement: it ends with a pipe, or a bracket or quote is open.
    public static func isIncomplete(_ source: String) -> Bool {
        false
    }

    /// Completion candidates for the word ending at `cursor` (a UTF-8 offset into `source`):
    /// verbs after a `|`, table names at the start, the columns in scope inside a stage.
    public func completions(source: String, cursor: Int) -> [String] {
        []
    }

    /// The pipeline verbs, for help and completion.
    public static let verbs: [String] = ["where", "select", "derive", "by", "agg", "join", "left", "sort", "take", "top", "distinct", "pivot"]
}
