import Foundation
import Testing

/// European CSV through the built binary: `.sniff`, `.load` with dialect options, the one-line report,
/// and the ambiguous-date error with its exit status.
@Suite struct EuropeanLoadTests {
    /// A semicolon, decimal-comma, Windows-1252 file with `31.12.2025` dates.
    func writeEuropean(_ name: String = "financials.csv", dates: [String] = ["31.12.2025", "15.01.2026"]) throws -> URL {
        let folder = try RealizeBinary.temporaryFolder()
        let file = folder.appendingPathComponent(name)
        let text = "project_id;site;amount;period_end\r\nP1;Zürich;1.234,56;\(dates[0])\r\nP2;Kraków;-0,50;\(dates[1])\r\n"
        try Data(text.data(using: .windowsCP1252)!).write(to: file)
        return file
    }

    @Test func sniffShowsDialectAndColumns() throws {
        let file = try writeEuropean()
        let r = try RealizeBinary.run(["-c", ".sniff \(file.path)"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(
            r.stdout == """
                \(file.path): delimiter ';', Windows-1252, decimal comma, thousands '.', header row 1: 4 columns, 2 rows
                  project_id  text
                  site        text
                  amount      decimal  1.234,56
                  period_end  date     dd.mm.yyyy

                """)
    }

    @Test func sniffAFolderGivesOneBlockPerFile() throws {
        let file = try writeEuropean()
        let other = file.deletingLastPathComponent().appendingPathComponent("plain.csv")
        try "a,b\n1,2.5\n".write(to: other, atomically: true, encoding: .utf8)
        let r = try RealizeBinary.run(["-c", ".sniff \(file.deletingLastPathComponent().path)"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("financials.csv: delimiter ';'") && r.stdout.contains("plain.csv: delimiter ',', UTF-8, decimal point"))
    }

    @Test func loadReportsItsChoicesInOneLineOnStderr() throws {
        let file = try writeEuropean()
        let r = try RealizeBinary.run(["--format", "csv", "-c", ".load \(file.path)", "-c", "financials | select site, amount, period_end"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr == "\(file.path): ';'-separated, decimal comma, Windows-1252, dates dd.mm.yyyy\n")
        #expect(r.stdout == "site,amount,period_end\nZürich,1234.56,2025-12-31\nKraków,-0.50,2026-01-15\n")
    }

    @Test func explicitOptionsLoadTheSameTable() throws {
        let file = try writeEuropean()
        let r = try RealizeBinary.run([
            "--format", "csv", "-c", ".load \(file.path) delimiter ';' decimal ',' encoding cp1252 dates dmy as f types site:text",
            "-c", "f | select amount",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "amount\n1234.56\n-0.50\n")
    }

    @Test func aPlainFileLoadsSilently() throws {
        let folder = try RealizeBinary.temporaryFolder()
        let file = folder.appendingPathComponent("plain.csv")
        try "a,b,c\n1,2.5,2025-01-31\n".write(to: file, atomically: true, encoding: .utf8)
        let r = try RealizeBinary.run(["-c", ".load \(file.path)"])
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
    }

    @Test func ambiguousDatesStopTheLoadWithTheHint() throws {
        let file = try writeEuropean(dates: ["01.02.2025", "03.04.2025"])
        let r = try RealizeBinary.run(["-c", ".load \(file.path)", "-c", ".tables"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(file.path):1:4: error: cannot tell day from month"), "\(r.stderr)")
        #expect(r.stderr.contains("`period_end`") && r.stderr.contains("dates dmy") && r.stderr.contains("dates mdy"), "\(r.stderr)")
        let fixed = try RealizeBinary.run(["--format", "csv", "-c", ".load \(file.path) dates dmy", "-c", "financials | select period_end"])
        #expect(fixed.status == 0, "\(fixed.stderr)")
        #expect(fixed.stdout == "period_end\n2025-02-01\n2025-04-03\n")
    }

    @Test func aBadOptionValueIsAUsageError() throws {
        let file = try writeEuropean()
        let r = try RealizeBinary.run(["-c", ".load \(file.path) encoding ebcdic"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("unsupported encoding `ebcdic`"), "\(r.stderr)")
    }

    @Test func dataFolderSniffsEachFile() throws {
        let file = try writeEuropean()
        let folder = file.deletingLastPathComponent()
        try "project_id,budget\nP1,100.50\n".write(to: folder.appendingPathComponent("projects.csv"), atomically: true, encoding: .utf8)
        let r = try RealizeBinary.run(["--data", folder.path, "--format", "csv", "-c", "financials | join projects on project_id | select amount, budget"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "amount,budget\n1234.56,100.50\n")
    }

    @Test func sniffRefusesAWorkbookAndHelpExplainsIt() throws {
        let book = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("sample-portfolios/examples/cost-report.xlsx").path
        let r = try RealizeBinary.run(["-c", ".sniff \(book)"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("a workbook has no CSV dialect to sniff"), "\(r.stderr)")
        let help = try RealizeBinary.run(["-c", ".help sniff"])
        #expect(help.status == 0 && help.stdout.contains(".sniff PATH"), "\(help.stdout)")
    }
}
