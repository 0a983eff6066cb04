import Foundation
import RealizeSamples
import RealizeStore
import Testing
@testable import RealizeShell

/// The README's ```console examples are real: each `realize> ` line is run, in order, in one session (one per block) on the
/// sample portfolio, and what it prints must be what the README shows under it.
/// `REALIZE_RECORD=1` rewrites the README with the current output.
@Suite struct ReadmeExamplesTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md")

    struct Block {
        var range: Range<Int>  // line indices of the block's body
        var statements: [String]
        var shown: String
    }

    static func blocks(_ lines: [String]) -> [Block] {
        var out: [Block] = []
        var i = 0
        while i < lines.count {
            if lines[i] == "```console" {
                var j = i + 1
                while j < lines.count && lines[j] != "```" { j += 1 }
                let body = Array(lines[(i + 1)..<j])
                out.append(
                    Block(
                        range: (i + 1)..<j, statements: body.filter { $0.hasPrefix("realize> ") }.map { String($0.dropFirst(9)) },
                        shown: body.joined(separator: "\n")))
                i = j
            }
            i += 1
        }
        return out
    }

    /// Runs a block's statements; returns the transcript as the README shows it.
    static func transcript(_ statements: [String], session: ShellSession, captured: Captured) -> String {
        var text = ""
        for s in statements {
            captured.take()
            var acc = StatementAccumulator()
            for st in acc.feed(s, lineNumber: 1) + [acc.finish()].compactMap({ $0 }) {
                _ = session.execute(st, sourceName: "query")
            }
            text += "realize> " + s + "\n" + captured.take()
        }
        return text.hasSuffix("\n") ? String(text.dropLast()) : text
    }

    final class Captured: @unchecked Sendable {
        private var buffer = ""
        func append(_ s: String) { buffer += s }
        @discardableResult func take() -> String { defer { buffer = "" }; return buffer }
    }

    @Test func readmeExamplesShowRealOutput() throws {
        var lines = try String(contentsOf: Self.readme, encoding: .utf8).components(separatedBy: "\n")
        let captured = Captured()
        var catalog = Catalog()
        for (name, table) in SamplePortfolio.tables() { catalog.set(name, table) }
        let record = ProcessInfo.processInfo.environment["REALIZE_RECORD"] == "1"
        let found = Self.blocks(lines)
        #expect(found.count >= 3)
        var replacements: [(Range<Int>, [String])] = []
        for block in found {
            // Each block is a fresh session on the sample portfolio, as `realize -c …` would be.
            let session = ShellSession(catalog: catalog, output: ShellOutput(out: { captured.append($0) }, err: { captured.append($0) }))
            let actual = Self.transcript(block.statements, session: session, captured: captured)
            if record {
                replacements.append((block.range, actual.components(separatedBy: "\n")))
            } else {
                #expect(actual == block.shown, "README example differs; re-record with REALIZE_RECORD=1")
            }
        }
        if record {
            for (range, body) in replacements.reversed() { lines.replaceSubrange(range, with: body) }
            try lines.joined(separator: "\n").write(to: Self.readme, atomically: true, encoding: .utf8)
        }
    }
}
