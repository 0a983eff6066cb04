import Foundation
import RealizeStore
import Testing

@testable import RealizeShell

/// Values read from PostgreSQL through ODBC stay exact over many fetch blocks (and psqlODBC cursor
/// fetches): numeric(38,10) to the last digit, nulls as nulls, empty text apart from null, non-ASCII
/// text intact. Runs against the cluster of scripts/pg-test-cluster; skips, saying why, without it.
@Suite(.serialized, .enabled(if: ODBCTestDatabase.hasPostgres, "\(ODBCTestDatabase.noPostgres)"))
struct PostgresODBCValueTests {
    /// Ten thousand rows: more than one fetch block (1024) and more than one cursor fetch (4096).
    static let manyRows = """
        select g as i, (g * 1.25)::numeric(38,10) as n, \
        case when g % 5 = 0 then null when g % 5 = 1 then repeat(chr(65), 0) else concat(chr(80), g % 50, chr(233), chr(10003)) end as t \
        from generate_series(1, 10000) g order by g
        """

    private func session(_ extra: String = "") throws -> ShellSession {
        let session = ShellSession(catalog: Catalog(), output: ShellOutput(out: { _ in }, err: { _ in }))
        let literal = (ODBCTestDatabase.postgres ?? "") + ";Pwd=" + (ODBCTestDatabase.password ?? "") + extra
        _ = try session.runDotCommand(".connect pg '\(literal)'")
        return session
    }

    private func values(_ table: Table?, _ name: String) -> [Value] {
        guard let table, let c = table.column(named: name) else { return [] }
        return (0..<c.count).map { c.value(at: $0) }
    }

    @Test func manyBlocksStayExact() throws {
        let s = try session()
        _ = try s.runDotCommand(".load pg query '\(Self.manyRows)' as x")
        let x = s.query.catalog["x"]
        #expect(x?.rowCount == 10_000)
        #expect(x?.columns.map(\.type) == [.int, .decimal, .text])
        #expect(x?.columns.compactMap { $0.invariantViolation() } == [])
        let n = values(x, "n")
        let total = n.reduce(FixedDecimal(units: 0, scale: 0)) { sum, v in
            guard case .decimal(let d) = v else { return sum }
            return FixedDecimal(units: sum.units + FixedDecimal.rescale(d.units, from: d.scale, to: 10)!, scale: 10)
        }
        #expect(total.description == FixedDecimal(parsing: "62506250.0000000000")?.description)
        let t = values(x, "t")
        #expect(t.filter { $0 == .null }.count == 2000)
        #expect(t.filter { $0 == .text("") }.count == 2000)
        #expect(t[2] == .text("P3é✓"))
        #expect(t[9_998] == .text("P49é✓"))
        #expect(values(x, "i").last == .int(10_000))
    }

    @Test func numeric38Digits() throws {
        let s = try session()
        let sql = """
            select 1234567890123456789012345678.1234567890::numeric(38,10) as a, -0.0000000001::numeric(38,10) as b, \
            0::numeric(38,10) as c, null::numeric(38,10) as d, -9999999999999999999999999999.9999999999::numeric(38,10) as e
            """
        _ = try s.runDotCommand(".load pg query '\(sql)' as y")
        let y = s.query.catalog["y"]
        let row = ["a", "b", "c", "d", "e"].map { values(y, $0).first ?? .null }
        let expected: [Value] = [
            .decimal(FixedDecimal(parsing: "1234567890123456789012345678.1234567890")!), .decimal(FixedDecimal(parsing: "-0.0000000001")!),
            .decimal(FixedDecimal(units: 0, scale: 10)), .null, .decimal(FixedDecimal(parsing: "-9999999999999999999999999999.9999999999")!),
        ]
        #expect(row == expected)
        #expect(row.map(\.description) == expected.map(\.description))
    }

    /// Dates (bound as SQL_DATE_STRUCT with psqlODBC) keep their day, leap days and the extremes included.
    @Test func datesKeepTheirDay() throws {
        let s = try session()
        let sql = """
            select make_date(2024, 2, 29) as a, make_date(1, 1, 1) as b, make_date(9999, 12, 31) as c, null::date as d, \
            make_date(1999, 12, 31) as e from generate_series(1, 3000)
            """
        _ = try s.runDotCommand(".load pg query '\(sql)' as w")
        let w = s.query.catalog["w"]
        #expect(w?.columns.map(\.type) == [.date, .date, .date, .date, .date])
        let expected: [Value] = [
            .date(CivilCalendar.days(year: 2024, month: 2, day: 29)), .date(CivilCalendar.days(year: 1, month: 1, day: 1)),
            .date(CivilCalendar.days(year: 9999, month: 12, day: 31)), .null, .date(CivilCalendar.days(year: 1999, month: 12, day: 31)),
        ]
        for (name, value) in zip(["a", "b", "c", "d", "e"], expected) {
            let column = values(w, name)
            #expect(column.count == 3000 && column.allSatisfy { $0 == value }, "\(name)")
        }
    }

    /// A numeric NaN is not a number Realize can hold: an error naming the column, never a silent 0.
    @Test func numericNaNIsAnError() throws {
        let s = try session()
        #expect(throws: ShellError.self) {
            _ = try s.runDotCommand(".load pg query 'select cast(concat(chr(78), chr(97), chr(78)) as numeric) as nan' as z")
        }
        #expect(s.query.catalog["z"] == nil)
        // Failing past the first cursor fetch leaves the connection usable.
        let late = "select g::numeric as n from generate_series(1, 5000) g union all select cast(concat(chr(78), chr(97), chr(78)) as numeric)"
        #expect(throws: ShellError.self) { _ = try s.runDotCommand(".load pg query '\(late)' as z") }
        _ = try s.runDotCommand(".load pg query 'select 42 as answer' as y")
        #expect(values(s.query.catalog["y"], "answer") == [.int(42)])
    }

    /// A connection string that chooses psqlODBC's fetching itself is obeyed, and reads the same values.
    @Test func theUsersFetchSettingsAreKept() throws {
        let tuned = try session()
        _ = try tuned.runDotCommand(".load pg query '\(Self.manyRows)' as x")
        let plain = try session(";UseDeclareFetch=0")
        _ = try plain.runDotCommand(".load pg query '\(Self.manyRows)' as x")
        for name in ["i", "n", "t"] {
            #expect(values(tuned.query.catalog["x"], name) == values(plain.query.catalog["x"], name))
        }
    }
}
