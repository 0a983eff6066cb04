import Foundation
import RealizeTestSupport
import Testing

@testable import RealizeStore

/// The streamed Arrow writer produces, in a file and in memory, exactly the bytes of the writer that
/// built the whole file in one array; and a failed or cancelled streamed write leaves the old file.
@Suite struct ArrowStreamingWriterTests {
    /// Writes `table` through the streaming path and returns the file's bytes.
    static func streamed(_ table: Table) throws -> [UInt8] {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try ArrowFileWriter.write(table, to: folder.file("t.arrow"))
        return Array(try Data(contentsOf: URL(fileURLWithPath: folder.file("t.arrow"))))
    }

    static func expectSameBytes(_ table: Table, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let legacy = try LegacyArrowEncoder.encode(table)
        #expect(try ArrowFileWriter.encode(table) == legacy, sourceLocation: sourceLocation)
        let file = try streamed(table)
        #expect(file.count == legacy.count, sourceLocation: sourceLocation)
        #expect(file == legacy, sourceLocation: sourceLocation)
    }

    /// Crosses the 65,536-value chunks of the decimal widening, the bit packing and the dictionary offsets.
    @Test(arguments: [0, 1, 5, 64, 65, 1000, 65_536, 70_001])
    func everyTypeStreamsTheSameBytes(rows: Int) throws {
        try Self.expectSameBytes(ArrowRoundTripTests.everyType(rows: rows))
    }

    @Test func emptyTablesStreamTheSameBytes() throws {
        try Self.expectSameBytes(Table.empty)
        try Self.expectSameBytes(Table(columns: [Column(name: "x", type: .int, values: []), Column(name: "t", type: .text, values: [])]))
    }

    /// 64-bit units (with and without nulls) are widened to Decimal128; 128-bit units holding small values are written as they are.
    @Test func narrowAndWideDecimalsStreamTheSameBytes() throws {
        let n = 100_003
        let units = (0..<n).map { Int64($0) * 1_000_003 - 50_000_000_000 }
        let narrow = Column(name: "n", storage: .decimal(DecimalUnits(narrow: units), scale: 2))
        let withNulls = Column(name: "z", type: .decimal, values: (0..<n).map { $0 % 7 == 0 ? .null : .decimal(FixedDecimal(units: Int128(-$0), scale: 4)) })
        let wide = Column(name: "w", storage: .decimal(DecimalUnits(wide: units.map { Int128($0) }), scale: 2)).displayed(.decimals(2))
        let table = Table(columns: [narrow, withNulls, wide])
        guard case .decimal(let z, _) = table.columns[1].storage else { Issue.record("not a decimal"); return }
        #expect(z.narrow != nil)
        try Self.expectSameBytes(table)
        #expect(TableDiff.firstDifference(try ArrowRoundTripTests.roundTrip(table), table) == nil)
    }

    /// Bools without nulls over several chunks, and a dictionary of more distinct values than a chunk.
    @Test func boolsAndLargeDictionariesStreamTheSameBytes() throws {
        let n = 200_005
        let bools = Column(name: "b", type: .bool, values: (0..<n).map { .bool($0 % 3 == 0 || $0 % 5 == 1) })
        let texts = Column(name: "t", type: .text, values: (0..<n).map { .text("id-\($0 % 90_001)-é") })
        try Self.expectSameBytes(Table(columns: [bools, texts]))
    }

    @Test func aFullDiskDuringAStreamedWriteLeavesTheOldFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("t.arrow", "precious\n")
        var calls = 0
        let fullAfterAMegabyte: (Int32, UnsafeRawPointer, Int) -> Int = { fd, bytes, count in
            calls += 1
            if calls > 1 {
                errno = ENOSPC
                return -1
            }
            return write(fd, bytes, count)
        }
        let plan = try ArrowFilePlan(ArrowRoundTripTests.everyType(rows: 300_000))
        let error = #expect(throws: AtomicFileError.self) {
            try AtomicFile.write(to: folder.file("t.arrow"), shouldStop: { false }, writer: fullAfterAMegabyte) { plan.write(to: &$0) }
        }
        #expect(error?.code == .noSpace)
        #expect(error?.description == "no space left to write `\(folder.file("t.arrow"))`")
        #expect(calls == 2)  // nothing more is written after the failure
        #expect(folder.read("t.arrow") == "precious\n")
        #expect(folder.contents() == ["t.arrow"])
    }

    @Test func aCancelledStreamedWriteLeavesTheOldFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("t.arrow", "precious\n")
        var polls = 0
        let error = #expect(throws: ArrowError.self) {
            try ArrowFileWriter.write(ArrowRoundTripTests.everyType(rows: 300_000), to: folder.file("t.arrow")) {
                polls += 1
                return polls > 2
            }
        }
        #expect(error?.description.contains("was cancelled") == true)
        #expect(folder.read("t.arrow") == "precious\n")
        #expect(folder.contents() == ["t.arrow"])
    }

    @Test func aDeviceIsRefusedAsBefore() throws {
        let error = #expect(throws: ArrowError.self) { try ArrowFileWriter.write(ArrowRoundTripTests.everyType(rows: 3), to: "/dev/full") }
        #expect(error?.description.contains("/dev/full") == true)
    }
}
