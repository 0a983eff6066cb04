import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Runs programs the report tests check their output with: LibreOffice (XLSX) and Chromium (HTML).
///
/// `scripts/test` installs both. A test that needs one runs when the program is installed, and
/// always in CI (`CI` set), where a missing program fails the test instead of skipping it.
enum ExternalTools {
    static var inCI: Bool { ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty && $0 != "false" } ?? false }

    /// The path of `name` on PATH, if any.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static var libreOffice: String? { find("libreoffice") ?? find("soffice") }
    static var hasLibreOffice: Bool { libreOffice != nil || inCI }

    /// Runs `executable` with `arguments`; returns the status and the combined output.
    static func run(_ executable: String, _ arguments: [String], timeout: TimeInterval = 120) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Converts every sheet of `workbook` to CSV with LibreOffice headless, values as shown
    /// (number formats applied), UTF-8. Returns sheet name → CSV text.
    static func sheetsAsCSV(_ workbook: URL) throws -> [String: String] {
        guard let office = libreOffice else {
            Issue.record("libreoffice is not installed: scripts/test installs it (apt-get install libreoffice-calc-nogui)")
            return [:]
        }
        let work = try temporaryFolder()
        let out = work.appendingPathComponent("csv")
        // A profile per conversion, so that parallel tests do not share LibreOffice's lock.
        let profile = "-env:UserInstallation=file://" + work.appendingPathComponent("profile").path
        let filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"
        let r = try run(office, [profile, "--headless", "--convert-to", filter, "--outdir", out.path, workbook.path])
        #expect(r.status == 0, "libreoffice: \(r.output)")
        let stem = workbook.deletingPathExtension().lastPathComponent
        var sheets: [String: String] = [:]
        for file in (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? [] where file.hasSuffix(".csv") {
            let name = String(file.dropFirst(stem.count + 1).dropLast(4))
            sheets[name] = try String(contentsOf: out.appendingPathComponent(file), encoding: .utf8)
        }
        return sheets
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("realize-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Well-formedness of XML (SVG, XLSX parts) with Foundation's parser; collects element names and attributes.
final class XMLCheck: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []
    var error: String?

    static func parse(_ text: String) -> XMLCheck {
        let check = XMLCheck()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = check
        if !parser.parse() { check.error = parser.parserError.map { "\($0)" } ?? "parse failed at line \(parser.lineNumber)" }
        return check
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        elements.append((name, attributes))
    }

    func with(_ name: String, _ attribute: String, _ value: String) -> [[String: String]] {
        elements.filter { $0.name == name && $0.attributes[attribute] == value }.map(\.attributes)
    }
}
