import Foundation
import RealizeStore
import Testing
import RealizeTestSupport
@testable import RealizeReport

/// The workbook writer: its parts are well-formed XML with typed cells, and LibreOffice reads back
/// the values, formatted as money and dates.
@Suite struct XLSXWriterTests {
    /// Every type, nulls, nasty text, a decimal too long for a double, a date before 1900.
    static func typedTable() -> Table {
        Table(columns: [
            Column(name: "name", type: .text, values: [.text("Zürich, \"Hub\""), .text("=SUM(A1)"), .text("<b>&amp;</b> _x0041_"), .null]),
            Column(name: "count", type: .int, values: [.int(42), .int(-7), .null, .int(1_000_000)]),
            Column(name: "ratio", type: .double, values: [.double(0.9029512080455347), .double(-1.5), .double(.nan), .double(1e-7)]),
            Column(
                name: "cost", type: .decimal,
                values: [
                    .decimal(FixedDecimal(units: 1_234_567_89, scale: 2)), .decimal(FixedDecimal(units: -5, scale: 2)),
                    .decimal(FixedDecimal(units: 359, scale: 2)), .null,
                ]),
            Column(
                name: "on", type: .date,
                values: [
                    .date(CivilCalendar.days(year: 2025, month: 6, day: 30)), .date(CivilCalendar.days(year: 1899, month: 12, day: 31)),
                    .null, .date(CivilCalendar.days(year: 2024, month: 2, day: 29)),
                ]),
            Column(
                name: "period", type: .period,
                values: [.period(CivilCalendar.period(year: 2025, month: 12)), .null, .period(CivilCalendar.period(year: 2023, month: 1)), .null]),
            Column(name: "done", type: .bool, values: [.bool(true), .bool(false), .null, .bool(true)]),
        ])
    }

    @Test func sheetXMLIsWellFormedAndTyped() throws {
        var strings = SharedStrings()
        var styles = XLSXStyles()
        let sheet = try SheetXML(table: Self.typedTable()).render(strings: &strings, styles: &styles)
        #expect(sheet.range == "A1:G5")
        let check = XMLCheck.parse(sheet.text)
        #expect(check.error == nil, "\(check.error ?? "")")
        // Frozen header row.
        let pane = try #require(check.elements.first { $0.name == "pane" })
        #expect(pane.attributes["state"] == "frozen" && pane.attributes["ySplit"] == "1" && pane.attributes["topLeftCell"] == "A2")
        // Header cells are bold shared strings.
        #expect(check.with("c", "r", "A1").first?["s"] == String(XLSXStyles.header))
        // Money carries a decimal format; dates and periods their formats; booleans are booleans.
        #expect(check.with("c", "r", "D2").first?["s"] == "4")
        #expect(check.with("c", "r", "E2").first?["s"] == String(XLSXStyles.date))
        #expect(check.with("c", "r", "F2").first?["s"] == String(XLSXStyles.period))
        #expect(check.with("c", "r", "G2").first?["t"] == "b")
        // Nulls and NaN are empty cells; the date before 1900 is text.
        #expect(check.with("c", "r", "A5").isEmpty && check.with("c", "r", "C4").isEmpty)
        #expect(check.with("c", "r", "E3").first?["t"] == "s")
        #expect(sheet.text.contains("<c r=\"D2\" s=\"4\"><v>1234567.89</v></c>"))
        #expect(sheet.text.contains("<c r=\"E2\" s=\"2\"><v>45838</v></c>"), "2025-06-30 is serial 45838")
        #expect(sheet.text.contains("<c r=\"C2\"><v>0.9029512080455347</v></c>"))
        let sst = XMLCheck.parse(strings.xml)
        #expect(sst.error == nil)
        #expect(strings.xml.contains("&lt;b&gt;&amp;amp;&lt;/b&gt; _x005F_x0041_"))
        let stylesCheck = XMLCheck.parse(styles.xml)
        #expect(stylesCheck.error == nil)
        #expect(stylesCheck.with("numFmt", "formatCode", "#,##0.00").count == 1)
    }

    @Test func packagePartsAreWellFormed() throws {
        for xml in [
            XLSXParts.contentTypes(sheetCount: 2), XLSXParts.rootRelationships, XLSXParts.workbookRelationships(sheetCount: 2),
            XLSXParts.workbook(names: ["evm", "it's"], filterRanges: ["A1:C3", "A1:B2"]), XLSXParts.appProperties,
        ] {
            let check = XMLCheck.parse(xml)
            #expect(check.error == nil, "\(xml)")
        }
        #expect(XLSXParts.workbook(names: ["it's"], filterRanges: ["A1:B2"]).contains("&apos;it&apos;&apos;s&apos;!$A$1:$B$2"))
        #expect(
            XLSXParts.columnLetters(0) == "A" && XLSXParts.columnLetters(25) == "Z" && XLSXParts.columnLetters(26) == "AA"
                && XLSXParts.columnLetters(701) == "ZZ")
    }

    @Test func sheetNamesAreMadeValidAndUnique() {
        #expect(
            SheetNames.unique(["evm", "EVM", "a/b:c", "", String(repeating: "x", count: 40), "'q'"])
                == ["evm", "EVM (2)", "a_b_c", "Sheet4", String(repeating: "x", count: 31), "q"])
    }

    @Test func workbookIsAZipWrittenAtomically() throws {
        let folder = try RealizeBinary.temporaryFolder()
        let path = folder.appendingPathComponent("book.xlsx").path
        try XLSXWriter.write([.init(name: "t", table: Self.typedTable())], to: path)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        // Same tables, same bytes.
        #expect(try XLSXWriter.workbook([.init(name: "t", table: Self.typedTable())]) == bytes)
        // A failed write leaves the old file.
        #expect(throws: ExportError.self) { try XLSXWriter.write([.init(name: "t", table: .empty)], to: folder.appendingPathComponent("missing/x.xlsx").path) }
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) == bytes)
    }

    /// The real check: LibreOffice opens the workbook and shows the values we wrote.
    @Test(.enabled(if: ExternalTools.hasLibreOffice)) func libreOfficeReadsTheValuesBack() throws {
        let folder = try RealizeBinary.temporaryFolder()
        let path = folder.appendingPathComponent("pack.xlsx")
        let second = Table(columns: [
            Column(name: "program", type: .text, values: [.text("Digital")]),
            Column(name: "cv", type: .decimal, values: [.decimal(FixedDecimal(units: -128_445_288, scale: 2))]),
        ])
        try XLSXWriter.write([.init(name: "typed", table: Self.typedTable()), .init(name: "evm", table: second)], to: path.path)
        let sheets = try ExternalTools.sheetsAsCSV(path)
        #expect(Set(sheets.keys) == ["typed", "evm"])
        #expect(sheets["evm"] == "program,cv\nDigital,\"-1,284,452.88\"\n")
        let typed = try #require(sheets["typed"]).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(typed[0] == "name,count,ratio,cost,on,period,done")
        #expect(typed[1] == "\"Zürich, \"\"Hub\"\"\",42,0.902951208045535,\"1,234,567.89\",2025-06-30,2025-12,TRUE")
        #expect(typed[2] == "=SUM(A1),-7,-1.5,-0.05,1899-12-31,,FALSE", "text stays text, the early date is text")
        #expect(typed[3] == "<b>&amp;</b> _x0041_,,,3.59,,2023-01,")
        #expect(typed[4].hasPrefix(",1000000,"))
        #expect(typed[4].hasSuffix(",,2024-02-29,,TRUE"))
    }
}
