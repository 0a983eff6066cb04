import RealizeStore

/// Settings that change how queries evaluate.
public struct QuerySettings: Sendable {
    /// First month of the fiscal year (1 = January, 4 = April).
    public var fiscalYearStart = 1
    /// "Today" (days since 1970-01-01) for relative time filters; nil means the real date. Fix it for reproducible scripts.
    public var today: Int32? = nil
    /// Named measures usable inside `agg` like aggregates (`agg cpi` or `agg cpi()`), each expanded to its
    /// expression over aggregates, e.g. `cpi` → `sum(earned_value) / sum(actual_cost)`. Registered by the analytics layer.
    public var measures: [String: Measure] = [:]
    /// Named settings of the domain commands (`.set evm_red 0.9`), as written; each command reads and checks its own.
    public var options: [String: String] = [:]
    /// The table commands and settings that the layers above registered (``QuerySession/register(_:)-…``).
    public var registry = Registry()
    /// The parameters queries use as `$name` (`.param set`, `--param`), each a typed value.
    public var parameters: [String: Value] = [:]
    public init() {}
}

/// A named, documented aggregate expression (an EVM index, an NPS, …).
public struct Measure: Sendable {
    /// Lower-case name as written in queries.
    public var name: String
    /// The expression it stands for, in the query language, over aggregates of input columns.
    public var expression: String
    /// The formula as a person reads it, e.g. `CPI = EV / AC`.
    public var formula: String
    /// Convention and edge cases, e.g. "null when AC = 0".
    public var convention: String
    /// Where the definition comes from, e.g. "PMI, Practice Standard for Earned Value Management".
    public var source: String

    public init(name: String, expression: String, formula: String, convention: String, source: String) {
        self.name = name
        self.expression = expression
        self.formula = formula
        self.convention = convention
        self.source = source
    }
}

/// What running one statement produced.
public enum StatementOutcome: Sendable {
    /// A pipeline's result.
    case table(Table)
    /// `let NAME = …` defined a table.
    case defined(name: String, table: Table)
    /// `explain …`: the plan, one step per line.
    case plan(String)
    /// A statement ending in `| chart …`: the table to draw and how (`defined` names it when `let` also defined it).
    case chart(ChartClause, Table, defined: String?)
}

/// A query session: the catalog, the last result (`_`) and settings.
///
/// The shell owns one. Running a statement either succeeds and updates the session, or throws and leaves it as it was.
public struct QuerySession: Sendable {
    public var catalog: Catalog
    /// The last result, queried as `_`.
    public var lastResult: Table?
    public var settings = QuerySettings()
    /// The parameters queries use as `$name`: `.param set`, `--param`, a notebook's parameters.
    public var parameters: [String: Value] {
        get { settings.parameters }
        set { settings.parameters = newValue }
    }
    /// What the last statement noticed without failing (values a cast could not convert), one line each; the
    /// shell prints them on standard error.
    public private(set) var warnings: [String] = []
    /// The running statement's token (Ctrl-C), set while a statement runs so that table commands can
    /// poll it in their per-row loops; nil outside a run.
    public var cancellation: CancellationToken? = nil

    /// Whether the running statement was cancelled: a cheap check for long loops.
    public var isCancelled: Bool { cancellation?.isCancelled == true }
    /// The running statement's log of notes, set while a table command runs; nil outside a run.
    var log: WarningLog? = nil

    /// Adds a one-line note to the running statement's warnings (a table command telling what it chose,
    /// e.g. the latest of several snapshots); does nothing outside a run.
    public func warn(_ message: String) { log?.note(message) }

    public init(catalog: Catalog = Catalog()) {
        self.catalog = catalog
    }

    /// How the parser tells this session's commands from its tables.
    public var parserContext: Parser.Context {
        Parser.Context(commands: settings.registry.signatures, tables: Set(catalog.names), parameters: settings.parameters)
    }

    /// Parses one statement with this session's commands.
    ///
    /// - Throws: ``QueryError`` with every syntax error found.
    public func parse(_ source: String, cancel: CancellationToken? = nil) throws(QueryError) -> Statement {
        var parser = Parser(source, context: parserContext, cancel: cancel)
        guard let statement = parser.parseStatement() else { throw QueryError(parser.diagnostics) }
        return statement
    }

    /// Parses, checks and runs one statement (a pipeline, `let NAME = pipeline`, or `explain pipeline`; a
    /// pipeline may start with a table command and end with `| chart …`).
    ///
    /// - Throws: ``QueryError`` with positions relative to `source`; the session is unchanged.
    public mutating func run(_ source: String, cancel: CancellationToken? = nil) throws(QueryError) -> StatementOutcome {
        let statement = try parse(source, cancel: cancel)
        if let (name, range) = statement.letName, name == "_" {
            throw QueryError(Diagnostic(id: .reservedName, message: "`_` is the last result and cannot be defined", range: range))
        }
        let log = WarningLog()
        warnings = []
        let (table, plan) = try execute(
            statement.pipeline, source: source, cancel: cancel, explainOnly: statement.explain, chart: statement.explain ? nil : statement.chart,
            warnings: log)
        warnings = log.messages
        if statement.explain { return .plan(plan) }
        if let (name, _) = statement.letName {
            catalog.set(name, table)
            lastResult = table
            if let chart = statement.chart { return .chart(chart, table, defined: name) }
            return .defined(name: name, table: table)
        }
        lastResult = table
        if let chart = statement.chart { return .chart(chart, table, defined: nil) }
        return .table(table)
    }

    /// Checks and runs a pipeline; `pivot` stages split it, since their columns come from the data.
    func execute(
        _ p: Pipeline, source: String = "", cancel: CancellationToken?, explainOnly: Bool, chart: ChartClause? = nil,
        warnings: WarningLog? = nil
    ) throws(QueryError) -> (Table, String) {
        var planner = Planner(catalog: catalog, lastResult: lastResult, settings: settings)
        planner.warnings = warnings
        var current = p
        var tempCatalog = catalog
        var explainLines: [String] = []
        var rewrites: [AppliedRewrite] = []
        var last = lastResult
        while true {
            let pivotIndex = current.stages.firstIndex { if case .pivot = $0.kind { true } else { false } }
            var head = current
            if let k = pivotIndex { head.stages = Array(current.stages[..<k]) }
            planner = Planner(catalog: tempCatalog, lastResult: last, settings: settings)
            planner.warnings = warnings
            planner.source = source
            planner.cancel = cancel
            guard let plan = planner.plan(head) else { throw QueryError(planner.diagnostics) }
            if pivotIndex == nil, let chart { try chart.check(against: plan.schema) }
            // The planner sees the stages before a pivot only, so check here that a sort right before it is not lost.
            if let k = pivotIndex, k > 0, case .sort = current.stages[k - 1].kind, let undo = planner.undoesSort(current.stages[k]) {
                throw QueryError(
                    Diagnostic(
                        id: .sortUndone, message: "this sort is undone by the `\(current.stages[k].verb)` stage that follows",
                        range: current.stages[k - 1].range, hint: undo))
            }
            let optimized = Optimizer(context: PlanContext(catalog: tempCatalog, lastResult: last, settings: settings)).optimize(plan)
            explainLines += PlanExplainer.steps(optimized.plan)
            rewrites += optimized.rewrites
            if explainOnly && pivotIndex == nil { return (.empty, PlanExplainer.text(steps: explainLines, rewrites: rewrites)) }
            var table: Table
            do {
                table = try Executor(catalog: tempCatalog, lastResult: last, settings: settings, cancel: cancel, warnings: warnings).run(
                    optimized.plan)
            } catch {
                switch error {
                case .cancelled: throw QueryError(Diagnostic(id: .cancelled, message: "query cancelled", range: p.sourceRange))
                case .tooLarge(let why):
                    throw QueryError(
                        Diagnostic(
                            id: .resultTooLarge, message: why, range: p.sourceRange,
                            hint: "check the join key: each row of the right table should match few rows"))
                case .conversion(let why):
                    throw QueryError(
                        Diagnostic(
                            id: .conversionFailed, message: why, range: p.sourceRange,
                            hint: "without `strict`, values that do not convert are null and counted in a warning"))
                case .overflow(let o, let range):
                    throw QueryError(NumericOverflowDiagnostic.make(o, range: range ?? p.sourceRange))
                }
            }
            guard let k = pivotIndex else { return (table, PlanExplainer.text(steps: explainLines, rewrites: rewrites)) }
            let stage = current.stages[k]
            guard case .pivot(let colExpr, let rows, let value) = stage.kind else { return (table, "") }
            do throws(Diagnostic) {
                table = try Pivot.run(table, columns: colExpr, rows: rows, value: value, settings: settings, cancel: cancel)
            } catch {
                throw QueryError(error)
            }
            explainLines.append("→ pivot → \(table.columns.count) columns")
            // Continue with the rest of the pipeline over the pivoted table, as a temporary source.
            let tempName = "\u{1}pivot\(k)"
            tempCatalog.set(tempName, table)
            last = table
            current = Pipeline(source: .table(tempName, stage.range), stages: Array(current.stages[(k + 1)...]))
        }
    }

    /// Whether `source` is an unfinished statement: it ends with a pipe or comma, or a bracket or quote is open.
    public static func isIncomplete(_ source: String) -> Bool { StatementText.isIncomplete(source) }

}
