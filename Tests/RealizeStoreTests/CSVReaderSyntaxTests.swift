import RealizeStore
import RealizeTestSupport
import Testing

@Suite struct CSVReaderSyntaxTests {
    static let expected: [Value] = [.text("a,b"), .text("say \"hi\""), .text("two\nlines")]

    @Test func quotedCommasQuotesAndLineBreaks() throws {
        let t = try readCSV("id,s\n1,\"a,b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\n")
        #expect(t.values("s") == Self.expected)
        #expect(t.values("id") == [.int(1), .int(2), .int(3)])
    }

    @Test func crlfLineEndingsReadLikeLF() throws {
        let lf = try readCSV("id,s\n1,\"a,b\"\n2,x\n")
        let crlf = try readCSV("id,s\r\n1,\"a,b\"\r\n2,x\r\n")
        #expect(TableDiff.firstDifference(crlf, lf) == nil)
    }

    @Test func crlfInsideQuotesIsKept() throws {
        let t = try readCSV("s\r\n\"a\r\nb\"\r\n")
        #expect(t.values("s") == [.text("a\r\nb")])
    }

    @Test func lastLineWithoutNewline() throws {
        let t = try readCSV("a,b\n1,2\n3,4")
        #expect(t.rowCount == 2)
        #expect(t.values("b") == [.int(2), .int(4)])
        #expect(try readCSV("a,b\n1,2\n3,\"x\"").values("b") == [.text("2"), .text("x")])
    }

    @Test func trailingCommaAtTheVeryEndIsAnEmptyField() throws {
        let t = try readCSV("a,b\n1,")
        #expect(t.values("b") == [.null])
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let t = try CSVReader.read(bytes: [0xEF, 0xBB, 0xBF] + Array("id,name\n1,Zürich\n".utf8), sourceName: "bom.csv")
        #expect(t.columnNames == ["id", "name"])
        #expect(t.values("name") == [.text("Zürich")])
    }

    @Test func nullVersusEmptyString() throws {
        let t = try readCSV("id,s,n\n1,,\n2,\"\",\"\"\n3,x,5\n")
        #expect(t.type("s") == .text)
        #expect(t.values("s") == [.null, .text(""), .text("x")])
        #expect(t.type("n") == .int)
        #expect(t.values("n") == [.null, .null, .int(5)])
    }

    @Test func headerOnlyGivesNoRows() throws {
        let t = try readCSV("a,b\n")
        #expect(t.rowCount == 0)
        #expect(t.columnNames == ["a", "b"])
        #expect(t.columns.map(\.type) == [.text, .text])
        #expect(try readCSV("a,b\n", overrides: ["a": .int]).type("a") == .int)
    }

    @Test func blankLinesAreSkippedWhenThereAreSeveralColumns() throws {
        let t = try readCSV("a,b\n1,2\n\n3,4\n\n")
        #expect(t.values("a") == [.int(1), .int(3)])
    }

    @Test func blankLinesAreNullsInAOneColumnFile() throws {
        let t = try readCSV("a\n1\n\n3\n\n")
        #expect(t.values("a") == [.int(1), .null, .int(3), .null])
    }

    @Test func quotedHeaderNames() throws {
        let t = try readCSV("\"a,b\",\"say \"\"x\"\"\"\n1,2\n")
        #expect(t.columnNames == ["a,b", "say \"x\""])
    }

    @Test func nonASCIIText() throws {
        let t = try readCSV("s\nZürich\n日本\n😀\n")
        #expect(t.values("s") == [.text("Zürich"), .text("日本"), .text("😀")])
    }

    @Test func overrides() throws {
        let t = try readCSV(
            "zip,amount,flag,unused\n00123,1,true,x\n04567,2.5,false,y\n",
            overrides: ["zip": .text, "amount": .double, "flag": .text, "missing": .int])
        #expect(t.values("zip") == [.text("00123"), .text("04567")])
        #expect(t.values("amount") == [.double(1), .double(2.5)])
        #expect(t.values("flag") == [.text("true"), .text("false")])
    }

    @Test func decimalOverrideTakesTheWidestScale() throws {
        let t = try readCSV("x\n1\n0.123456\n", overrides: ["x": .decimal])
        guard case .decimal(let units, let scale) = t.column(named: "x")!.storage else { Issue.record("not decimal"); return }
        #expect(scale == 6)
        #expect(Array(units) == [1_000_000, 123_456])
    }

    @Test func overrideThatAValueCannotSatisfy() {
        let e = csvError("id,score\n1,5\n2,n/a\n", overrides: ["score": .int])
        #expect(e?.description == "test.csv:3:2: error: expected an integer in column 2 (`score`), found \"n/a\"")
        #expect(e?.code == .badValue)
        #expect(e?.hint?.contains("type override") == true)
    }

    @Test func errorLineCountsLineBreaksInsideQuotes() {
        let e = csvError("id,note,n\n1,\"a\nb\nc\",2\n2,x,oops\n", overrides: ["n": .int])
        #expect(e?.line == 5)
        #expect(e?.column == 3)
    }

    @Test func longValuesAreCutInMessages() {
        let long = String(repeating: "x", count: 100)
        let e = csvError("n\n\(long)\n", overrides: ["n": .int])
        #expect(e?.message.contains(String(repeating: "x", count: 40) + "…") == true)
    }

    @Test func missingFile() {
        #expect(throws: CSVError.self) { try CSVReader.read(path: "/nonexistent/folder/x.csv") }
        do {
            _ = try CSVReader.read(path: "/nonexistent/folder/x.csv")
        } catch {
            #expect(error.description == "/nonexistent/folder/x.csv: error: cannot read the file: No such file or directory")
        }
    }

    @Test func errorDescriptionWithHint() {
        let e = CSVError(file: "f.csv", line: 2, column: 3, message: "bad", hint: "fix it", code: .badValue)
        #expect(e.description == "f.csv:2:3: error: bad")
        #expect(e.fullDescription == "f.csv:2:3: error: bad\nf.csv:2:3: note: fix it")
    }
}
