import Foundation
import RealizeStore
import Testing

/// Damaged Arrow files give an ``ArrowError`` naming the file and what was wrong, never a trap.
struct ArrowCorruptionTests {
    static func read(_ bytes: [UInt8]) throws(ArrowError) -> Table {
        let file = bytes.withUnsafeBytes { MappedFile(copying: $0, path: "t.arrow") }
        return try ArrowFile.read(file).table()
    }

    static let valid: [UInt8] = {
        let table = Table(columns: [
            Column(name: "a", type: .int, values: [.int(1), .null, .int(3)]),
            Column(name: "t", type: .text, values: [.text("x"), .text("y"), .null]),
        ])
        return (try? ArrowFileWriter.encode(table)) ?? []
    }()

    @Test func everyTruncationIsAnError() {
        for n in 0..<Self.valid.count {
            #expect(throws: ArrowError.self, "\(n) bytes") { _ = try Self.read(Array(Self.valid.prefix(n))) }
        }
    }

    @Test func everySingleByteChangeReadsOrFailsCleanly() {
        for i in 0..<Self.valid.count {
            for value: UInt8 in [0x00, 0x7F, 0xFF] {
                var bytes = Self.valid
                bytes[i] = value
                do {
                    let t = try Self.read(bytes)
                    #expect(t.invariantViolation() == nil)
                } catch {
                    #expect(error.path == "t.arrow" && !error.message.isEmpty)
                }
            }
        }
    }

    /// The fuzzer's first find: a schema with two columns of one name.
    @Test func duplicateColumnNamesAreAnError() throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/arrow/duplicate-column-names", withExtension: "arrow"))
        let error = #expect(throws: ArrowError.self) { _ = try ArrowFile.open(url.path).table() }
        #expect(error?.message.contains("two columns named") == true)
    }
}
