import Foundation
import Testing

/// Issue #10, part 3: no input drives the parser, binder, optimizer or evaluator to the end of the stack.
/// Each example from the issue is refused with `nested-too-deeply` at the token that passes the limit
/// (256 levels), through the binary, instead of crashing; shallower expressions still run.
@Suite struct NestingDepthTests {
    static func repeated(_ text: String, _ count: Int) -> String { String(repeating: text, count: count) }

    /// The first two lines of the diagnostic: the message and where it points.
    static func expectTooDeep(_ query: String, column: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let r = try RealizeBinary.run(["--format", "csv", "-c", query])
        #expect(r.status == 1, "\(r.stderr.prefix(300))", sourceLocation: sourceLocation)
        let lines = r.stderr.split(separator: "\n", omittingEmptySubsequences: false).prefix(2).map(String.init)
        #expect(lines == ["error: expression nested too deeply (more than 256 levels)", " --> query:1:\(column)"], sourceLocation: sourceLocation)
    }

    @Test func thousandsOfParenthesesAreRefused() throws {
        let query = "projects | derive x = " + Self.repeated("(", 3400) + "1" + Self.repeated(")", 3400) + " | select x"
        // `projects | derive x = ` is 22 characters; the 257th `(` is the one too many.
        try Self.expectTooDeep(query, column: 23 + 256)
    }

    @Test func aLongPlusChainIsRefused() throws {
        let query = "projects | derive x = 1" + Self.repeated("+1", 3299) + " | select x"
        // The 256th `+` makes a tree 257 levels deep.
        try Self.expectTooDeep(query, column: 24 + 2 * 255)
    }

    @Test func aLongAndChainIsRefused() throws {
        let query = "projects | where true" + Self.repeated(" and true", 3299) + " | select project_id"
        try Self.expectTooDeep(query, column: 23 + 9 * 255)
    }

    @Test func thousandsOfNotsAreRefused() throws {
        let query = "projects | where " + Self.repeated("not ", 5100) + "true | select project_id"
        try Self.expectTooDeep(query, column: 18 + 4 * 256)
    }

    @Test func deeplyBracketedPipelinesAreRefused() throws {
        let query = Self.repeated("(", 5000) + "projects" + Self.repeated(")", 5000) + " | select project_id"
        try Self.expectTooDeep(query, column: 257)
    }

    /// 200 levels of each kind still bind, fold and evaluate to the right answer.
    @Test func twoHundredLevelsStillWork() throws {
        let cases: [(String, String)] = [
            ("projects | take 1 | derive x = " + Self.repeated("(", 200) + "1" + Self.repeated(")", 200) + " | select x", "1"),
            ("projects | take 1 | derive x = 1" + Self.repeated("+1", 199) + " | select x", "200"),
            ("projects | take 1 | derive x = budget * 0 + 1" + Self.repeated(" + 1.5", 198) + " | select x", "298"),
            ("projects | take 1 | where true" + Self.repeated(" and true", 199) + " | select project_id", "P001"),
            ("projects | take 1 | where " + Self.repeated("not ", 200) + "true | select project_id", "P001"),
            ("projects | take 1 | derive x = " + Self.repeated("- ", 200) + "7 | select x", "7"),
            ("projects | take 1 | derive x = " + Self.repeated("abs(", 200) + "-3" + Self.repeated(")", 200) + " | select x", "3"),
        ]
        for (query, answer) in cases {
            let r = try RealizeBinary.run(["--format", "csv", "-c", query])
            #expect(r.status == 0, "\(r.stderr.prefix(300))")
            let last = r.stdout.split(separator: "\n").last.map(String.init) ?? ""
            // Numbers compare by value: the decimal's printed scale is not what this test is about.
            #expect(last == answer || (Double(last) != nil && Double(last) == Double(answer)), "\(query.prefix(60))…: \(last)")
        }
    }
}
