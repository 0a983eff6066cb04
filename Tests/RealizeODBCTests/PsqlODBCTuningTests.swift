import Testing

@testable import RealizeODBC

/// psqlODBC's cursor settings are applied only to psqlODBC, and never over the user's own choice.
struct PsqlODBCTuningTests {
    @Test func recognisesPsqlODBCByItsFileName() {
        #expect(PsqlODBCTuning.isPsqlODBC(driverName: "psqlodbcw.so"))
        #expect(PsqlODBCTuning.isPsqlODBC(driverName: "psqlodbca.so"))
        #expect(PsqlODBCTuning.isPsqlODBC(driverName: "PSQLODBC35W.DLL"))
        #expect(!PsqlODBCTuning.isPsqlODBC(driverName: "libsqlite3odbc.so"))
        #expect(!PsqlODBCTuning.isPsqlODBC(driverName: "libmsodbcsql-18.so"))
    }

    @Test func aConnectionStringThatChoosesFetchingIsLeftAlone() {
        #expect(!PsqlODBCTuning.choosesFetching(ConnectionString("Driver={PostgreSQL Unicode};Server=h;Uid=pmo;Pwd=$PGPASSWORD")))
        #expect(PsqlODBCTuning.choosesFetching(ConnectionString("DSN=pmo;UseDeclareFetch=0")))
        #expect(PsqlODBCTuning.choosesFetching(ConnectionString("DSN=pmo; usedeclarefetch =1;Fetch=100")))
        #expect(PsqlODBCTuning.choosesFetching(ConnectionString("DSN=pmo;Fetch=100")))
        #expect(PsqlODBCTuning.choosesFetching(ConnectionString("DSN=pmo;B6=1")))
    }
}
