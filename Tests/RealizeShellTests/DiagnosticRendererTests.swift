import RealizeQuery
import Testing
@testable import RealizeShell

@Suite struct DiagnosticRendererTests {
    func range(_ line: Int, _ from: Int, _ to: Int) -> SourceRange {
        SourceRange(.init(line: line, column: from, offset: 0), .init(line: line, column: to, offset: 0))
    }

    @Test func rendersLikeTheSwiftCompiler() {
        let d = Diagnostic(
            id: .unknownColumn, message: "unknown column `actul_cost`", range: range(1, 20, 30),
            hint: "did you mean `actual_cost`?", notes: ["columns in scope: actual_cost"])
        let statement = Statement(kind: .query, text: "financials | where actul_cost > 0", firstLine: 1, sourceLines: ["financials | where actul_cost > 0"])
        let text = DiagnosticRenderer(sourceName: "query", colour: false).render(d, statement: statement)
        #expect(
            text == """
                error: unknown column `actul_cost`
                 --> query:1:20
                  |
                1 | financials | where actul_cost > 0
                  |                    ^~~~~~~~~~
                hint: did you mean `actual_cost`?
                note: columns in scope: actual_cost

                """)
    }

    @Test func positionsAreMappedToTheScriptsLines() {
        let d = Diagnostic(id: .unexpectedToken, message: "bad", range: range(2, 3, 4))
        let statement = Statement(kind: .query, text: "p |\n  wher", firstLine: 11, firstColumn: 5, sourceLines: ["a; p |", "  wher"])
        let text = DiagnosticRenderer(sourceName: "s.rz", colour: false).render(d, statement: statement)
        #expect(text.contains("  --> s.rz:12:3\n"))
        #expect(text.contains("12 |   wher\n"))
        #expect(text.contains("   |   ^\n"))
    }

    @Test func firstLineColumnsAreShiftedAfterASemicolon() {
        let d = Diagnostic(id: .unexpectedToken, message: "bad", range: range(1, 1, 2))
        let statement = Statement(kind: .query, text: "q", firstLine: 1, firstColumn: 4, sourceLines: ["a; q"])
        let text = DiagnosticRenderer(sourceName: "query", colour: false).render(d, statement: statement)
        #expect(text.contains("query:1:4"))
        #expect(text.contains("  |    ^\n"))
    }

    @Test func colourOnlyWhenAsked() {
        let d = Diagnostic(id: .unexpectedToken, message: "bad", range: range(1, 1, 2))
        let statement = Statement(kind: .query, text: "q", firstLine: 1, sourceLines: ["q"])
        #expect(DiagnosticRenderer(sourceName: "q", colour: true).render(d, statement: statement).contains("\u{1B}["))
        #expect(!DiagnosticRenderer(sourceName: "q", colour: false).render(d, statement: statement).contains("\u{1B}["))
    }
}
