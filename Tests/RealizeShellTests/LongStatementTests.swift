import Foundation
import RealizeTestSupport
import Testing

/// Issue #10, "lexing is linear": a 1 MB one-line statement (an `in` list of 100,000 items pasted from a
/// spreadsheet) runs through the binary. The time limit is a hang guard: quadratic lexing took minutes.
@Suite struct LongStatementTests {
    @Test(.timeLimit(.minutes(1)))
    func aOneMegabyteInListRuns() throws {
        // The sample's ids (P001…) and then padding ids that match nothing.
        let items = (0..<100_000).map { $0 < 1000 ? String(format: "'P%03d'", $0) : String(format: "'Q%07d'", $0) }.joined(separator: ", ")
        let statement = "projects | where project_id in (\(items)) | agg n = count()\n"
        #expect(statement.utf8.count > 1_000_000)
        // Through standard input: one command-line argument may not exceed 128 KB.
        let r = try RealizeBinary.run(["--format", "csv"], stdin: statement, timeout: 55)
        #expect(r.status == 0 && !r.timedOut, "\(r.stderr)")
        let all = try RealizeBinary.run(["--format", "csv", "-c", "projects | agg n = count()"])
        #expect(r.stdout == all.stdout, "every sample project is in the list")
    }
}
