import Foundation
import RealizeTestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Issue #10, files and formats, through the binary: `.export` never replaces a device, a folder or
/// a link to nothing; text that XML forbids never makes a workbook or a chart malformed.
@Suite struct FileSafetyCommandLineTests {
    static func isCharacterDevice(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFCHR
    }

    /// Whether `text` is well-formed XML, by Foundation's parser.
    static func parses(_ text: String) -> Bool {
        XMLParser(data: Data(text.utf8)).parse()
    }

    @Test(arguments: ["/dev/null", "/dev/full"])
    func exportOntoADeviceIsRefusedAndTheDeviceStays(_ device: String) throws {
        try #require(Self.isCharacterDevice(device))
        let r = try RealizeBinary.run(["--format", "csv", "-c", "projects | take 2", "-c", ".export \(device)"])
        #expect(r.status == 1)
        #expect(
            r.stderr.contains("error: cannot export: `\(device)` is a character device, not a regular file; it is left as it is"), "\(r.stderr)")
        #expect(Self.isCharacterDevice(device))
    }

    @Test func exportOntoAFolderOrALinkToNothingIsRefused() throws {
        let folder = try RealizeBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("dangling.csv").path, withDestinationPath: "nowhere.csv")
        let r = try RealizeBinary.run(["--format", "csv", "-c", "projects | take 2", "-c", ".export \(folder.path)"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("`\(folder.path)` is a folder, not a file"), "\(r.stderr)")
        let d = try RealizeBinary.run(["--format", "csv", "-c", "projects | take 2", "-c", ".export dangling.csv"], currentDirectory: folder)
        #expect(d.status == 1)
        #expect(d.stderr.contains("`dangling.csv` is a symbolic link to a missing file"), "\(d.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["dangling.csv"])
    }

    @Test func exportThroughASymbolicLinkReplacesItsTarget() throws {
        let folder = try RealizeBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "old\n".write(to: folder.appendingPathComponent("real.csv"), atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link.csv").path, withDestinationPath: "real.csv")
        let r = try RealizeBinary.run(["--format", "csv", "-c", "projects | take 1 | select project_id", "-c", ".export link.csv"], currentDirectory: folder)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try String(contentsOf: folder.appendingPathComponent("real.csv"), encoding: .utf8) == "project_id\nP001\n")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.appendingPathComponent("link.csv").path) == "real.csv")
    }

    /// A text cell holding U+FFFF, U+FFFE and a control character, exported to XLSX and drawn as SVG.
    @Test(.enabled(if: ExternalTools.find("unzip") != nil))
    func charactersXMLForbidsKeepWorkbooksAndChartsWellFormed() throws {
        let folder = try RealizeBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("odd.csv")
        try "label,value\nbad\u{FFFF}one,1\nbad\u{FFFE}two,2\nplain,3\n".write(to: csv, atomically: false, encoding: .utf8)
        let r = try RealizeBinary.run(
            [
                "--format", "csv", "-c", ".load \(csv.path) as odd", "-c", "odd", "-c", ".export odd.xlsx",
                "-c", "odd | chart bar label value to odd.svg",
            ], currentDirectory: folder)
        #expect(r.status == 0, "\(r.stderr)")
        let strings = try ExternalTools.run(
            try #require(ExternalTools.find("unzip")), ["-p", folder.appendingPathComponent("odd.xlsx").path, "xl/sharedStrings.xml"])
        #expect(strings.status == 0)
        #expect(strings.output.contains("bad_xFFFF_one") && strings.output.contains("bad_xFFFE_two"), "\(strings.output)")
        #expect(Self.parses(strings.output), "\(strings.output)")
        let svg = try String(contentsOf: folder.appendingPathComponent("odd.svg"), encoding: .utf8)
        #expect(!svg.unicodeScalars.contains { $0.value == 0xFFFF || $0.value == 0xFFFE })
        #expect(Self.parses(svg))
    }
}
