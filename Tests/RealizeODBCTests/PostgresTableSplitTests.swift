import Testing

@testable import RealizeODBC

/// When and how a PostgreSQL table is read in two parts (no database needed).
struct PostgresTableSplitTests {
    @Test func onlyPostgreSQL14AndLater() {
        #expect(PostgresTableSplit.supports(dbmsName: "PostgreSQL", version: "15.0.18"))
        #expect(PostgresTableSplit.supports(dbmsName: "PostgreSQL", version: "14.00.0005"))
        #expect(!PostgresTableSplit.supports(dbmsName: "PostgreSQL", version: "13.4"))
        #expect(!PostgresTableSplit.supports(dbmsName: "PostgreSQL", version: ""))
        #expect(!PostgresTableSplit.supports(dbmsName: "SQLite", version: "3.45.1"))
    }

    @Test func onlyOrdinaryTablesOfSomeSize() {
        #expect(PostgresTableSplit.middlePage(kind: "r", pages: "10788", minimum: 256) == 5394)
        #expect(PostgresTableSplit.middlePage(kind: "r", pages: "100", minimum: 256) == nil)
        #expect(PostgresTableSplit.middlePage(kind: "r", pages: "1", minimum: 0) == nil)
        #expect(PostgresTableSplit.middlePage(kind: "r", pages: "3", minimum: 0) == 1)
        for kind in ["v", "m", "f", "p", nil] as [String?] {
            #expect(PostgresTableSplit.middlePage(kind: kind, pages: "10000", minimum: 0) == nil)
        }
        #expect(PostgresTableSplit.middlePage(kind: "r", pages: nil, minimum: 0) == nil)
    }

    @Test func theStatements() {
        let name = ODBCConnection.TableName(schema: "fin'ance", name: "a\"b")
        #expect(PostgresTableSplit.sizeQuery(name).hasSuffix("to_regclass('\"fin''ance\".\"a\"\"b\"')"))
        let (first, second) = PostgresTableSplit.parts(of: "select * from \"t\"", middle: 42)
        #expect(first == "select * from \"t\" where ctid < '(42,0)'::tid")
        #expect(second == "select * from \"t\" where ctid >= '(42,0)'::tid")
        #expect(PostgresTableSplit.isSnapshotID("00000003-0000002A-1"))
        #expect(!PostgresTableSplit.isSnapshotID("1'; drop table t; --"))
        #expect(!PostgresTableSplit.isSnapshotID(""))
    }
}
