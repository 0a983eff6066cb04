import Foundation
import RealizeTestSupport
import Testing

/// The same load test through a second driver, SQLite's (no server): nothing is PostgreSQL-specific.
@Suite(.enabled(if: ODBCTestDatabase.hasSQLite, "\(ODBCTestDatabase.noSQLite)"))
struct SQLiteODBCTests {
    /// A SQLite file holding the sample portfolio, financial periods as dates (the first of the month).
    func samplePortfolioDatabase() throws -> URL {
        let folder = try RealizeBinary.temporaryFolder()
        let db = folder.appendingPathComponent("pmo.db")
        let sample = ODBCTestDatabase.sampleFolder.path
        try ODBCTestDatabase.sqlite(
            db,
            """
            .import --csv '\(sample)/projects.csv' projects_raw
            .import --csv '\(sample)/financials.csv' financials_raw
            create table projects (project_id varchar(10), project varchar(100), program varchar(100), portfolio varchar(100),
              sponsor varchar(100), status varchar(20), start_date date, end_date date, budget numeric(14,2));
            insert into projects select * from projects_raw;
            create table financials (project_id varchar(10), period date, planned_value numeric(14,2), earned_value numeric(14,2),
              actual_cost numeric(14,2));
            insert into financials select project_id, period || '-01', planned_value, earned_value, actual_cost from financials_raw;
            drop table projects_raw;
            drop table financials_raw;
            create table types (i integer, n numeric(10,2), d double, dt date, ok boolean, s varchar(20));
            insert into types values (1, '12.34', 0.5, '2024-02-29', 1, 'Seán'), (null, null, null, null, null, null);

            """)
        return db
    }

    /// `evm by program` over SQLite equals the CSV sample, through `.load` and through `--data odbc:`.
    @Test func evmMatchesTheCSVSample() throws {
        let db = try samplePortfolioDatabase()
        let connection = "Driver=SQLite3;Database=\(db.path)"
        let fromCSV = try RealizeBinary.run(["--data", ODBCTestDatabase.sampleFolder.path, "--format", "csv", "-c", "evm by program"])
        let loads = try RealizeBinary.run([
            "--format", "csv", "-c", ".connect lite '\(connection)'", "-c", ".load lite.projects",
            "-c", ".load lite query 'select * from financials' as financials", "-c", "evm by program",
        ])
        #expect(loads.status == 0, "\(loads.stderr)")
        #expect(loads.stdout == fromCSV.stdout)
        let data = try RealizeBinary.run(["--data", "odbc:" + connection, "--format", "csv", "-c", ".schema financials", "-c", "evm by program"])
        #expect(data.status == 0, "\(data.stderr)")
        #expect(data.stdout.contains("period,date,0"), "\(data.stdout)")
        #expect(data.stdout.hasSuffix(fromCSV.stdout))
    }

    /// Each type SQLite's driver reports maps as in PostgreSQL, nulls included.
    @Test func typesRoundTrip() throws {
        let db = try samplePortfolioDatabase()
        let r = try RealizeBinary.run([
            "--format", "csv", "-c", ".connect lite 'Driver=SQLite3;Database=\(db.path)'", "-c", ".load lite.types", "-c", ".schema types",
            "-c", "types",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let expected = """
            column,type,nulls
            i,int,1
            n,decimal,1
            d,double,1
            dt,date,1
            ok,bool,1
            s,text,1
            i,n,d,dt,ok,s
            1,12.34,0.5,2024-02-29,true,Seán
            ,,,,,

            """
        #expect(r.stdout == expected)
    }

    /// A notebook reads from the database with `--param` in its query; its report masks the password.
    @Test func notebookQueriesWithParameters() throws {
        let db = try samplePortfolioDatabase()
        let folder = db.deletingLastPathComponent()
        let notebook = folder.appendingPathComponent("active.md")
        let secret = "Lite-S3cret-99"
        try """
        ---
        title: Projects by status
        params:
          status: Completed
        ---

        ```realize
        .connect lite 'Driver=SQLite3;Database=\(db.path);Pwd=\(secret)'
        .load lite query "select project_id, budget from projects where status = '{{status}}' order by project_id" as chosen
        chosen
        ```

        """.write(to: notebook, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("report.md")
        let r = try RealizeBinary.run(["run", notebook.path, "--param", "status=Active", "--out", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        let report = try String(contentsOf: out, encoding: .utf8)
        #expect(report.contains("P001"), "\(report)")
        #expect(!report.contains("P002"), "the parameter did not reach the query: \(report)")
        #expect(report.contains("Pwd=***"))
        #expect(!(report + r.stdout + r.stderr).contains(secret))
        let data = try RealizeBinary.run(["run", notebook.path, "--data", "odbc:Driver=SQLite3;Database=\(db.path)", "--out", out.path])
        #expect(data.status == 0, "\(data.stderr)")
    }

    /// `.connect` alone lists the connections, passwords masked.
    @Test func connectionListingMasksThePassword() throws {
        let db = try samplePortfolioDatabase()
        let r = try RealizeBinary.run(["-c", ".connect lite 'Driver=SQLite3;Database=\(db.path);Pwd=Lite-S3cret-99'", "-c", ".connect"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "lite: Driver=SQLite3;Database=\(db.path);Pwd=***\n")
    }
}
