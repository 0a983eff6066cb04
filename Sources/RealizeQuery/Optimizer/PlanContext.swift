import RealizeStore

/// What the optimizer may know about a plan's inputs before it runs: the catalog, the last result and settings.
struct PlanContext: Sendable {
    let catalog: Catalog
    let lastResult: Table?
    let settings: QuerySettings

    /// The rows of an input that exists before the query runs (a table, `_`, a command's result); nil for a
    /// sub-plan, which has not run yet.
    func rows(of input: PlanInput) -> Table? {
        switch input {
        case .table(let name): return catalog[name]
        case .lastResult: return lastResult
        case .command(_, let result): return result
        case .plan: return nil
        }
    }

    /// The columns an input produces.
    func schema(of input: PlanInput) -> Schema? {
        if case .plan(let p) = input { return p.schema }
        return rows(of: input).map(Planner.schema(of:))
    }
}
