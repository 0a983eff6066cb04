import RealizeStore
import RealizeTestSupport
import Testing

@Suite struct CSVWriterTests {
    static func table(_ columns: [(String, DataType, [Value])]) -> Table {
        Table(columns: columns.map { Column(name: $0.0, type: $0.1, values: $0.2) })
    }

    static let mixed = table([
        ("id", .int, [.int(1), .int(-22), .null]),
        ("amount", .decimal, [.decimal(FixedDecimal(units: 12345, scale: 2)), .decimal(FixedDecimal(units: -5, scale: 2)), .null]),
        ("ratio", .double, [.double(0.5), .double(1e-7), .double(3)]),
        ("day", .date, [.date(CivilCalendar.days(year: 2024, month: 2, day: 29)), .null, .date(0)]),
        ("month", .period, [.period(CivilCalendar.period(year: 2024, month: 1)), .null, .null]),
        ("ok", .bool, [.bool(true), .bool(false), .null]),
    ])

    @Test func rawValues() {
        #expect(
            CSVWriter.string(of: Self.mixed) == """
                id,amount,ratio,day,month,ok
                1,123.45,0.5,2024-02-29,2024-01,true
                -22,-0.05,1e-07,,,false
                ,,3,1970-01-01,,

                """)
    }

    @Test func decimalsMatchFixedDecimalDescription() {
        let values: [FixedDecimal] = [
            .init(units: 0, scale: 3), .init(units: -1, scale: 4), .init(units: .max, scale: 18),
            .init(units: .min, scale: 2), .init(units: 100, scale: 0),
        ]
        for d in values {
            let t = Self.table([("x", .decimal, [.decimal(d)])])
            let text = CSVWriter.string(of: t, options: .init(header: false))
            #expect(text == d.rescaled(to: d.scale)!.description + "\n")
        }
    }

    @Test func quoting() {
        let texts = ["plain", "a,b", "say \"hi\"", "two\nlines", "cr\rhere", " lead", "trail ", "", "Zürich"]
        let t = Self.table([("s", .text, texts.map(Value.text) + [.null])])
        #expect(
            CSVWriter.string(of: t) == """
                s
                plain
                "a,b"
                "say ""hi\"\"\"
                "two
                lines"
                "cr\rhere"
                " lead"
                "trail "
                ""
                Zürich


                """)
    }

    @Test func crlfLineEndings() {
        let t = Self.table([("a", .int, [.int(1)]), ("b", .text, [.text("x\ny")])])
        #expect(CSVWriter.string(of: t, options: .init(lineEnding: .crlf)) == "a,b\r\n1,\"x\ny\"\r\n")
    }

    @Test func byteOrderMarkOnlyWhenAsked() {
        let t = Self.table([("a", .int, [.int(1)])])
        #expect(CSVWriter.write(t) == Array("a\n1\n".utf8))
        #expect(CSVWriter.write(t, options: .init(bom: true)) == [0xEF, 0xBB, 0xBF] + Array("a\n1\n".utf8))
        #expect(CSVWriter.bytes(of: t, options: .init(byteOrderMark: true)).prefix(3) == [0xEF, 0xBB, 0xBF])
    }

    @Test func formulasAreNeutralisedByDefault() {
        let t = Self.table([
            ("f", .text, [.text("=SUM(A1:A9)"), .text("+1"), .text("-x"), .text("@cmd"), .text("\tx"), .text("\rx"), .text("ok=1")]),
            ("n", .int, [.int(-5), .int(1), .int(2), .int(3), .int(4), .int(5), .int(6)]),
        ])
        #expect(CSVWriter.string(of: t) == "f,n\n'=SUM(A1:A9),-5\n'+1,1\n'-x,2\n'@cmd,3\n'\tx,4\n\"'\rx\",5\nok=1,6\n")
        #expect(
            CSVWriter.string(of: t, options: .init(neutraliseFormulas: false))
                == "f,n\n=SUM(A1:A9),-5\n+1,1\n-x,2\n@cmd,3\n\"\tx\",4\n\"\rx\",5\nok=1,6\n")
    }

    @Test func negativeDecimalsAndDatesAreNotNeutralised() {
        let t = Self.table([("d", .decimal, [.decimal(FixedDecimal(units: -150, scale: 2))])])
        #expect(CSVWriter.string(of: t) == "d\n-1.50\n")
    }

    @Test func withoutHeader() {
        let t = Self.table([("a", .int, [.int(1)])])
        #expect(CSVWriter.string(of: t, options: .init(header: false)) == "1\n")
    }

    @Test func streamingGivesTheSameBytesInChunks() {
        let t = Self.table([("s", .text, (0..<5000).map { .text("row \($0), with a comma") })])
        var streamed: [UInt8] = []
        var chunks = 0
        CSVWriter.write(t, chunkSize: 4096) { chunk in
            streamed += chunk
            chunks += 1
        }
        #expect(streamed == CSVWriter.write(t))
        #expect(chunks > 10)
    }

    @Test func writtenTablesReadBack() throws {
        let back = try CSVReader.read(bytes: CSVWriter.write(Self.mixed), sourceName: "w.csv")
        #expect(TableDiff.firstDifference(back, Self.mixed) == nil)
    }
}
