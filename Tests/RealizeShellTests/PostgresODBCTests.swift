import Foundation
import RealizeSamples
import RealizeStore
import RealizeTestSupport
import Testing

@testable import RealizeShell

/// Reading from a real PostgreSQL through ODBC, end to end through the binary. The cluster is the one
/// scripts/pg-test-cluster starts; without it these tests skip, saying why.
@Suite(.serialized, .enabled(if: ODBCTestDatabase.hasPostgres, "\(ODBCTestDatabase.noPostgres)"))
struct PostgresODBCTests {
    var connection: String { (ODBCTestDatabase.postgres ?? "") + ";Pwd=$PGPASSWORD" }
    var password: String { ODBCTestDatabase.password ?? "" }
    var environment: [String: String] { ["PGPASSWORD": password] }

    /// `evm by program` over the tables read from PostgreSQL equals the same over the CSV sample, to the cent.
    @Test func evmMatchesTheCSVSample() throws {
        let fromCSV = try RealizeBinary.run(["--data", ODBCTestDatabase.sampleFolder.path, "--format", "csv", "-c", "evm by program"])
        #expect(fromCSV.status == 0, "\(fromCSV.stderr)")
        let fromData = try RealizeBinary.run(
            ["--data", "odbc:" + connection, "--format", "csv", "-c", "evm by program"], environment: environment)
        #expect(fromData.status == 0, "\(fromData.stderr)")
        #expect(fromData.stdout == fromCSV.stdout)
        let fromLoads = try RealizeBinary.run(
            [
                "--format", "csv", "-c", ".connect pg '\(connection)'", "-c", ".load pg.public.financials",
                "-c", ".load pg query 'select * from projects order by project_id' as projects", "-c", "evm by program",
            ], environment: environment)
        #expect(fromLoads.status == 0, "\(fromLoads.stderr)")
        #expect(fromLoads.stdout == fromCSV.stdout)
        for run in [fromData, fromLoads] { #expect(!(run.stdout + run.stderr).contains(password)) }
    }

    /// Every mapped type round-trips exactly, nulls included; a timestamp and an unknown type are named in warnings.
    @Test func everyTypeRoundTrips() throws {
        let r = try RealizeBinary.run(
            ["--format", "csv", "-c", ".connect pg '\(connection)'", "-c", ".load pg.finance.types", "-c", ".schema types", "-c", "types"],
            environment: environment)
        #expect(r.status == 0, "\(r.stderr)")
        let expected = #"""
            column,type,nulls
            i,int,1
            b,int,1
            n,decimal,1
            m,decimal,1
            r,double,1
            d,double,1
            dt,date,1
            ts,date,1
            ok,bool,1
            c,text,1
            v,text,1
            t,text,1
            u,text,2
            i,b,n,m,r,d,dt,ts,ok,c,v,t,u
            1,9007199254740993,12345678901234567890123456789012.3456,1234.56,1.5,0.1,2024-02-29,2024-03-01,true,abc,Seán,"Chen, ""Wei""",A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11
            ,,,,,,,,,,,,
            -7,-1,-0.0001,-0.01,-2.25,1e+300,1999-12-31,1999-12-31,false,"x  ","",ünïcödé ✓,

            """#
        #expect(r.stdout == expected)
        #expect(r.stderr.contains("column `ts` is a timestamp: loaded as its date, the time of day is dropped"))
        #expect(r.stderr.contains("column `u` has a database type Realize does not hold"))
    }

    /// A bad password, a wrong port, an unknown table and an SQL error each say what happened, with the
    /// SQLSTATE, and never the password.
    @Test func errorsGiveTheirMessage() throws {
        let bad = try RealizeBinary.run(["-c", ".connect pg '\(ODBCTestDatabase.postgres ?? "");Pwd=not-the-Password-42'"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("SQLSTATE 08001") && bad.stderr.contains("password authentication failed"), "\(bad.stderr)")
        #expect(bad.stderr.contains("Pwd=***"))
        #expect(!(bad.stdout + bad.stderr).contains("not-the-Password-42"))

        let wrongPort = (ODBCTestDatabase.postgres ?? "").replacingOccurrences(of: "Port=\(ODBCTestDatabase.port)", with: "Port=1")
        let refused = try RealizeBinary.run(["-c", ".connect pg '\(wrongPort);Pwd=$PGPASSWORD'"], environment: environment)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("SQLSTATE 08001") && refused.stderr.contains("Connection refused"), "\(refused.stderr)")

        let unknown = try RealizeBinary.run(
            ["-c", ".connect pg '\(connection)'", "-c", ".load pg.public.nosuch as financials"], environment: environment)
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("SQLSTATE 42P01") && unknown.stderr.contains("\"public.nosuch\" does not exist"), "\(unknown.stderr)")

        let syntax = try RealizeBinary.run(
            ["-c", ".connect pg '\(connection)'", "-c", ".load pg query 'selec 1' as x"], environment: environment)
        #expect(syntax.stderr.contains("SQLSTATE 42601") && syntax.stderr.contains("syntax error"), "\(syntax.stderr)")
        for run in [refused, unknown, syntax] { #expect(!(run.stdout + run.stderr).contains(password)) }
    }

    /// A failed load leaves the session as it was: the table of that name keeps its rows.
    @Test func failedLoadChangesNothing() throws {
        var catalog = Catalog()
        for (name, table) in SamplePortfolio.tables() { catalog.set(name, table) }
        let session = ShellSession(catalog: catalog, output: ShellOutput(out: { _ in }, err: { _ in }))
        let literal = (ODBCTestDatabase.postgres ?? "") + ";Pwd=" + password
        _ = try session.runDotCommand(".connect pg '\(literal)'")
        #expect(throws: ShellError.self) { _ = try session.runDotCommand(".load pg.public.nosuch as financials") }
        #expect(throws: ShellError.self) { _ = try session.runDotCommand(".load pg query 'select 1/0 as x' as financials") }
        // Errors in a later block, after earlier blocks were fetched and decoded (on the second thread):
        // from the server (row 6000, in its second cursor fetch), and from decoding (row 3000).
        let later = "select g as x, (case when g = 6000 then 1 / (g - g) else g end)::numeric as n from generate_series(1, 10000) g"
        #expect(throws: ShellError.self) { _ = try session.runDotCommand(".load pg query '\(later)' as financials") }
        let wide = "select g as x, (case when g = 3000 then 1e40 else g end)::numeric as n from generate_series(1, 10000) g"
        #expect(throws: ShellError.self) { _ = try session.runDotCommand(".load pg query '\(wide)' as financials") }
        #expect(session.query.catalog["financials"]?.rowCount == catalog["financials"]?.rowCount)
        #expect(session.query.catalog["x"] == nil)
        _ = try session.runDotCommand(".load pg query 'select 1 as x' as x")
        #expect(session.query.catalog["x"]?.rowCount == 1)
    }
}
