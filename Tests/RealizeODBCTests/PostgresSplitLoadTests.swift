import Foundation
import RealizeStore
import Synchronization
import Testing

@testable import RealizeODBC

/// A table read in two parts over two connections (PostgreSQL 14+) is the table read in one: the
/// same rows in the same order, the same columns down to their dictionaries, the same errors with the
/// same rows, and a cancel stops both parts. The tables live in a database of their own
/// (`pmo_split`), so that the shell's tests, which read every table of `pmo`, never meet them.
@Suite(.serialized, .enabled(if: PostgresTestCluster.isRunning, "\(PostgresTestCluster.notRunning)"))
struct PostgresSplitLoadTests {
    private static let rows = """
        select g, case when g % 13 = 0 then null when g % 17 = 0 then '' else concat('P', (g * 7919) % 1000, 'é') end as t,
          (g * 0.01)::numeric(14,2) as n, case when g % 5 = 0 then null when g > 20000 then (g * 0.001)::numeric else g::numeric end as u,
          date '2020-01-01' + (g % 3000) as d, g % 3 = 0 as b, g * 0.5::float8 as f
        from generate_series(1, 30000) g
        """

    /// A connection to `pmo_split`, with `table` made from `select` (dropped and made again).
    private func connect(making table: String, as select: String = rows) throws -> ODBCConnection {
        let admin = try ODBCConnection(ConnectionString(PostgresTestCluster.connectionString))
        _ = admin.execute("create database pmo_split")
        let string = PostgresTestCluster.connectionString.replacingOccurrences(of: "Database=pmo;", with: "Database=pmo_split;")
        let c = try ODBCConnection(ConnectionString(string))
        #expect(c.execute("drop table if exists \(table) cascade; create table \(table) as \(select)"))
        return c
    }

    private let name = ODBCConnection.TableName(schema: "public", name: "split_rows")

    @Test func twoPartsAreTheTableReadInOne() throws {
        let c = try connect(making: "split_rows")
        let (one, _) = try c.load(sql: "select * from \(name.quoted)", blockRows: 500)
        let (two, warnings) = try c.load(table: name, blockRows: 500, splitMinimumPages: 0)
        #expect(c.partner != nil, "the table was read in one part")
        #expect(warnings.isEmpty)
        #expect(two.rowCount == 30_000)
        #expect(sameTables(one, two))
        #expect((0..<two.rowCount).allSatisfy { two.columns[0].value(at: $0) == .int(Int64($0 + 1)) })
        // Again on the same two connections: both transactions ended.
        let (again, _) = try c.load(table: name, splitMinimumPages: 0)
        #expect(sameTables(one, again))
    }

    /// Without a second connection, this one reads both parts, one after the other, on its snapshot.
    @Test func withoutASecondConnectionOneReadsBothParts() throws {
        let c = try connect(making: "split_rows")
        c.partnerFailed = true
        let (one, _) = try c.load(sql: "select * from \(name.quoted)")
        let (two, _) = try c.load(table: name, blockRows: 700, splitMinimumPages: 0)
        #expect(c.partner == nil)
        #expect(sameTables(one, two))
    }

    @Test func smallTablesViewsAndQueriesUseOneConnection() throws {
        let c = try connect(making: "split_rows")
        #expect(c.execute("create view split_view as select * from split_rows"))
        let (small, _) = try c.load(table: name, splitMinimumPages: 100_000)
        let (view, _) = try c.load(table: .init(schema: "public", name: "split_view"), splitMinimumPages: 0)
        #expect(c.partner == nil)
        #expect(sameTables(small, view))
        do {
            _ = try c.load(table: .init(schema: "public", name: "no_such_table"), splitMinimumPages: 0)
            Issue.record("no error")
        } catch {
            #expect(error.code == .query)
            #expect(error.message.contains("no_such_table"), "\(error)")
        }
    }

    /// A value Realize cannot hold in either part is the load's error, naming the table's row as a
    /// one-part read does; the connections stay usable.
    @Test(arguments: [120, 24_000])
    func aValueErrorNamesTheTablesRow(row: Int) throws {
        let c = try connect(
            making: "split_bad", as: "select g, (case when g = \(row) then 1e40 else g end)::numeric as n from generate_series(1, 30000) g")
        let bad = ODBCConnection.TableName(schema: "public", name: "split_bad")
        var messages: [String] = []
        for split in [false, true] {
            do {
                _ = try split ? c.load(table: bad, splitMinimumPages: 0) : c.load(sql: "select * from \(bad.quoted)")
                Issue.record("no error")
            } catch {
                #expect(error.code == .fetch)
                #expect(error.row == row)
                messages.append(error.message)
            }
        }
        #expect(messages.count == 2 && messages[0] == messages[1] && messages[0].contains("(row \(row))"), "\(messages)")
        let partner = try #require(c.partner)
        #expect(try c.load(sql: "select 1 as x").table.rowCount == 1)
        #expect(try partner.load(sql: "select 1 as x").table.rowCount == 1)
    }

    @Test(.timeLimit(.minutes(1))) func aCancelStopsBothParts() throws {
        let c = try connect(making: "split_rows")
        let polls = Atomic<Int>(0)
        do {
            _ = try c.load(table: name, blockRows: 100, splitMinimumPages: 0) { polls.add(1, ordering: .relaxed).newValue > 40 }
            Issue.record("the load was not cancelled")
        } catch {
            #expect(error.code == .cancelled)
        }
        #expect(c.partner != nil)
        let (again, _) = try c.load(table: name, splitMinimumPages: 0)
        #expect(again.rowCount == 30_000)
    }
}
