import RealizeStore
import Testing

@testable import RealizeODBC

/// Decimals fetched at one scale keep their units as they are; a value of another scale gives the
/// column the scale a ColumnBuilder would choose, with earlier values and nulls kept in place.
struct ODBCDecimalColumnTests {
    private func decimal(_ text: String) -> FixedDecimal { FixedDecimal(parsing: Substring(text))! }

    @Test func oneScaleKeepsUnitsAndNulls() {
        var c = ODBCDecimalColumn()
        c.appendNull()
        c.append(decimal("3199.20"))
        c.append(decimal("-0.05"))
        c.appendNull()
        let column = c.finish(name: "amount")
        #expect(column.name == "amount")
        #expect(column.type == .decimal)
        #expect((0..<4).map { column.value(at: $0) } == [.null, .decimal(decimal("3199.20")), .decimal(decimal("-0.05")), .null])
        #expect(column.invariantViolation() == nil)
    }

    @Test func withoutNullsThereIsNoValidity() {
        var c = ODBCDecimalColumn()
        c.append(decimal("1.5"))
        #expect(c.finish(name: "x").validity == nil)
    }

    @Test func mixedScalesMatchTheColumnBuilder() {
        let values: [FixedDecimal?] = [decimal("1.5"), nil, decimal("2"), decimal("0.125"), nil, decimal("-7.25")]
        var c = ODBCDecimalColumn()
        var b = ColumnBuilder(name: "x", type: .decimal)
        for v in values {
            if let v {
                c.append(v)
                b.append(.decimal(v))
            } else {
                c.appendNull()
                b.appendNull()
            }
        }
        let column = c.finish(name: "x")
        let expected = b.finish()
        #expect((0..<values.count).map { column.value(at: $0) } == (0..<values.count).map { expected.value(at: $0) })
        #expect(column.value(at: 3) == .decimal(decimal("0.125")))
        #expect(column.validity == expected.validity)
        #expect(column.invariantViolation() == nil)
    }
}
