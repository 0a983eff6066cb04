import Foundation
import RealizeSamples
import RealizeStore
import Testing
@testable import RealizeReport

/// The sample portfolio written by realize's own workbook writer and read back by the reader gives equal tables.
@Suite struct XLSXReadBackTests {
    @Test func samplePortfolioRoundTripsThroughAWorkbook() throws {
        let tables = SamplePortfolio.tables()
        let path = NSTemporaryDirectory() + "realize-readback-\(UUID().uuidString).xlsx"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try XLSXWriter.write(tables.map { XLSXWriter.Sheet(name: $0.name, table: $0.table) }, to: path)
        let read = try XLSXReader.read(path: path)
        #expect(read.map(\.tableName) == tables.map(\.name))
        for ((name, original), back) in zip(tables, read) {
            #expect(back.table.columnNames == original.columnNames, "\(name)")
            #expect(back.table.rowCount == original.rowCount, "\(name)")
            for column in original.columns {
                let other = back.table.column(named: column.name)!
                #expect(other.type == column.type, "\(name).\(column.name)")
                let same = (0..<column.count).allSatisfy { column.value(at: $0) == other.value(at: $0) }
                #expect(same, "\(name).\(column.name)")
            }
        }
    }
}
