import Foundation
import RealizeTestSupport
import Testing

@testable import RealizeStore

/// A CSV file read by its path is mapped, and its pages are dropped behind each pass over the rows, or (below
/// `MappedCSVFile.residentLimit`) kept for the load: the table, the report and the first error are those of a read of
/// the same bytes either way. These tests drop the pages of their small files unless they say otherwise.
@Suite struct MappedCSVFileTests {
    /// 200,000 rows (several drops of 64K rows, and more than 4 MiB, so the tokenizer cuts it into
    /// chunks), with quoted fields holding delimiters, doubled quotes and line breaks.
    /// `badAt`: a row whose amount is not a number; `shortAt`: a row missing its last field.
    static func csv(badAt: Int? = nil, shortAt: Int? = nil) -> String {
        var lines = ["id,name,amount,period,note"]
        lines.reserveCapacity(200_001)
        for r in 0..<200_000 {
            let amount = r == badAt ? "12x.50" : "\(r * 7 % 100_003).\(r % 100 < 10 ? "0" : "")\(r % 100)"
            let note = r % 1_000 == 0 ? "\"line one\nline \"\"two\"\", end\"" : (r % 3 == 0 ? "" : "n\(r % 50)")
            let row = "P\(r % 4_999),\"Name \(r % 77)\",\(amount),20\(10 + r % 15)-0\(1 + r % 9)"
            lines.append(r == shortAt ? row : row + "," + note)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func viaPath(_ text: String, _ options: CSVReadOptions = .init(), dropsPages: Bool = true) throws -> Result<(Table, CSVReadReport), CSVError> {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("big.csv", text)
        let path = folder.file("big.csv")
        return MappedCSVFile.$residentLimit.withValue(dropsPages ? 0 : .max) {
            do throws(CSVError) {
                let (table, report) = try CSVReader.readSniffing(path: path, options: options)
                return .success((table, report))
            } catch {
                return .failure(CSVError(file: "big.csv", line: error.line, column: error.column, message: error.message, hint: error.hint, code: error.code))
            }
        }
    }

    static func viaBytes(_ text: String, _ options: CSVReadOptions = .init()) -> Result<(Table, CSVReadReport), CSVError> {
        do throws(CSVError) {
            let (table, report) = try CSVReader.readSniffing(bytes: Array(text.utf8), sourceName: "big.csv", options: options)
            return .success((table, report))
        } catch {
            return .failure(error)
        }
    }

    @Test(arguments: [true, false]) func sameTableAsAReadOfTheBytes(dropsPages: Bool) throws {
        let text = Self.csv()
        let (mapped, mappedReport) = try Self.viaPath(text, dropsPages: dropsPages).get()
        let (read, readReport) = try Self.viaBytes(text).get()
        #expect(mapped.rowCount == 200_000)
        #expect(mapped.columns.map(\.type) == [.text, .text, .decimal, .period, .text])
        #expect(TableDiff.firstDifference(mapped, read) == nil)
        #expect(mappedReport.rowCount == readReport.rowCount)
        #expect(mappedReport.columns.map(\.name) == readReport.columns.map(\.name))
    }

    @Test(arguments: [false, true]) func sameErrorLateInTheFile(ragged: Bool) throws {
        let text = ragged ? Self.csv(shortAt: 180_000) : Self.csv(badAt: 180_000)
        let options = CSVReadOptions(typeOverrides: ragged ? [:] : ["amount": .decimal])
        guard case .failure(let mapped) = try Self.viaPath(text, options), case .failure(let read) = Self.viaBytes(text, options) else {
            Issue.record("expected both reads to fail")
            return
        }
        #expect(mapped.line == read.line)
        #expect(mapped.column == read.column)
        #expect(mapped.message == read.message)
        #expect(mapped.code == read.code)
        #expect(mapped.line > 180_000)
    }

    @Test func folderAndMissingFileKeepTheirMessages() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(throws: CSVError.self) { try CSVReader.read(path: folder.file("missing.csv")) }
        do {
            _ = try CSVReader.read(path: folder.path)
            Issue.record("a folder was read")
        } catch {
            #expect(error.message == "cannot read a folder as a CSV file")
            #expect(error.code == .io)
        }
    }
}
