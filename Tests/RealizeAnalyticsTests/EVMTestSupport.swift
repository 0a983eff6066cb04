import RealizeQuery
import RealizeSamples
import RealizeStore
import Testing
@testable import RealizeAnalytics

/// A query session over the sample portfolio (or given tables), with the domain measures installed.
func financialSession(_ tables: [(String, Table)]? = nil) -> QuerySession {
    var catalog = Catalog()
    for (name, table) in tables ?? SamplePortfolio.tables().map({ ($0.name, $0.table) }) { catalog.set(name, table) }
    var session = QuerySession(catalog: catalog)
    DomainCommands.install(into: &session)
    return session
}

/// Runs a statement (domain command or query) and returns its table.
func runTable(_ text: String, _ session: inout QuerySession) throws -> Table {
    switch try session.run(text) {
    case .table(let t), .defined(_, let t), .chart(_, let t, _): return t
    case .plan: throw QueryError([])
    }
}

/// Runs a statement and expects it to fail; returns the first diagnostic's id.
func failureID(_ text: String, _ session: inout QuerySession) -> String? {
    do {
        _ = try runTable(text, &session)
        return nil
    } catch let e as QueryError {
        return e.diagnostics.first?.id.rawValue
    } catch {
        return "other"
    }
}

extension Table {
    /// The value in column `name` at the first row where `key` equals `value`.
    func value(_ name: String, where key: String, is value: String) -> Value? {
        guard let k = column(named: key), let c = column(named: name) else { return nil }
        for r in 0..<rowCount where k.value(at: r) == .text(value) { return c.value(at: r) }
        return nil
    }

    func double(_ name: String, where key: String, is value: String) -> Double? {
        self.value(name, where: key, is: value)?.doubleValue
    }

    func texts(_ name: String) -> [String?] {
        guard let c = column(named: name) else { return [] }
        return (0..<rowCount).map { c.isNull($0) ? nil : c.value(at: $0).description }
    }
}

/// A small table from columns of values.
func makeTable(_ columns: [(String, DataType, [Value])]) -> Table {
    Table(columns: columns.map { Column(name: $0.0, type: $0.1, values: $0.2) })
}

func money(_ s: String) -> Value { .decimal(FixedDecimal(parsing: Substring(s))!) }
func period(_ s: String) -> Value { .period(CivilCalendar.parsePeriod(Array(s.utf8))!) }

/// |a − b| ≤ tolerance, with nil never close.
func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance
}
