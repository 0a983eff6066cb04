import Foundation
import RealizeStore
import Testing

/// The European fixtures (`Fixtures/european/`), read with the sniffer: exact values, types and error positions.
struct EuropeanCSVTests {
    static var folder: URL { Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("european") }

    static func read(_ name: String, _ options: CSVReadOptions = .init()) throws -> (table: Table, report: CSVReadReport) {
        let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
        return try CSVReader.readSniffing(bytes: bytes, sourceName: name, options: options)
    }

    static func failure(_ name: String, _ options: CSVReadOptions = .init()) -> CSVError? {
        do {
            _ = try read(name, options)
            return nil
        } catch let error as CSVError {
            return error
        } catch {
            return nil
        }
    }

    static func dec(_ text: String) -> Value { .decimal(FixedDecimal(parsing: Substring(text))!) }
    static func date(_ y: Int, _ m: Int, _ d: Int) -> Value { .date(CivilCalendar.days(year: y, month: m, day: d)) }

    @Test func semicolonDecimalCommaWindows1252() throws {
        let (table, report) = try Self.read("semicolon_cp1252.csv")
        #expect(report.dialect == CSVDialect(delimiter: UInt8(ascii: ";"), encoding: .cp1252, decimalSeparator: UInt8(ascii: ",")))
        #expect(table.values("site") == [.text("Zürich"), .text("Kraków"), .text("Genève")])
        #expect(table.type("budget") == .decimal)
        #expect(table.values("budget") == [Self.dec("1234.56"), Self.dec("987654.32"), Self.dec("12.00")])
        #expect(table.values("actual") == [Self.dec("-12.50"), Self.dec("0.05"), .null])
        #expect(table.values("period_end") == [Self.date(2025, 12, 31), Self.date(2026, 1, 15), Self.date(2025, 2, 28)])
        #expect(report.note == "semicolon_cp1252.csv: ';'-separated, decimal comma, Windows-1252, dates dd.mm.yyyy")
        #expect(report.columns.map(\.format) == ["", "", "1.234,56", "1234,56", "dd.mm.yyyy"])
    }

    @Test func swissApostrophesCurrencyAndAccountingNegatives() throws {
        let (table, report) = try Self.read("swiss.csv")
        #expect(report.note == nil)
        #expect(table.values("amount") == [Self.dec("1234.50"), Self.dec("12345678.05"), Self.dec("99.00")])
        #expect(table.values("fee") == [Self.dec("-1234.50"), Self.dec("-0.75"), Self.dec("5.00")])
        #expect(report.columns.map(\.format) == ["", "CHF 1'234.56", "(1'234.56)"])
    }

    @Test func tabDollarsAndUSDates() throws {
        let (table, report) = try Self.read("accounting_tab.csv")
        #expect(report.dialect.delimiter == 9)
        #expect(table.values("amount") == [Self.dec("1234.50"), Self.dec("-1234.00"), Self.dec("0.99")])
        #expect(table.values("due") == [Self.date(2025, 12, 31), Self.date(2026, 1, 15), Self.date(2026, 2, 1)])
        #expect(report.note == "accounting_tab.csv: tab-separated, dates mm/dd/yyyy")
    }

    @Test func utf16WithNoBreakSpacesAndMonthNames() throws {
        let (table, report) = try Self.read("utf16_semicolon.csv")
        #expect(report.dialect.encoding == .utf16le)
        #expect(table.values("sponsor") == [.text("Łukasz Kraśnik"), .text("Zoë")])
        #expect(table.values("amount") == [Self.dec("1234.56"), Self.dec("12345678.9")])
        #expect(table.values("start") == [Self.date(2025, 1, 5), Self.date(2025, 3, 17)])
    }

    @Test func euroSymbolBeforeAndAfter() throws {
        let (table, _) = try Self.read("euro_pipe.csv")
        let expected = [Self.dec("1234.56"), Self.dec("-0.50"), Self.dec("1000000.00")]
        #expect(table.values("net") == expected)
        #expect(table.values("gross") == expected)
    }

    @Test func ambiguousDatesStopWithTheHint() throws {
        let error = try #require(Self.failure("ambiguous_dates.csv"))
        #expect(error.code == .ambiguousDates)
        #expect(error.line == 1 && error.column == 2)
        #expect(error.message.contains("`start`"))
        #expect(error.hint?.contains("dates dmy") == true && error.hint?.contains("dates mdy") == true)
        var options = CSVReadOptions()
        options.dateOrder = .dmy
        let (table, _) = try Self.read("ambiguous_dates.csv", options)
        #expect(table.values("start") == [Self.date(2025, 2, 1), Self.date(2025, 4, 3), Self.date(2025, 11, 12)])
        options.dateOrder = .mdy
        #expect(try Self.read("ambiguous_dates.csv", options).table.values("start").first == Self.date(2025, 1, 2))
    }

    @Test func aValueOutOfFormatIsAnErrorAtItsCell() throws {
        let error = try #require(Self.failure("misfit.csv"))
        #expect(error.description == "misfit.csv:4:2: error: expected a number written as 1.234,56 in column 2 (`amount`), found \"1,234.56\"")
    }

    @Test func anImpossibleDayIsAnErrorAtItsCell() throws {
        let text = "id;d\nA;31.12.2025\nB;30.02.2025\n"
        #expect(throws: CSVError.self) { try CSVReader.readSniffing(bytes: Array(text.utf8), sourceName: "t.csv") }
        do {
            _ = try CSVReader.readSniffing(bytes: Array(text.utf8), sourceName: "t.csv")
        } catch {
            #expect(error.line == 3 && error.column == 2 && error.message.contains("dd.mm.yyyy"))
        }
    }

    @Test func explicitOptionsOverrideTheSniffer() throws {
        // `1.234` alone cannot tell a decimal comma from a point: the option decides.
        let text = "id;amount\nA;1.234\nB;2.500\n"
        var options = CSVReadOptions()
        options.decimalSeparator = UInt8(ascii: ",")
        let comma = try CSVReader.readSniffing(bytes: Array(text.utf8), sourceName: "t.csv", options: options).table
        #expect(comma.values("amount") == [.int(1234), .int(2500)])
        let point = try CSVReader.readSniffing(bytes: Array(text.utf8), sourceName: "t.csv").table
        #expect(point.values("amount") == [Self.dec("1.234"), Self.dec("2.500")])
        options.delimiter = UInt8(ascii: ",")
        let oneColumn = try CSVReader.readSniffing(bytes: Array(text.utf8), sourceName: "t.csv", options: options).table
        #expect(oneColumn.columnNames == ["id;amount"])
    }

    @Test func trailingMinusAndNarrowNoBreakSpace() throws {
        let text = "id;amount\nA;1\u{202F}234,56-\nB;7,00\n"
        let table = try CSVReader.readSniffing(bytes: Array(text.utf8), sourceName: "t.csv").table
        #expect(table.values("amount") == [Self.dec("-1234.56"), Self.dec("7.00")])
    }

    @Test func mixedCurrenciesStayText() throws {
        let text = "id,amount\nA,CHF 10.00\nB,EUR 12.00\nC,n/a\n"
        let table = try CSVReader.readSniffing(bytes: Array(text.utf8), sourceName: "t.csv").table
        #expect(table.type("amount") == .text)
    }

    @Test func aPlainFileHasNoNote() throws {
        let text = "id,amount,day\nA,1.50,2025-01-31\n"
        let (table, report) = try CSVReader.readSniffing(bytes: Array(text.utf8), sourceName: "t.csv")
        #expect(report.note == nil)
        #expect(table.values("amount") == [Self.dec("1.50")])
    }

    @Test func utf8WithBOMAndInvalidUTF16() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("id;v\nA;1,5\n".utf8)
        let (table, report) = try CSVReader.readSniffing(bytes: bom, sourceName: "t.csv")
        #expect(report.dialect.encoding == .utf8 && table.values("v") == [Self.dec("1.5")])
        let odd: [UInt8] = [0xFF, 0xFE, 0x41, 0x00, 0x42]
        #expect(throws: CSVError.self) { try CSVReader.readSniffing(bytes: odd, sourceName: "t.csv") }
    }

    @Test func typeOverridesWorkWithTheFormats() throws {
        var options = CSVReadOptions(typeOverrides: ["actual": .double, "budget": .decimal, "site": .text])
        options.encoding = .cp1252
        let table = try Self.read("semicolon_cp1252.csv", options).table
        #expect(table.values("actual") == [.double(-12.5), .double(0.05), .null])
        #expect(table.values("budget") == [Self.dec("1234.56"), Self.dec("987654.32"), Self.dec("12.00")])
    }

    @Test func anErrorInAWindows1252FileNamesItsLineAndColumn() throws {
        let text = "site;amount\r\nZürich;1.234,56\r\nKraków;2.000,00\r\nGenève;1,234.56\r\n"
        let bytes = text.unicodeScalars.map { UInt8($0.value) }  // Latin-1 range: the Windows-1252 bytes
        do {
            _ = try CSVReader.readSniffing(bytes: bytes, sourceName: "t.csv")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 4 && error.column == 2, "\(error)")
            #expect(error.code == .badValue)
        }
    }

    @Test func aWindows1252ByteBeyondTheSniffedPrefixStillReadsRight() throws {
        var bytes = Array("id;note\n".utf8)
        for k in 0..<5000 { bytes += Array("R\(k);plain ascii text\n".utf8) }
        bytes += Array("Z;Z".utf8) + [0xFC] + Array("rich\n".utf8)  // "Zürich" in Windows-1252, past 64 KiB
        let (table, report) = try CSVReader.readSniffing(bytes: bytes, sourceName: "t.csv")
        #expect(report.dialect.encoding == .cp1252)
        #expect(table.values("note").last == .text("Zürich"))
    }
}
