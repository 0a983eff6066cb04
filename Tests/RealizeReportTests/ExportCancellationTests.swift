import Foundation
import RealizeQuery
import RealizeStore
import Testing
@testable import RealizeReport

/// Ctrl-C during `.export`: the writers poll the session's token and stop, leaving the old file as it was.
@Suite struct ExportCancellationTests {
    /// A table of `rows` rows: an id, a text and an amount.
    static func table(rows: Int) -> Table {
        Table(columns: [
            Column(name: "id", type: .int, values: (0..<rows).map { .int(Int64($0)) }),
            Column(name: "label", type: .text, values: (0..<rows).map { .text("row \($0 % 97)") }),
        ])
    }

    static func folderWithOldFile(_ name: String) throws -> (URL, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("realize-cancel-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent(name)
        try Data("the old file\n".utf8).write(to: file)
        return (folder, file)
    }

    @Test(arguments: ExportFormat.allCases)
    func aCancelledTokenWritesNothing(_ format: ExportFormat) throws {
        let ext = format == .markdown ? "md" : format.rawValue
        let (folder, file) = try Self.folderWithOldFile("out.\(ext)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let token = CancellationToken()
        token.cancel()
        let error = #expect(throws: ExportError.self) {
            try Exporter.write([("t", Self.table(rows: 10))], format: format, to: file.path, csv: CSVWriteOptions(), cancel: token)
        }
        #expect(error?.code == .cancelled)
        #expect(try String(contentsOf: file, encoding: .utf8) == "the old file\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.\(ext)"])
    }

    @Test func workbookCancelledMidwayKeepsTheOldFile() throws {
        let (folder, file) = try Self.folderWithOldFile("out.xlsx")
        defer { try? FileManager.default.removeItem(at: folder) }
        var polls = 0
        let error = #expect(throws: ExportError.self) {
            try XLSXWriter.write([XLSXWriter.Sheet(name: "t", table: Self.table(rows: 20_000))], to: file.path) {
                polls += 1
                return polls > 3  // after the columns, a few thousand rows in
            }
        }
        #expect(error?.code == .cancelled)
        #expect(try String(contentsOf: file, encoding: .utf8) == "the old file\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.xlsx"])
    }

    @Test func csvCancelledMidwayKeepsTheOldFile() throws {
        let (folder, file) = try Self.folderWithOldFile("out.csv")
        defer { try? FileManager.default.removeItem(at: folder) }
        var polls = 0
        let error = #expect(throws: AtomicFileError.self) {
            try CSVWriter.write(Self.table(rows: 20_000), toFile: file.path) {
                polls += 1
                return polls > 2
            }
        }
        #expect(error?.code == .cancelled)
        #expect(try String(contentsOf: file, encoding: .utf8) == "the old file\n")
    }

    @Test func tokenRaisedFromAnotherThreadStopsALargeExport() async throws {
        let (folder, file) = try Self.folderWithOldFile("out.xlsx")
        defer { try? FileManager.default.removeItem(at: folder) }
        let token = CancellationToken()
        let big = Self.table(rows: 400_000)
        let export = Task.detached { () -> ExportError? in
            do throws(ExportError) {
                try Exporter.write([("t", big)], format: .xlsx, to: file.path, csv: CSVWriteOptions(), cancel: token)
                return nil
            } catch { return error }
        }
        token.cancel()
        let error = await export.value
        // Either the cancel arrived in time (the usual case) and nothing changed, or the export had
        // already finished; it must never be half-written.
        if let error {
            #expect(error.code == .cancelled)
            #expect(try String(contentsOf: file, encoding: .utf8) == "the old file\n")
        }
    }
}
