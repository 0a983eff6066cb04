import Foundation
import PropertyBased
import RealizeStore
import RealizeTestSupport
import Testing

/// Property: any table written with neutralisation off and read back with its own types as
/// overrides comes back cell for cell.
@Suite struct CSVRoundTripTests {
    /// Pieces of nasty text: separators, quotes, line breaks, spaces, formula starts, non-ASCII.
    static let pieces = [
        "a", "Z", "0", "1.5", ",", "\"", "\"\"", "\r", "\n", "\r\n", " ", "  ", "\t", "=", "+", "-", "@", "'",
        "é", "Zürich", "日本", "😀", "true", "2024-01", "x y", "NULL", "\u{FEFF}",
    ]
    static let text = Gen.element(of: pieces).map { $0! }.array(of: 0...5).map { $0.joined() }

    /// Column names as nasty as the values, but distinct and non-empty.
    static let names = ["id", "amount, net", "say \"x\"", " spaced ", "=SUM(A1)", "two\nlines", "Zürich", "flag"]

    static let dateRange = CivilCalendar.days(year: 0, month: 1, day: 1)...CivilCalendar.days(year: 9999, month: 12, day: 31)

    /// One row of the widest table: a value (or nil for null) per column type, two text columns.
    static let row = zip(
        Gen.int64(in: .min ... .max).optional,
        Gen.int64(in: -10_000_000_000...10_000_000_000).optional,
        zip(Gen.double(in: -1000...1000), Gen.int(in: -30...30)).map { $0 * pow(10, Double($1)) }.optional,
        text.optional,
        text.optional,
        Gen.int32(in: dateRange).optional,
        Gen.int32(in: 0...(9999 * 12 + 11)).optional,
        Gen.bool.optional
    )

    static func table(rows: [(Int64?, Int64?, Double?, String?, String?, Int32?, Int32?, Bool?)], scale: Int, mask: Int) -> Table {
        func column(_ k: Int, _ type: DataType, _ value: (Int) -> Value?) -> Column {
            Column(name: names[k], type: type, values: rows.indices.map { value($0) ?? .null })
        }
        let all = [
            column(0, .int) { rows[$0].0.map(Value.int) },
            column(1, .decimal) { rows[$0].1.map { .decimal(FixedDecimal(units: Int128($0), scale: scale)) } },
            column(2, .double) { rows[$0].2.map(Value.double) },
            column(3, .text) { rows[$0].3.map(Value.text) },
            column(4, .text) { rows[$0].4.map(Value.text) },
            column(5, .date) { rows[$0].5.map(Value.date) },
            column(6, .period) { rows[$0].6.map(Value.period) },
            column(7, .bool) { rows[$0].7.map(Value.bool) },
        ]
        var chosen = all.indices.filter { mask & (1 << $0) != 0 }.map { all[$0] }
        if chosen.isEmpty { chosen = [all[3]] }
        return Table(columns: chosen, rowCount: rows.count)
    }

    static func roundTrip(_ original: Table, _ options: CSVWriteOptions) -> String? {
        let bytes = CSVWriter.write(original, options: options)
        let overrides = Dictionary(uniqueKeysWithValues: original.columns.map { ($0.name, $0.type) })
        do {
            let back = try CSVReader.read(bytes: bytes, sourceName: "roundtrip.csv", options: CSVReadOptions(typeOverrides: overrides, periodYears: 0...9999))
            back.checkInvariants()
            return TableDiff.firstDifference(back, original).map { $0 + "\nCSV:\n" + String(decoding: bytes, as: UTF8.self) }
        } catch {
            return error.fullDescription + "\nCSV:\n" + String(decoding: bytes, as: UTF8.self)
        }
    }

    @Test func tablesSurviveARoundTrip() async {
        await propertyCheck(count: 300, input: Self.row.array(of: 0...12), Gen.int(in: 0...6), Gen.int(in: 0...255), Gen.bool) {
            rows, scale, mask, crlf in
            let original = Self.table(rows: rows, scale: scale, mask: mask)
            let options = CSVWriteOptions(lineEnding: crlf ? .crlf : .lf, bom: crlf, neutraliseFormulas: false)
            let difference = Self.roundTrip(original, options)
            #expect(difference == nil)
        }
    }

    @Test func oneColumnTablesSurviveARoundTrip() async {
        await propertyCheck(count: 200, input: Self.text.optional.array(of: 0...10)) { values in
            let original = Table(columns: [Column(name: "only", type: .text, values: values.map { $0.map(Value.text) ?? .null })])
            #expect(Self.roundTrip(original, CSVWriteOptions(neutraliseFormulas: false)) == nil)
        }
    }

    @Test func inferenceRecoversTheTypesOfTypicalColumns() async {
        await propertyCheck(count: 100, input: Gen.int64(in: -1_000_000_000...1_000_000_000).array(of: 1...10)) { units in
            let original = Table(columns: [
                Column(name: "money", type: .decimal, values: units.map { .decimal(FixedDecimal(units: Int128($0), scale: 2)) }),
                Column(name: "count", type: .int, values: units.map { .int($0) }),
            ])
            let back = try CSVReader.read(bytes: CSVWriter.write(original), sourceName: "typical.csv")
            #expect(TableDiff.firstDifference(back, original) == nil)
        }
    }
}
