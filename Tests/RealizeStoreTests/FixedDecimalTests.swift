import RealizeStore
import Testing

/// FixedDecimal at 128 bits: 38 digits, scales 0 to 18.
@Suite struct FixedDecimalTests {
    static func parse(_ s: String) -> FixedDecimal? { FixedDecimal(parsing: Substring(s)) }

    @Test(arguments: [
        "99999999999999999999999999999999999999", "-99999999999999999999999999999999999999",
        "12345678901234567890.123456789012345678", "-0.000000000000000001", "0.000000000000000000", "1.50",
    ])
    func thirtyEightDigitsParseAndFormatBack(_ text: String) throws {
        let d = try #require(Self.parse(text))
        #expect(d.description == text)
    }

    @Test func scaleAndUnitsOfParsedValues() throws {
        let d = try #require(Self.parse("-12345678901234567890.123456789012345678"))
        #expect(d.scale == 18)
        #expect(d.units == -Int128("12345678901234567890123456789012345678")!)
        #expect(Self.parse("999999999999999999999999999999999999999") == nil, "39 digits")
    }

    @Test func rescalingRoundsHalfAwayFromZero() {
        #expect(FixedDecimal.rescale(125, from: 2, to: 1) == 13)
        #expect(FixedDecimal.rescale(-125, from: 2, to: 1) == -13)
        #expect(FixedDecimal.rescale(124, from: 2, to: 1) == 12)
        #expect(FixedDecimal.rescale(-5, from: 18, to: 17) == -1)
        #expect(FixedDecimal(units: 1, scale: 0).rescaled(to: 18) == FixedDecimal(units: FixedDecimal.pow10[18], scale: 18))
    }

    @Test func wideningPastInt128IsNil() {
        #expect(FixedDecimal.rescale(FixedDecimal.maxUnits, from: 0, to: 18) == nil)
        #expect(FixedDecimal(units: -FixedDecimal.maxUnits, scale: 0).rescaled(to: 2) == nil)
        #expect(FixedDecimal.fits(FixedDecimal.maxUnits))
        #expect(!FixedDecimal.fits(FixedDecimal.maxUnits + 1))
    }

    @Test func comparisonAcrossScales() throws {
        #expect(FixedDecimal(units: 150, scale: 2) == FixedDecimal(units: 15, scale: 1))
        #expect(FixedDecimal(units: 1, scale: 18) < FixedDecimal(units: 1, scale: 17))
        #expect(FixedDecimal(units: -FixedDecimal.maxUnits, scale: 0) < FixedDecimal(units: -1, scale: 18))
        #expect(FixedDecimal(units: FixedDecimal.maxUnits, scale: 18) < FixedDecimal(units: 100_000_000_000_000_000_000, scale: 0))
        #expect(FixedDecimal.compare(FixedDecimal.maxUnits, 0, FixedDecimal.maxUnits, 18) == 1)
    }
}
