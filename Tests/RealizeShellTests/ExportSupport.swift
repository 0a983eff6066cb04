import Foundation
import RealizeStore
import Testing
@testable import RealizeShell

/// Helpers for the export, chart and notebook tests: a captured session, and LibreOffice and Chromium.
enum ExportSupport {
    /// A session over the sample portfolio whose output is captured.
    final class Session {
        var out = ""
        var err = ""
        let folder: URL
        lazy var session: ShellSession = {
            let catalog = (try? Launcher.loadCatalog([]).get().0) ?? Catalog()
            let s = ShellSession(catalog: catalog, format: .csv, output: ShellOutput(out: { self.out += $0 }, err: { self.err += $0 }))
            s.outputFolder = folder.path
            return s
        }()

        init() throws { folder = try RealizeBinary.temporaryFolder() }

        /// Runs `text` as a script (statements, dot commands); returns the last outcome.
        @discardableResult
        func run(_ text: String) -> ShellSession.Outcome {
            BatchRunner(session: session).run(text: text, sourceName: "query")
        }

        func file(_ name: String) -> URL { folder.appendingPathComponent(name) }
    }

    static var inCI: Bool { ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty && $0 != "false" } ?? false }

    static func find(_ name: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// LibreOffice and Chromium tests run where the program is installed, and always in CI
    /// (scripts/test installs both), where a missing program fails.
    static var hasLibreOffice: Bool { find("libreoffice") != nil || inCI }
    static var hasChromium: Bool { find("chromium") != nil || inCI }

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

    /// Every sheet of `workbook` as CSV, as LibreOffice shows it (number formats applied, UTF-8).
    static func sheetsAsCSV(_ workbook: URL) throws -> [String: String] {
        guard let office = find("libreoffice") ?? find("soffice") else {
            Issue.record("libreoffice is not installed: scripts/test installs it")
            return [:]
        }
        let work = try RealizeBinary.temporaryFolder()
        let out = work.appendingPathComponent("csv")
        let profile = "-env:UserInstallation=file://" + work.appendingPathComponent("profile").path
        let filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"
        let r = try run(office, [profile, "--headless", "--convert-to", filter, "--outdir", out.path, workbook.path])
        #expect(r.status == 0, "libreoffice: \(r.output)")
        let stem = workbook.deletingPathExtension().lastPathComponent
        var sheets: [String: String] = [:]
        for file in (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? [] where file.hasSuffix(".csv") {
            sheets[String(file.dropFirst(stem.count + 1).dropLast(4))] = try String(contentsOf: out.appendingPathComponent(file), encoding: .utf8)
        }
        return sheets
    }

    /// Renders `page` in headless Chromium: a screenshot (returns its size in bytes) and the DOM after load.
    static func renderInChromium(_ page: URL, screenshot: URL) throws -> (status: Int32, screenshotBytes: Int, dom: String) {
        guard let chromium = find("chromium") else {
            Issue.record("chromium is not installed: scripts/test installs it")
            return (-1, 0, "")
        }
        let profile = try RealizeBinary.temporaryFolder().appendingPathComponent("chromium").path
        let common = ["--headless", "--disable-gpu", "--no-sandbox", "--hide-scrollbars", "--user-data-dir=\(profile)", "--no-first-run"]
        let shot = try run(chromium, common + ["--screenshot=\(screenshot.path)", "--window-size=1200,1600", page.absoluteString])
        let size = (try? FileManager.default.attributesOfItem(atPath: screenshot.path)[.size] as? Int) ?? 0
        let dom = try run(chromium, common + ["--dump-dom", page.absoluteString])
        return (shot.status == 0 ? dom.status : shot.status, size, dom.output)
    }
}
