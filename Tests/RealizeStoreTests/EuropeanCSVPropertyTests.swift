import RealizeStore
import RealizeTestSupport
import Testing

/// Random tables written as European (or US) CSV with random options read back equal through the sniffer.
struct EuropeanCSVPropertyTests {
    static let words = ["Zürich", "Kraków", "Genève", "Málaga", "Øresund", "Smith, J.", "a;b", "pipe|bar", "say \"hi\"", "Åsa", "Ærø", "ß-Straße", "plain"]

    /// A random table: text, int, decimal (scale 2), date, period and bool columns, with some nulls.
    static func randomTable(_ g: inout SeededGenerator) -> Table {
        let rows = g.int(3...40)
        func values(_ make: (inout SeededGenerator) -> Value) -> [Value] {
            (0..<rows).map { r in r > 0 && g.chance(0.15) ? .null : make(&g) }
        }
        let big = g.chance(0.5)
        let columns: [Column] = [
            Column(name: "name", type: .text, values: values { .text($0.pick(words)) }),
            Column(name: "count", type: .int, values: values { .int(Int64($0.int(-5000...5000))) }),
            Column(
                name: "amount", type: .decimal,
                values: values { .decimal(FixedDecimal(units: Int128($0.int(big ? -9_999_999_999...9_999_999_999 : -99_999...99_999)), scale: 2)) }),
            Column(name: "day", type: .date, values: values { .date(Int32($0.int(7300...22000))) }),
            Column(name: "month", type: .period, values: values { .period(Int32($0.int(24000...24400))) }),
            Column(name: "done", type: .bool, values: values { .bool($0.chance(0.5)) }),
        ]
        return Table(columns: columns, rowCount: rows)
    }

    static func randomStyle(_ g: inout SeededGenerator) -> EuropeanCSV {
        var style = EuropeanCSV()
        style.delimiter = g.pick([",", ";", "\t", "|"])
        style.decimalComma = g.chance(0.6)
        style.thousands = g.pick(style.decimalComma ? [nil, ".", " ", "\u{A0}", "'"] : [nil, ",", "'", "\u{202F}"])
        style.dateOrder = g.pick([.dmy, .mdy, .ymd])
        style.dateSeparator = g.pick([".", "/", "-"])
        style.encoding = g.pick([.utf8, .cp1252, .utf16le, .utf16be])
        style.crlf = g.chance(0.5)
        if style.encoding == .cp1252 && style.thousands == "\u{202F}" { style.thousands = "\u{A0}" }  // not in Windows-1252
        return style
    }

    @Test func randomTablesSurviveARoundTrip() throws {
        var g = FuzzSeed.generator(default: 0x5EED_E0)
        for iteration in 0..<150 {
            let table = Self.randomTable(&g)
            let style = Self.randomStyle(&g)
            let bytes = style.render(table)
            // Dates whose days are all ≤ 12 cannot tell dmy from mdy: say the order, as a user would.
            var options = CSVReadOptions()
            options.dateOrder = style.dateOrder
            let read: Table
            do {
                read = try CSVReader.readSniffing(bytes: bytes, sourceName: "random.csv", options: options).table
            } catch {
                Issue.record("seed \(g.seed) iteration \(iteration) \(style): \(error.fullDescription)")
                return
            }
            if let diff = TableDiff.firstDifference(read, table) {
                Issue.record("seed \(g.seed) iteration \(iteration) \(style): \(diff)")
                return
            }
        }
    }
}
