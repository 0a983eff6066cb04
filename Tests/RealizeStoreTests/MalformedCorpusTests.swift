import Foundation
import RealizeStore
import Testing

/// Each `Fixtures/malformed/NAME.csv` must fail with the error description in `NAME.expected`
/// (the file named by its base name). Run with `REALIZE_RECORD=1` (or `RECORD_FIXTURES=1`) to rewrite the
/// `.expected` files in the source tree from the current messages, then review the diff.
@Suite struct MalformedCorpusTests {
    /// Type overrides some fixtures are read with.
    static let overrides: [String: [String: DataType]] = [
        "bad_override.csv": ["budget": .int],
        "bad_number.csv": ["planned_value": .decimal, "actual_cost": .decimal],
        "bad_date.csv": ["start_date": .date],
        "impossible_date.csv": ["start_date": .date],
        "int_too_large.csv": ["budget": .int],
    ]

    static var recording: Bool {
        let env = ProcessInfo.processInfo.environment
        return env["REALIZE_RECORD"] != nil || env["RECORD_FIXTURES"] != nil
    }

    static var corpusFolder: URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("malformed")
    }

    static var cases: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpusFolder.path)) ?? []
        return names.filter { $0.hasSuffix(".csv") }.sorted()
    }

    @Test func corpusIsPresent() {
        #expect(Self.cases.count >= 20)
    }

    /// Every case fails at a position: `file:line:column: error:` with a line and a field number, never
    /// a message about the whole file.
    @Test(arguments: cases)
    func failsNamingFileLineAndColumn(_ name: String) throws {
        let bytes = [UInt8](try Data(contentsOf: Self.corpusFolder.appendingPathComponent(name)))
        do {
            _ = try CSVReader.read(bytes: bytes, sourceName: name, options: CSVReadOptions(typeOverrides: Self.overrides[name] ?? [:]))
            Issue.record("\(name) was read without an error")
        } catch {
            #expect(error.line > 0 && error.column > 0, "\(name): \(error)")
            #expect(error.description.hasPrefix("\(name):\(error.line):\(error.column): error: "), "\(error)")
        }
    }

    @Test(arguments: cases)
    func failsWithExpectedMessage(_ name: String) throws {
        let url = Self.corpusFolder.appendingPathComponent(name)
        let bytes = [UInt8](try Data(contentsOf: url))
        let options = CSVReadOptions(typeOverrides: Self.overrides[name] ?? [:])
        let message: String
        do {
            _ = try CSVReader.read(bytes: bytes, sourceName: name, options: options)
            Issue.record("\(name) was read without an error")
            return
        } catch {
            message = error.description
        }
        let expectedName = String(name.dropLast(4)) + ".expected"
        if Self.recording {
            let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("Fixtures/malformed/\(expectedName)")
            try (message + "\n").write(to: source, atomically: true, encoding: .utf8)
            return
        }
        let expectedURL = Self.corpusFolder.appendingPathComponent(expectedName)
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(message == expected.trimmingCharacters(in: .newlines), "\(name)")
    }

    /// The path form names the file as given.
    @Test func readingByPathNamesThePath() throws {
        let url = Self.corpusFolder.appendingPathComponent("ragged_row.csv")
        #expect(throws: CSVError.self) { try CSVReader.read(path: url.path) }
        do {
            _ = try CSVReader.read(path: url.path)
        } catch {
            #expect(error.file == url.path)
            #expect(error.line == 3 && error.column == 3)
            #expect(error.code == .fieldCount)
        }
    }
}
