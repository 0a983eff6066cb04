import RealizeStore
import Testing
@testable import RealizeQuery

/// A query planned in a session, before and after the optimizer, with the means to run either plan.
struct OptimizedQuery {
    let session: QuerySession
    let plain: Plan
    let optimized: OptimizedPlan

    /// Plans `q` over `session`'s catalog; records an issue and returns nil when it does not check.
    init?(_ q: String, session: QuerySession, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        var parser = Parser(q)
        var planner = Planner(catalog: session.catalog, lastResult: session.lastResult, settings: session.settings)
        planner.source = q
        guard let statement = parser.parseStatement(), let plan = planner.plan(statement.pipeline) else {
            Issue.record("`\(q)` does not check: \(parser.diagnostics + planner.diagnostics)", sourceLocation: sourceLocation)
            return nil
        }
        self.session = session
        plain = plan
        optimized = Optimizer(context: PlanContext(catalog: session.catalog, lastResult: session.lastResult, settings: session.settings)).optimize(plan)
    }

    /// Plans `q` over the fixture tables and `extra` ones.
    init?(_ q: String, extra: [String: String] = [:], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        self.init(q, session: Fixtures.session(extra), sourceLocation: sourceLocation)
    }

    /// The names of the rules that fired, in order, once each.
    var fired: [String] {
        var seen = Set<String>()
        return optimized.rewrites.map(\.rule).filter { seen.insert($0).inserted }
    }

    var operators: [Operator] { optimized.plan.operators }

    /// Runs a plan in the session.
    func run(_ plan: Plan) throws -> Table {
        try Executor(catalog: session.catalog, lastResult: session.lastResult, settings: session.settings, cancel: nil).run(plan)
    }
}

extension Operator {
    /// The kind's case name, to compare plan shapes (`filter`, `join`, `topN`, …).
    var shape: String {
        switch kind {
        case .filter: "filter"
        case .project: "project"
        case .aggregate: "aggregate"
        case .join(_, _, _, _, let isLeft, let lookup): (isLeft ? "left " : "") + (lookup ? "lookup join" : "join")
        case .union: "union"
        case .sort: "sort"
        case .limit: "limit"
        case .topN: "topN"
        case .filteredTopN: "filteredTopN"
        case .distinct: "distinct"
        case .window: "window"
        case .pivot: "pivot"
        case .unpivot: "unpivot"
        }
    }

    /// The sub-plan a join reads, if its right input is one.
    var joinedPlan: Plan? {
        if case .join(.plan(let p), _, _, _, _, _) = kind { return p }
        return nil
    }
}
