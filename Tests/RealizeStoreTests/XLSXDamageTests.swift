import Foundation
import RealizeStore
import Testing

/// Damaged workbooks are errors, never a crash or a hang: the zip directory, the deflate streams and the
/// XML parts are all checked (issue #10; the inputs under `Fixtures/xlsx/fuzzed` were found by the xlsx
/// fuzz target: invalid UTF-8 in element names trapped Foundation's XMLParser, and a truncated deflate
/// stream hung ZIPFoundation's inflate loop).
@Suite struct XLSXDamageTests {
    static func read(_ bytes: [UInt8]) -> Result<[XLSXReader.Sheet], CSVError> {
        let path = NSTemporaryDirectory() + "realize-damage-\(UUID().uuidString).xlsx"
        defer { try? FileManager.default.removeItem(atPath: path) }
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        do throws(CSVError) { return .success(try XLSXReader.read(path: path)) } catch { return .failure(error) }
    }

    static func fixtureBytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: XLSXReaderTests.fixture(name))))
    }

    @Test(.timeLimit(.minutes(1)), arguments: ["fuzzed/regress-invalid-utf8-names.xlsx", "fuzzed/regress-truncated-deflate-hang.xlsx"])
    func fuzzFindingsAreErrors(_ name: String) throws {
        guard case .failure(let error) = Self.read(try Self.fixtureBytes(name)) else {
            Issue.record("\(name) read as a workbook")
            return
        }
        #expect(error.code == .badWorkbook, "\(error)")
        #expect(error.message.hasPrefix("the workbook is damaged"), "\(error)")
    }

    @Test(.timeLimit(.minutes(2))) func everyTruncationIsAnErrorOrTheWholeWorkbook() throws {
        let whole = try Self.fixtureBytes("finance.xlsx")
        for length in stride(from: 0, to: whole.count, by: 7) {
            if case .failure(let error) = Self.read(Array(whole.prefix(length))) {
                #expect(!error.message.isEmpty)
            }
        }
    }

    @Test(.timeLimit(.minutes(2))) func everyCorruptedByteIsAnErrorOrAValidTable() throws {
        let whole = try Self.fixtureBytes("finance.xlsx")
        for offset in stride(from: 0, to: whole.count, by: 5) {
            var bytes = whole
            bytes[offset] ^= 0x5A
            switch Self.read(bytes) {
            case .failure(let error): #expect(!error.message.isEmpty)
            case .success(let sheets): for s in sheets { #expect(s.table.invariantViolation() == nil) }
            }
        }
    }

    @Test func aCorruptDeflateStreamNamesThePart() throws {
        var bytes = try Self.fixtureBytes("openpyxl.xlsx")
        // The local header of xl/workbook.xml: its data follows the 30-byte header and the name.
        let name = Array("xl/workbook.xml".utf8)
        let signature: [UInt8] = [0x50, 0x4B, 3, 4]
        func isHeader(_ i: Int) -> Bool {
            Array(bytes[i..<(i + 4)]) == signature && Array(bytes[(i + 30)..<(i + 30 + name.count)]) == name
        }
        let header = try #require((0..<(bytes.count - 30 - name.count)).first(where: isHeader))
        let extra = Int(bytes[header + 28]) + Int(bytes[header + 29]) << 8
        let data = header + 30 + name.count + extra
        for k in 0..<8 { bytes[data + 4 + k] = 0xFF }
        guard case .failure(let error) = Self.read(bytes) else {
            Issue.record("a corrupt part read")
            return
        }
        #expect(error.message.contains("xl/workbook.xml"), "\(error)")
    }
}
