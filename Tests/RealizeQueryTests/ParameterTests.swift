import RealizeStore
import Testing

@testable import RealizeQuery

/// `$name` parameters: lexed as one token, read like literals, bound from the session, checked like
/// literals, and an unknown name is an error with did-you-mean.
@Suite struct ParameterTests {
    var session: QuerySession {
        var catalog = Catalog()
        catalog.set(
            "f",
            Table(columns: [
                Column(name: "period", type: .period, values: [.period(24_300), .period(24_301)]),
                Column(name: "cost", type: .int, values: [.int(5), .int(7)]),
            ]))
        return QuerySession(catalog: catalog)
    }

    @Test func theLexerReadsADollarNameAsOneToken() {
        var lexer = Lexer("take $top_3")
        let tokens = lexer.tokenize()
        #expect(tokens[1].kind == .parameter && tokens[1].text == "top_3")
        #expect(tokens[1].range.start.offset == 5 && tokens[1].range.end.offset == 11)
    }

    @Test func valuesAreReadLikeLiterals() throws {
        #expect(try QuerySettings.parameterValue("2025-12") == .period(CivilCalendar.period(year: 2025, month: 12)))
        #expect(try QuerySettings.parameterValue("2025-12-31") == .date(CivilCalendar.days(year: 2025, month: 12, day: 31)))
        #expect(try QuerySettings.parameterValue("42") == .int(42))
        #expect(try QuerySettings.parameterValue("-3") == .int(-3))
        #expect(try QuerySettings.parameterValue("'Atlas ERP'") == .text("Atlas ERP"))
        #expect(try QuerySettings.parameterValue("Atlas") == .text("Atlas"))
        #expect(try QuerySettings.parameterValue("true") == .bool(true))
        #expect(throws: Diagnostic.self) { try QuerySettings.parameterValue("2025-13") }
    }

    @Test func queriesUseThemInExpressionsAndCounts() throws {
        var s = session
        s.parameters = ["p": .period(24_301), "n": .int(1)]
        guard case .table(let t) = try s.run("f | where period = $p | take $n") else {
            Issue.record("expected a table")
            return
        }
        #expect(t.rowCount == 1 && t.columns[1].value(at: 0) == .int(7))
    }

    @Test func anUnknownNameSuggestsTheNearest() {
        var s = session
        s.parameters = ["period": .period(24_301)]
        do {
            _ = try s.run("f | where period = $perod")
            Issue.record("expected an error")
        } catch {
            #expect(error.primary.id == .unknownParameter && error.primary.hint == "did you mean `$period`?")
            #expect(error.primary.range.start.offset == 19)
        }
    }

    @Test func aDateWhereAPeriodIsComparedIsATypeErrorAtTheParameter() {
        var s = session
        s.parameters = ["d": .date(0)]
        do {
            _ = try s.run("f | where period = $d")
            Issue.record("expected an error")
        } catch {
            #expect(error.primary.range.start.offset == 19)
        }
    }
}
