import Foundation
import RealizeStore
import RealizeTestSupport
import Testing

/// Tables written as Arrow IPC files and read back are equal, for every type, nulls and edge cases.
struct ArrowRoundTripTests {
    /// A table with a column of every type, nulls in each, unicode text and 38-digit decimals.
    static func everyType(rows: Int = 5) -> Table {
        let big = Int128("99999999999999999999999999999999999999")!
        let texts: [Value] = [.text("Zürich — 東京"), .null, .text(""), .text("a"), .text("Zürich — 東京")]
        func cycle(_ values: [Value]) -> [Value] { (0..<rows).map { values[$0 % values.count] } }
        return Table(columns: [
            Column(name: "i", type: .int, values: cycle([.int(Int64.min), .int(0), .null, .int(Int64.max), .int(-7)])),
            Column(name: "d", type: .double, values: cycle([.double(1.5), .null, .double(-0.0), .double(1e300), .double(.infinity)])),
            Column(
                name: "m", type: .decimal, values: cycle([.decimal(FixedDecimal(units: big, scale: 2)), .decimal(FixedDecimal(units: -big, scale: 2)), .null])),
            Column(name: "t", type: .text, values: cycle(texts)),
            Column(name: "day", type: .date, values: cycle([.date(0), .date(-719_162), .null, .date(20_000)])),
            Column(name: "p", type: .period, values: cycle([.period(2025 * 12 + 11), .null, .period(0)])),
            Column(name: "b", type: .bool, values: cycle([.bool(true), .bool(false), .null])),
        ])
    }

    static func roundTrip(_ table: Table) throws -> Table {
        let folder = try RealizeBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("t.arrow").path
        try ArrowFileWriter.write(table, to: path)
        let read = try ArrowFile.open(path).table()
        read.checkInvariants()
        return read
    }

    @Test(arguments: [0, 1, 5, 64, 65, 1000])
    func everyTypeRoundTrips(rows: Int) throws {
        let table = Self.everyType(rows: rows)
        let back = try Self.roundTrip(table)
        #expect(TableDiff.firstDifference(back, table) == nil)
        #expect(back.columns.map(\.type) == table.columns.map(\.type))
    }

    /// From 100,000 rows the columns are copied in parallel.
    @Test func aLargeTableRoundTripsThroughTheParallelCopy() throws {
        let table = Self.everyType(rows: 100_003)
        #expect(TableDiff.firstDifference(try Self.roundTrip(table), table) == nil)
    }

    @Test func emptyTableAndNoNullsRoundTrip() throws {
        #expect(try Self.roundTrip(Table.empty).columns.isEmpty)
        let plain = Table(columns: [Column(name: "x", type: .int, values: [.int(1), .int(2)])])
        let back = try Self.roundTrip(plain)
        #expect(back.columns[0].validity == nil)
        #expect(TableDiff.firstDifference(back, plain) == nil)
    }

    @Test func decimalScaleAndDisplayHintSurvive() throws {
        let column = Column(name: "cost", type: .decimal, values: [.decimal(FixedDecimal(units: 12345, scale: 4))]).displayed(.decimals(2))
        let back = try Self.roundTrip(Table(columns: [column]))
        guard case .decimal(let units, let scale) = back.columns[0].storage else { Issue.record("not a decimal"); return }
        #expect(Array(units) == [12345] && scale == 4)
        #expect(back.columns[0].display == .decimals(2))
    }

    /// Decimal128 on disk either way; read back, a column whose units fit 64 bits is narrow again, and one
    /// with a wider value stays wide.
    @Test func narrowAndWideDecimalsSurvive() throws {
        let top = Int128(Int64.max)
        var valid = Bitmap(count: 4, value: true)
        valid[2] = false
        let narrow = Column(name: "n", storage: .decimal([top, -top, 0, 5], scale: 2), validity: valid)
        let wide = Column(name: "w", storage: .decimal([top + 1, -top - 2, 0, 5], scale: 2))
        let table = Table(columns: [narrow, wide])
        let back = try Self.roundTrip(table)
        #expect(TableDiff.firstDifference(back, table) == nil)
        guard case .decimal(let n, 2) = back.columns[0].storage, case .decimal(let w, 2) = back.columns[1].storage else {
            Issue.record("not decimals at scale 2")
            return
        }
        #expect(n.narrow != nil && w.narrow == nil)
        #expect(Array(w) == [top + 1, -top - 2, 0, 5])
    }

    @Test func textKeepsItsDictionary() throws {
        let table = Table(columns: [Column(name: "t", storage: .text(codes: [1, 0, 1, 1], dictionary: ["x", "y"]))])
        let back = try Self.roundTrip(table)
        guard case .text(let codes, let dictionary) = back.columns[0].storage else { Issue.record("not text"); return }
        #expect(codes == [1, 0, 1, 1] && dictionary == ["x", "y"])
    }
}
