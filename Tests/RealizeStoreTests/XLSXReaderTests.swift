import Foundation
import RealizeStore
import Testing

/// The workbook reader over the committed fixtures (see `Fixtures/xlsx/make_fixtures.py`): three writers,
/// the 1904 date system, title rows and merged banners, errors, formulas, shared and inline strings.
@Suite struct XLSXReaderTests {
    static func fixture(_ name: String) -> String {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("xlsx/\(name)").path
    }

    static func values(_ table: Table, _ column: String) -> [Value] {
        let c = table.column(named: column)!
        return (0..<c.count).map { c.value(at: $0) }
    }

    @Test func handWrittenWorkbookFindsTheHeaderBelowTheBanner() throws {
        var notes: [String] = []
        let sheets = try XLSXReader.read(path: Self.fixture("finance.xlsx")) { notes.append($0) }
        #expect(sheets.map(\.tableName) == ["cost_report"])
        let t = sheets[0].table
        #expect(t.columnNames == ["project_id", "period_end", "actual_cost", "cpi", "owner", "note"])
        #expect(t.rowCount == 3)
        // Shared and inline strings, rich-text runs joined.
        #expect(Self.values(t, "project_id") == [.text("P001"), .text("P002"), .text("P003")])
        #expect(Self.values(t, "note") == [.text("rich text"), .null, .null])
        // The 1904 date system, read through a custom `dd.mm.yyyy` format.
        #expect(
            Self.values(t, "period_end") == [
                .date(CivilCalendar.days(year: 2025, month: 12, day: 31)), .date(CivilCalendar.days(year: 2026, month: 1, day: 31)),
                .date(CivilCalendar.days(year: 2026, month: 2, day: 28)),
            ])
        // 0.1 as written in the XML, exactly.
        #expect(Self.values(t, "actual_cost")[0] == .decimal(FixedDecimal(units: 1, scale: 1)))
        // A formula's cached value; error cells are null; a text formula keeps its leading zeros.
        #expect(Self.values(t, "cpi") == [.int(1), .null, .null])
        #expect(Self.values(t, "owner") == [.text("Zürich"), .text("0042"), .null])
        #expect(notes.contains { $0.contains("took row 3 as the header") })
        #expect(notes.contains { $0.contains("2 error cells") && $0.contains("finance.xlsx[Cost Report]!D5") })
    }

    @Test func openpyxlWorkbookHasTwoSheetsAndTypedCells() throws {
        let sheets = try XLSXReader.read(path: Self.fixture("openpyxl.xlsx"))
        #expect(sheets.map(\.tableName) == ["financials_2025", "owners"])
        let t = sheets[0].table
        #expect(Self.values(t, "amount")[0] == .decimal(FixedDecimal(units: 10, scale: 2)))
        #expect(Self.values(t, "approved") == [.bool(true), .bool(false), .bool(true)])
        #expect(Self.values(t, "period_start")[2] == .null)
        #expect(Self.values(sheets[1].table, "site") == [.text("Kraków")])
    }

    @Test func libreOfficeWorkbookReadsLikeItsCSV() throws {
        let sheets = try XLSXReader.read(path: Self.fixture("libreoffice.xlsx"))
        // LibreOffice's CSV import keeps `true`/`false` as text cells, and text cells load as text.
        let csv = try CSVReader.read(path: Self.fixture("libreoffice.csv"), options: .init(typeOverrides: ["go_live": .text]))
        #expect(sheets.count == 1)
        let t = sheets[0].table
        #expect(t.columnNames == csv.columnNames)
        for name in csv.columnNames { #expect(Self.values(t, name) == Self.values(csv, name), "\(name)") }
    }

    @Test func oneSheetRegionAndHeaderRow() throws {
        let one = try XLSXReader.read(path: Self.fixture("openpyxl.xlsx"), options: .init(sheet: "owners"))
        #expect(one.map(\.sheetName) == ["Owners"])
        let region = try XLSXReader.read(path: Self.fixture("finance.xlsx"), options: .init(range: "A3:C4"))
        #expect(region[0].table.columnNames == ["project_id", "period_end", "actual_cost"])
        #expect(region[0].table.rowCount == 1)
        let header = try XLSXReader.read(path: Self.fixture("finance.xlsx"), options: .init(headerRow: 3))
        #expect(header[0].table.rowCount == 3)
    }

    @Test func missingSheetDamagedAndEncryptedWorkbooksAreErrors() {
        #expect {
            try XLSXReader.read(path: Self.fixture("openpyxl.xlsx"), options: .init(sheet: "Budget"))
        } throws: { e in
            let e = e as! CSVError
            return e.code == .noSuchSheet && e.hint == "its sheets: 'Financials 2025', 'Owners'"
        }
        #expect { try XLSXReader.read(path: Self.fixture("damaged.xlsx")) } throws: { ($0 as! CSVError).code == .badWorkbook }
        #expect { try XLSXReader.read(path: Self.fixture("encrypted.xlsx")) } throws: {
            ($0 as! CSVError).message.contains("password-protected")
        }
    }

    @Test func portfolioLoaderReadsAWorkbook() throws {
        let loaded = try PortfolioLoader.load(path: Self.fixture("openpyxl.xlsx"))
        #expect(loaded.map(\.name) == ["financials_2025", "owners"])
    }
}

/// Rows as the CSV region is assembled from them: gaps, a row listed out of column order with a duplicate
/// cell (the later one wins), a row of error cells only (skipped), an error among values (null).
@Suite struct XLSXRowAssemblyTests {
    @Test func gapsOrderDuplicatesAndErrors() throws {
        var notes: [String] = []
        let sheets = try XLSXReader.read(path: XLSXReaderTests.fixture("unordered.xlsx")) { notes.append($0) }
        let t = try #require(sheets.first?.table)
        #expect(t.columnNames == ["id", "note", "cost"])
        #expect(XLSXReaderTests.values(t, "id") == [.text("P1"), .text("P2"), .text("P3")])
        #expect(XLSXReaderTests.values(t, "note") == [.null, .text("say \"hi\""), .null])
        let cost = try #require(FixedDecimal(parsing: "7.25"))
        #expect(XLSXReaderTests.values(t, "cost")[1] == .decimal(cost))
        #expect(XLSXReaderTests.values(t, "cost")[2] == .null)
        #expect(notes.contains { $0.contains("3 error cells loaded as null") && $0.contains("Costs]!A4") }, "\(notes)")
    }
}
