import Testing
@testable import RealizeShell

@Suite struct StatementAccumulatorTests {
    /// Pending while the text ends in `|` (a stand-in for the query session's rule).
    func accumulator() -> StatementAccumulator {
        StatementAccumulator(isIncomplete: { $0.trimmingTrailingWhitespace().hasSuffix("|") })
    }

    func statements(_ lines: [String]) -> [Statement] {
        var acc = accumulator()
        var out: [Statement] = []
        for (i, l) in lines.enumerated() { out += acc.feed(l, lineNumber: i + 1) }
        if let last = acc.finish() { out.append(last) }
        return out
    }

    @Test func dotCommandsAreOneLine() {
        let s = statements(["  .tables  ", ".schema projects"])
        #expect(s.map(\.kind) == [.dotCommand, .dotCommand])
        #expect(s.map(\.text) == [".tables", ".schema projects"])
        #expect(s[0].firstColumn == 3)
    }

    @Test func queriesContinueWhileIncomplete() {
        let s = statements(["", "projects |", "  where budget > 1 |", "  take 2", ".tables"])
        #expect(s.count == 2)
        #expect(s[0].text == "projects |\n  where budget > 1 |\n  take 2")
        #expect(s[0].firstLine == 2)
        #expect(s[0].sourceLines.count == 3)
        #expect(s[1].kind == .dotCommand)
    }

    @Test func semicolonsSeparateOutsideQuotesAndComments() {
        let s = statements(["a | where x == \"p;q\"; b ; c # not; split", "d; .tables"])
        #expect(s.map(\.text) == ["a | where x == \"p;q\"", "b", "c # not; split", "d", ".tables"])
        #expect(s[1].firstColumn == 23)
        #expect(s[4].kind == .dotCommand)
    }

    @Test func commentOnlyLinesAreSkipped() {
        let s = statements(["# heading", "-- another", "projects"])
        #expect(s.map(\.text) == ["projects"])
        #expect(s[0].firstLine == 3)
    }

    @Test func unfinishedTextIsReturnedAtTheEnd() {
        let s = statements(["projects |"])
        #expect(s.map(\.text) == ["projects |"])
    }

    @Test func resetDropsPendingText() {
        var acc = accumulator()
        #expect(acc.feed("projects |", lineNumber: 1).isEmpty)
        #expect(acc.isPending)
        acc.reset()
        #expect(!acc.isPending)
        #expect(acc.feed(".tables", lineNumber: 1).map(\.kind) == [.dotCommand])
    }
}

@Suite struct StatementLookaheadTests {
    func statements(_ lines: [String]) -> [Statement] {
        var acc = StatementAccumulator(lookahead: true)
        var out: [Statement] = []
        for (i, l) in lines.enumerated() { out += acc.feed(l, lineNumber: i + 1) }
        if let last = acc.finish() { out.append(last) }
        return out
    }

    @Test func aLineStartingWithAVerbContinuesTheStatement() {
        let s = statements(["projects", "  where budget > 1", "  # keep the biggest", "  sort -budget", "", "financials | take 1", ".tables"])
        #expect(s.map(\.kind) == [.query, .query, .dotCommand])
        #expect(s[0].text == "projects\n  where budget > 1\n  # keep the biggest\n  sort -budget")
        #expect(s[0].firstLine == 1)
        #expect(s[1].text == "financials | take 1")
        #expect(s[1].firstLine == 6)
    }

    @Test func aLineStartingWithAPipeContinuesTheStatement() {
        let s = statements(["projects", "| take 2", "| select project_id"])
        #expect(s.map(\.text) == ["projects\n| take 2\n| select project_id"])
    }

    @Test func aWordThatOnlyLooksLikeAVerbStartsANewStatement() {
        let s = statements(["projects | take 1", "sorted_results | take 1"])
        #expect(s.map(\.text) == ["projects | take 1", "sorted_results | take 1"])
    }

    @Test func interactiveUseDoesNotWait() {
        var acc = StatementAccumulator()
        #expect(acc.feed("projects | take 1", lineNumber: 1).map(\.text) == ["projects | take 1"])
    }
}
