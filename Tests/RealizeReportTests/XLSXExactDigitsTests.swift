import RealizeStore
import Testing

@testable import RealizeReport

/// Issue #10: a workbook keeps every digit. A number with more than 15 significant digits (all a spreadsheet's
/// double holds) is written as text, up to a 38-digit decimal at scale 18; with 15 or fewer, trailing zeros
/// included, it stays a number.
@Suite struct XLSXExactDigitsTests {
    static let long = FixedDecimal(units: Int128("12345678901234567890123456789012345678")!, scale: 18)

    static func table() -> Table {
        Table(columns: [
            Column(
                name: "n", type: .int,
                values: [.int(1_234_567_890_123_456), .int(123_456_789_012_345), .int(-123_456_789_012_345), .int(1_000_000_000_000_000_000)]),
            Column(
                name: "d", type: .decimal,
                values: [
                    .decimal(long), .decimal(FixedDecimal(units: FixedDecimal.pow10[18], scale: 18)),
                    .decimal(FixedDecimal(units: 12_345_678_901_234_500, scale: 2)), .decimal(FixedDecimal(units: -long.units, scale: 18)),
                ]),
        ])
    }

    @Test func moreThanFifteenSignificantDigitsAreTextWithEveryDigit() throws {
        var strings = SharedStrings()
        var styles = XLSXStyles()
        let sheet = try SheetXML(table: Self.table()).render(strings: &strings, styles: &styles)
        let check = XMLCheck.parse(sheet.text)
        #expect(check.error == nil, "\(check.error ?? "")")
        func cell(_ ref: String) -> String? {
            guard let r = sheet.text.range(of: "<c r=\"\(ref)\"") else { return nil }
            return String(sheet.text[r.lowerBound...].prefix { $0 != "/" })
        }
        // 16 digits: text, before a positive value was written as a lossy number.
        #expect(cell("A2")?.contains("t=\"s\"><v>\(strings.id("1234567890123456"))<") == true, "\(cell("A2") ?? "")")
        #expect(cell("A3") == "<c r=\"A3\"><v>123456789012345<")
        #expect(cell("A4") == "<c r=\"A4\"><v>-123456789012345<")
        #expect(cell("A5") == "<c r=\"A5\"><v>1000000000000000000<", "one significant digit")
        // 38 digits at scale 18, both signs: text holding every digit.
        #expect(Self.long.description == "12345678901234567890.123456789012345678")
        #expect(cell("B2")?.contains("t=\"s\"><v>\(strings.id(Self.long.description))<") == true, "\(cell("B2") ?? "")")
        #expect(cell("B5")?.contains("t=\"s\"><v>\(strings.id("-" + Self.long.description))<") == true, "\(cell("B5") ?? "")")
        // Trailing zeros are not significant: these are numbers.
        #expect(cell("B3")?.contains("<v>1.000000000000000000<") == true, "\(cell("B3") ?? "")")
        // The column holds one scale, 18.
        #expect(cell("B4")?.contains("<v>123456789012345.000000000000000000<") == true, "\(cell("B4") ?? "")")
    }

    @Test func significantDigitsIgnoreTrailingZeros() {
        #expect(SheetXML.significantDigits(0) == 0)
        #expect(SheetXML.significantDigits(1_200) == 2)
        #expect(SheetXML.significantDigits(UInt128(Int128.max)) == 39)
    }
}
