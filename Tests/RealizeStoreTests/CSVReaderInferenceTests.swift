import RealizeStore
import Testing

@Suite struct CSVReaderInferenceTests {
    @Test func integers() throws {
        let t = try readCSV("n\n1\n-2\n+3\n9223372036854775807\n-9223372036854775808\n")
        #expect(t.type("n") == .int)
        #expect(t.values("n") == [.int(1), .int(-2), .int(3), .int(.max), .int(.min)])
    }

    @Test func integerTooLargeForInt64IsAnExactDecimal() throws {
        let t = try readCSV("n\n1\n9223372036854775808\n")
        #expect(t.type("n") == .decimal)
        #expect(t.values("n") == [.decimal(FixedDecimal(units: 1, scale: 0)), .decimal(FixedDecimal(units: 9_223_372_036_854_775_808, scale: 0))])
    }

    @Test func integerOfMoreThan38DigitsIsText() throws {
        let t = try readCSV("n\n1\n123456789012345678901234567890123456789\n")
        #expect(t.type("n") == .text)
    }

    @Test func manyDigitsAndDecimalsStayExact() throws {
        let t = try readCSV("a,b,c\n1234567890123456.78,0.10000,1.084375\n-577768494371742.3,0.00001,0.000000000000000001\n")
        #expect(t.type("a") == .decimal)
        #expect(t.values("a").map(\.description) == ["1234567890123456.78", "-577768494371742.30"])
        #expect(t.values("b").map(\.description) == ["0.10000", "0.00001"])
        #expect(t.values("c").map(\.description) == ["1.084375000000000000", "0.000000000000000001"])
        let wide = try readCSV("x\n12345678901234567890.123456789012345678\n")
        #expect(wide.values("x").map(\.description) == ["12345678901234567890.123456789012345678"])
    }

    @Test func moneyIsDecimal() throws {
        let t = try readCSV("amount\n123.45\n-0.5\n7\n.25\n")
        #expect(t.type("amount") == .decimal)
        guard case .decimal(let units, let scale) = t.column(named: "amount")!.storage else { Issue.record("not decimal"); return }
        #expect(scale == 2)
        #expect(Array(units) == [12345, -50, 700, 25])
    }

    @Test func intColumnWithSomeDecimalsBecomesDecimal() throws {
        let t = try readCSV("x\n1\n2\n2.5\n")
        #expect(t.type("x") == .decimal)
        #expect(
            t.values("x") == [
                .decimal(FixedDecimal(units: 10, scale: 1)), .decimal(FixedDecimal(units: 20, scale: 1)),
                .decimal(FixedDecimal(units: 25, scale: 1)),
            ])
    }

    @Test func fourFractionalDigitsStayDecimal() throws {
        #expect(try readCSV("x\n1.2345\n").type("x") == .decimal)
    }

    @Test func moreThan18DecimalsOrExponentsAreDouble() throws {
        let t = try readCSV("a,b,c\n1.2345600000000000000,1e3,-2.5E-2\n2,2,1\n")
        #expect(t.type("a") == .double)
        #expect(t.type("b") == .double)
        #expect(t.type("c") == .double)
        #expect(t.values("a") == [.double(1.23456), .double(2)])
        #expect(t.values("b") == [.double(1000), .double(2)])
        #expect(t.values("c") == [.double(-0.025), .double(1)])
    }

    @Test func doublesParseExactlyLikeTheStandardLibrary() throws {
        let texts = [
            "0.1", "0.30000000000000004", "1.7976931348623157e308", "4.9e-324", "123456789012345678901234",
            "1e-7", "5e+20", "-0.0", "2.2250738585072014e-308", "9007199254740993", "0.000001234567",
        ]
        let t = try readCSV("x\n" + texts.joined(separator: "\n") + "\n", overrides: ["x": .double])
        for (k, text) in texts.enumerated() {
            #expect(t.values("x")[k] == .double(Double(text)!), "\(text)")
        }
    }

    /// NaN and ±Inf make the column a double column, and are then refused naming the cell (README, "Loading data").
    @Test(arguments: [("x\n1.5e3\nNaN\n-inf\n", 3, "\"NaN\""), ("x\n1\n2\n-inf\n", 4, "\"-inf\""), ("x\n0.5\n1e999\n", 3, "\"1e999\"")])
    func nanAndInfinityAreRefused(_ text: String, line: Int, found: String) throws {
        #expect(
            throws: CSVError(
                file: "test.csv", line: line, column: 1, message: "expected a finite number in column 1 (`x`), found \(found)",
                hint: "NaN and infinities are not loaded; leave the field empty for a missing value", code: .badValue)
        ) { try readCSV(text) }
    }

    @Test func dates() throws {
        let t = try readCSV("d\n2024-02-29\n1970-01-01\n")
        #expect(t.type("d") == .date)
        #expect(t.values("d") == [.date(CivilCalendar.days(year: 2024, month: 2, day: 29)), .date(0)])
    }

    @Test func invalidDatesMakeText() throws {
        #expect(try readCSV("d\n2024-01-01\n2023-02-29\n").type("d") == .text)
        #expect(try readCSV("d\n2024-13-01\n").type("d") == .text)
        #expect(try readCSV("d\n2024-1-01\n").type("d") == .text)
    }

    @Test func periods() throws {
        let t = try readCSV("p\n2024-01\n2023-12\n")
        #expect(t.type("p") == .period)
        #expect(t.values("p") == [.period(CivilCalendar.period(year: 2024, month: 1)), .period(CivilCalendar.period(year: 2023, month: 12))])
        #expect(try readCSV("p\n2024-00\n").type("p") == .text)
    }

    @Test func boolsInAnyCase() throws {
        let t = try readCSV("b\ntrue\nFALSE\nTrue\n\n")
        #expect(t.type("b") == .bool)
        #expect(t.values("b") == [.bool(true), .bool(false), .bool(true), .null])
        #expect(try readCSV("b\ntrue\nyes\n").type("b") == .text)
    }

    @Test func allNullColumnIsText() throws {
        let t = try readCSV("a,b\n1,\n2,\n")
        #expect(t.type("b") == .text)
        #expect(t.values("b") == [.null, .null])
    }

    @Test func mixedValuesAreText() throws {
        let t = try readCSV("x\n1\n2024-01-01\ntrue\n")
        #expect(t.type("x") == .text)
        #expect(t.values("x") == [.text("1"), .text("2024-01-01"), .text("true")])
    }

    @Test func nullsDoNotChangeTheType() throws {
        let t = try readCSV("a,b\n1,\n,2024-01\n3,2024-02\n")
        #expect(t.type("a") == .int)
        #expect(t.type("b") == .period)
        #expect(t.values("a") == [.int(1), .null, .int(3)])
        #expect(t.column(named: "a")!.nullCount == 1)
    }

    @Test func quotedNumbersAreNumbers() throws {
        let t = try readCSV("a\n\"12\"\n\"3.5\"\n")
        #expect(t.type("a") == .decimal)
    }

    @Test func decimalExactness() throws {
        let t = try readCSV("amount\n0.7\n0.79\n1\n1.1\n")
        guard case .decimal(let units, let scale) = t.column(named: "amount")!.storage else { Issue.record("not decimal"); return }
        #expect(scale == 2)
        #expect(units.reduce(0, +) == 359)
        #expect(FixedDecimal(units: units.reduce(0, +), scale: scale).description == "3.59")
    }

    @Test func textIsDictionaryEncoded() throws {
        let t = try readCSV("k\nP1\nP2\nP1\nP1\n\"P2\"\n")
        guard case .text(let codes, let dictionary) = t.column(named: "k")!.storage else { Issue.record("not text"); return }
        #expect(dictionary == ["P1", "P2"])
        #expect(codes == [0, 1, 0, 0, 1])
        t.checkInvariants()
    }
}
