import Foundation
import RealizeStore
import RealizeTestSupport
import Testing

/// A large file's columns are decoded on both cores (`ColumnWork`): the table, and the first error, are
/// those of a serial read.
@Suite struct ParallelColumnsTests {
    /// 40,000 rows of eight columns of every kind, with nulls, seeded.
    static func csv(seed: UInt64, badAt: (row: Int, column: Int)? = nil) -> [UInt8] {
        var g = SeededGenerator(seed: seed)
        var text = "id,name,amount,units,ratio,day,month,flag\n"
        for r in 0..<40_000 {
            var fields = [
                "P\(r % 997)", ["Zürich", "Kraków", "Genève", "Oslo", ""][Int.random(in: 0..<5, using: &g)],
                "\(Int.random(in: -9_999_999...9_999_999, using: &g)).\(Int.random(in: 10...99, using: &g))",
                "\(Int.random(in: 0...1_000_000, using: &g))", Bool.random(using: &g) ? "" : "\(Double(Int.random(in: 0...1000, using: &g)) / 8)",
                "2025-\(String(format: "%02d", Int.random(in: 1...12, using: &g)))-\(String(format: "%02d", Int.random(in: 1...28, using: &g)))",
                "2024-\(String(format: "%02d", Int.random(in: 1...12, using: &g)))", Bool.random(using: &g) ? "true" : "false",
            ]
            if let bad = badAt, bad.row == r { fields[bad.column] = "x" + fields[bad.column] }
            text += fields.joined(separator: ",") + "\n"
        }
        return Array(text.utf8)
    }

    static func read(_ bytes: [UInt8], parallel: Bool, overrides: [String: DataType] = [:]) -> Result<Table, CSVError> {
        var options = CSVReadOptions(typeOverrides: overrides)
        options.parallelColumns = parallel
        do throws(CSVError) { return .success(try CSVReader.read(bytes: bytes, sourceName: "big.csv", options: options)) } catch {
            return .failure(error)
        }
    }

    @Test(arguments: [1, 2, 3] as [UInt64]) func sameTableAsASerialRead(seed: UInt64) throws {
        let bytes = Self.csv(seed: seed)
        let parallel = try Self.read(bytes, parallel: true).get()
        let serial = try Self.read(bytes, parallel: false).get()
        #expect(parallel.columns.map(\.type) == [.text, .text, .decimal, .int, .decimal, .date, .period, .bool])
        #expect(TableDiff.firstDifference(parallel, serial) == nil)
        parallel.checkInvariants()
    }

    @Test func sameFirstErrorAsASerialRead() throws {
        // A bad value in a column whose type is forced, and a later column that is also bad: the first
        // column's error is the one reported.
        let bytes = Self.csv(seed: 9, badAt: (row: 30_000, column: 3))
        let overrides: [String: DataType] = ["units": .int, "day": .date]
        guard case .failure(let parallel) = Self.read(bytes, parallel: true, overrides: overrides),
            case .failure(let serial) = Self.read(bytes, parallel: false, overrides: overrides)
        else {
            Issue.record("the bad value read")
            return
        }
        #expect(parallel.description == serial.description)
        #expect(parallel.line == 30_002 && parallel.column == 4, "\(parallel)")
    }
}
