import PropertyBased
import RealizeStore
import Testing

/// Property: any bytes either read into a well-formed table or fail with a positioned error.
@Suite struct CSVReaderFuzzTests {
    /// Bytes that matter to the tokenizer and the type parsers, plus broken UTF-8.
    static let alphabet: [[UInt8]] = [
        [0x61], [0x2C], [0x22], [0x0D], [0x0A], [0x0D, 0x0A], [0x31], [0x2E], [0x2D], [0x65], [0x20],
        Array("é".utf8), [0xFF], [0xC3], [0xEF, 0xBB, 0xBF], Array("2024-01".utf8), Array("true".utf8),
    ]
    static let bytes = Gen.element(of: alphabet).map { $0! }.array(of: 0...40).map { $0.flatMap { $0 } }

    @Test func anyBytesReadOrFailWithAPosition() async {
        await propertyCheck(count: 2000, input: Self.bytes) { bytes in
            do throws(CSVError) {
                let table = try CSVReader.read(bytes: bytes, sourceName: "fuzz.csv")
                #expect(table.invariantViolation() == nil)
                #expect(table.columns.count >= 1)
            } catch {
                #expect(error.line >= 1 && error.column >= 1, "\(error)")
                #expect(error.description.hasPrefix("fuzz.csv:"))
            }
        }
    }
}
