import RealizeStore
import Synchronization
import Testing

/// Issue #10, cancellation everywhere: `CSVReadOptions.shouldStop` stops a read inside its loops
/// (the tokenizer every 4096 rows, each column's decoding every 64K rows) with a `cancelled` error.
@Suite struct CSVCancellationTests {
    /// A file of `rows` data rows: an id, a text and a decimal.
    static func bytes(rows: Int) -> [UInt8] {
        var text = "id,name,amount\n"
        for r in 0..<rows { text += "\(r),n\(r % 97),\(r).25\n" }
        return Array(text.utf8)
    }

    @Test func aReadStopsWhenAskedAndSaysSo() {
        let input = Self.bytes(rows: 100_000)
        #expect(throws: CSVError(file: "big.csv", line: 0, column: 0, message: "load cancelled", code: .cancelled)) {
            try CSVReader.read(bytes: input, sourceName: "big.csv", options: CSVReadOptions(shouldStop: { true }))
        }
    }

    /// Stopping only after the tokenizer's last question leaves the column decoding to notice.
    @Test func theColumnDecodingStopsToo() {
        let input = Self.bytes(rows: 200_000)
        let asked = Atomic<Int>(0)
        let tokenizerQuestions = 200_000 / 4096
        let options = CSVReadOptions(shouldStop: { asked.add(1, ordering: .relaxed).newValue > tokenizerQuestions })
        #expect(throws: CSVError.self) { try CSVReader.read(bytes: input, sourceName: "big.csv", options: options) }
        #expect(asked.load(ordering: .relaxed) > tokenizerQuestions)
    }

    @Test func aReadThatIsNotStoppedIsWhole() throws {
        let t = try CSVReader.read(bytes: Self.bytes(rows: 70_000), sourceName: "big.csv", options: CSVReadOptions(shouldStop: { false }))
        #expect(t.rowCount == 70_000)
    }
}
