import Foundation
import RealizeStore
import Synchronization
import Testing

@testable import RealizeODBC

/// The overlapped load (the driver fetches block k+1 while block k is decoded on a second thread)
/// behaves as a load without overlap: every row in order, a cancel stops it and leaves the
/// connection usable, and an error in a later block, from the server or from decoding, is the
/// load's error with its row. Runs against the cluster of scripts/pg-test-cluster; skips without it.
@Suite(.serialized, .enabled(if: PostgresTestCluster.isRunning, "\(PostgresTestCluster.notRunning)"))
struct PostgresOverlapTests {
    private func connect() throws -> ODBCConnection {
        try ODBCConnection(ConnectionString(PostgresTestCluster.connectionString))
    }

    @Test func everyRowInOrderAcrossManyBlocks() throws {
        let c = try connect()
        let sql = "select g, (g * 0.01)::numeric(14,2) as n, concat('P', g % 7) as t from generate_series(1, 20000) g order by g"
        let (table, _) = try c.load(sql: sql, blockRows: 100)
        #expect(table.rowCount == 20_000)
        let g = table.columns[0]
        let n = table.columns[1]
        let t = table.columns[2]
        #expect((0..<table.rowCount).allSatisfy { g.value(at: $0) == .int(Int64($0 + 1)) })
        #expect(n.value(at: 12_344) == .decimal(FixedDecimal(units: 12_345, scale: 2)))
        #expect((0..<table.rowCount).allSatisfy { t.value(at: $0) == .text("P\(($0 + 1) % 7)") })
    }

    @Test(.timeLimit(.minutes(1))) func cancelDuringOverlappedFetch() throws {
        let c = try connect()
        let polls = Atomic<Int>(0)
        let sql = "select g, g::numeric(14,2) as n, concat('P', g % 100) as t from generate_series(1, 3000000) g"
        do {
            _ = try c.load(sql: sql, blockRows: 256) { polls.add(1, ordering: .relaxed).newValue > 30 }
            Issue.record("the load was not cancelled")
        } catch {
            #expect(error.code == .cancelled)
        }
        let (again, _) = try c.load(sql: "select 1 as x")
        #expect(again.rowCount == 1)
    }

    /// The server fails in its second cursor fetch (row 6000), after blocks were already decoded.
    @Test func aServerErrorInALaterBlockIsTheLoadsError() throws {
        let c = try connect()
        let sql = "select g, (case when g = 6000 then 1 / (g - g) else g end)::numeric as n from generate_series(1, 10000) g"
        do {
            _ = try c.load(sql: sql, blockRows: 512)
            Issue.record("no error")
        } catch {
            #expect(error.code == .fetch)
            #expect(error.message.contains("division by zero"), "\(error)")
        }
        let (again, _) = try c.load(sql: "select 2 as x")
        #expect(again.rowCount == 1)
    }

    /// Row 4000 cannot be held exactly: the decoding thread's error names it, and it comes before the
    /// server's error at row 4100, in the next cursor fetch (the order a load without overlap meets them in).
    @Test func aDecodingErrorInALaterBlockNamesItsRow() throws {
        let c = try connect()
        let sql = """
            select g, (case when g = 4000 then 1e40 when g = 4100 then 1 / (g - g) else g end)::numeric as n \
            from generate_series(1, 10000) g
            """
        do {
            _ = try c.load(sql: sql, blockRows: 512)
            Issue.record("no error")
        } catch {
            #expect(error.code == .fetch)
            #expect(error.message.contains("row 4000"), "\(error)")
        }
    }
}
