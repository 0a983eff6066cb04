import Foundation

/// Programs that tests check Realize's output with: LibreOffice (XLSX) and Chromium (HTML).
///
/// `scripts/test` installs both. A test that needs one runs where the program is installed, and always in CI
/// (`CI` set), where a missing program fails the test instead of skipping it.
public enum ExternalTools {
    /// A failure to run or use an external program.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static var inCI: Bool { ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty && $0 != "false" } ?? false }

    /// The path of `name` on PATH, if any.
    public static func find(_ name: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    public static var libreOffice: String? { find("libreoffice") ?? find("soffice") }
    public static var hasLibreOffice: Bool { libreOffice != nil || inCI }
    public static var hasChromium: Bool { find("chromium") != nil || inCI }

    /// Runs `executable` with `arguments`; returns the status and the combined output. Killed after `timeout` seconds.
    public static func run(_ executable: String, _ arguments: [String], timeout: TimeInterval = 120) throws -> (status: Int32, output: String) {
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

    /// Every sheet of `workbook` as CSV, as LibreOffice headless shows it (number formats applied, UTF-8):
    /// sheet name → CSV text.
    public static func sheetsAsCSV(_ workbook: URL) throws -> [String: String] {
        guard let office = libreOffice else {
            throw Failure(description: "libreoffice is not installed: scripts/test installs it (apt-get install libreoffice-calc-nogui)")
        }
        let work = try RealizeBinary.temporaryFolder()
        let out = work.appendingPathComponent("csv")
        // A profile per conversion, so that parallel tests do not share LibreOffice's lock.
        let profile = "-env:UserInstallation=file://" + work.appendingPathComponent("profile").path
        let filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"
        let r = try run(office, [profile, "--headless", "--convert-to", filter, "--outdir", out.path, workbook.path])
        guard r.status == 0 else { throw Failure(description: "libreoffice exited \(r.status): \(r.output)") }
        let stem = workbook.deletingPathExtension().lastPathComponent
        var sheets: [String: String] = [:]
        for file in (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? [] where file.hasSuffix(".csv") {
            sheets[String(file.dropFirst(stem.count + 1).dropLast(4))] = try String(contentsOf: out.appendingPathComponent(file), encoding: .utf8)
        }
        return sheets
    }

    /// Renders `page` in headless Chromium: a screenshot (its size in bytes) and the DOM after load.
    public static func renderInChromium(_ page: URL, screenshot: URL) throws -> (status: Int32, screenshotBytes: Int, dom: String) {
        guard let chromium = find("chromium") else {
            throw Failure(description: "chromium is not installed: scripts/test installs it (apt-get install chromium)")
        }
        let profile = try RealizeBinary.temporaryFolder().appendingPathComponent("chromium").path
        let common = ["--headless", "--disable-gpu", "--no-sandbox", "--hide-scrollbars", "--user-data-dir=\(profile)", "--no-first-run"]
        let shot = try run(chromium, common + ["--screenshot=\(screenshot.path)", "--window-size=1200,1600", page.absoluteString])
        let size = (try? FileManager.default.attributesOfItem(atPath: screenshot.path)[.size] as? Int) ?? 0
        let dom = try run(chromium, common + ["--dump-dom", page.absoluteString])
        return (shot.status == 0 ? dom.status : shot.status, size, dom.output)
    }
}
