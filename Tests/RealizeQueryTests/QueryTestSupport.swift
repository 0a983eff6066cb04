import Foundation
import Testing
import RealizeStore
@testable import RealizeQuery

/// Set `QUERY_TESTS_TRACE=1` to print each generated case before it runs (to find the one that crashes).
let queryTestsTrace = ProcessInfo.processInfo.environment["QUERY_TESTS_TRACE"] != nil

/// Small tables shared by the query tests, read through the real CSV reader.
enum Fixtures {
    static let financialsCSV = """
        project_id,period,planned_value,earned_value,actual_cost
        P1,2025-01,100.00,90.00,120.00
        P1,2025-02,100.00,100.00,110.00
        P2,2025-01,50.00,50.00,40.00
        P2,2025-02,50.00,,45.50
        P3,2025-02,0.70,0.79,1.1

        """
    static let projectsCSV = #"""
        project_id,project,program,budget
        P1,Alpha,"Finance, ""Phase II""",1000.00
        P2,Beta,Zürich,500
        P3,Gamma,Zürich,10.5

        """#

    static func table(_ csv: String, _ name: String = "t.csv") -> Table {
        do { return try CSVReader.read(bytes: Array(csv.utf8), sourceName: name) } catch {
            Issue.record("fixture \(name) does not read: \(error)")
            return .empty
        }
    }

    /// `financials` and `projects`.
    static func catalog() -> Catalog {
        var c = Catalog()
        c.set("financials", table(financialsCSV, "financials.csv"))
        c.set("projects", table(projectsCSV, "projects.csv"))
        return c
    }

    static func session(_ extra: [String: String] = [:]) -> QuerySession {
        var c = catalog()
        for (name, csv) in extra { c.set(name, table(csv, name + ".csv")) }
        return QuerySession(catalog: c)
    }
}

/// Runs `q` and returns its table (a `let` gives the defined table); a plan is an error here.
func runTable(_ q: String, _ s: inout QuerySession) throws -> Table {
    switch try s.run(q) {
    case .table(let t), .defined(_, let t), .chart(_, let t, _): return t
    case .plan(let p): throw PlanInsteadOfTable(plan: p)
    }
}

struct PlanInsteadOfTable: Error { var plan: String }

/// Runs `q` in a fresh fixture session.
func runTable(_ q: String, extra: [String: String] = [:]) throws -> Table {
    var s = Fixtures.session(extra)
    return try runTable(q, &s)
}

/// The first diagnostic of a query that is expected to fail; records an issue if it runs.
func diagnostic(_ q: String, _ s: inout QuerySession, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Diagnostic? {
    do {
        _ = try s.run(q)
        Issue.record("expected `\(q)` to fail", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error.primary
    }
}

func diagnostic(_ q: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Diagnostic? {
    var s = Fixtures.session()
    return diagnostic(q, &s, sourceLocation: sourceLocation)
}

extension Table {
    /// Rows of boxed values.
    var rows: [[Value]] { (0..<rowCount).map { r in columns.map { $0.value(at: r) } } }
    /// One column's values by name (empty, with an issue, if missing).
    func values(_ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [Value] {
        guard let c = column(named: name) else {
            Issue.record("no column `\(name)` in \(columnNames)", sourceLocation: sourceLocation)
            return []
        }
        return (0..<rowCount).map { c.value(at: $0) }
    }
    /// One column as text (`description`, empty for null).
    func texts(_ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [String] {
        values(name, sourceLocation: sourceLocation).map(\.description)
    }
}

/// A decimal value from text, for expectations.
func dec(_ s: String) -> Value { .decimal(FixedDecimal(parsing: Substring(s))!) }

/// Whether a value is a double within `tolerance` of `x`.
func isApprox(_ v: Value, _ x: Double, tolerance: Double = 1e-9) -> Bool {
    guard case .double(let d) = v else { return false }
    return abs(d - x) <= tolerance
}
