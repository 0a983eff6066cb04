import Foundation
import RealizeTestSupport
import Testing

/// Issue #10, on a pseudo-terminal: Ctrl-C stops a long statement and the prompt comes back with the
/// session intact; a join past `.set memory_limit` stops with an error naming what it needed.
@Suite(.serialized) struct CancellationInteractiveTests {
    func start(data: String) throws -> PseudoTerminalSession {
        try .realize(arguments: ["--data", data])
    }

    /// The shared generator's small portfolio, written to a fresh folder.
    static func generatedPortfolio() throws -> URL {
        let folder = try RealizeBinary.temporaryFolder().appendingPathComponent("portfolio")
        let gen = try ExternalTools.run("/usr/bin/env", ["python3", RealizeBinary.portfolioGenerator, "--scale", "small", "--out", folder.path])
        try #require(gen.status == 0, "gen_portfolio.py failed: \(gen.output)")
        return folder
    }

    @Test(.timeLimit(.minutes(1)), .enabled(if: FileManager.default.fileExists(atPath: RealizeBinary.portfolioGenerator)))
    func ctrlCStopsALongStatementAndKeepsTheSession() throws {
        let data = try Self.generatedPortfolio()
        let shell = try start(data: data.path)
        #expect(shell.expect("realize> "), "no prompt: \(shell.transcript)")
        var mark = shell.mark
        shell.send("let keep = projects | take 3\r")
        #expect(shell.expect("defined keep (3 rows)", after: mark), "\(shell.transcript)")
        #expect(shell.expect("realize> ", after: mark))
        mark = shell.mark
        shell.send(".set memory_limit 6GB\r")
        #expect(shell.expect("realize> ", after: mark))

        // A many-to-many self-join then a grouping: several seconds in a debug build.
        mark = shell.mark
        shell.send("nps | join nps on segment | by program, period agg n = count(), s = sum(score)\r")
        _ = shell.waitFor(timeout: 0.5) { _ in false }  // let it start
        shell.send("\u{3}")
        #expect(shell.expect("cancelled", timeout: 20, after: mark), "no cancel: \(shell.transcript)")
        #expect(shell.expect("realize> ", after: mark), "no fresh prompt: \(shell.transcript)")

        mark = shell.mark
        shell.send("keep | agg n = count()\r")
        #expect(shell.expect("   3 │", after: mark), "the let table is gone: \(shell.transcript)")
        mark = shell.mark
        shell.send(".set\r")
        #expect(shell.expect("memory_limit 6GB", after: mark), "the setting is gone: \(shell.transcript)")
        shell.send(".quit\r")
        #expect(shell.waitForExit() == 0)
    }

    @Test(.timeLimit(.minutes(1)))
    func aJoinPastTheMemoryLimitSaysWhatItNeeded() throws {
        let shell = try start(data: RealizeBinary.fixtures.appendingPathComponent("portfolio").path)
        #expect(shell.expect("realize> "), "no prompt: \(shell.transcript)")
        var mark = shell.mark
        shell.send("let keep = projects | take 3\r")
        #expect(shell.expect("defined keep (3 rows)", after: mark), "\(shell.transcript)")
        mark = shell.mark
        shell.send(".set memory_limit 1KB\r")
        #expect(shell.expect("realize> ", after: mark))
        mark = shell.mark
        shell.send("financials | join financials on project_id\r")
        #expect(
            shell.expect("the join would produce", after: mark) && shell.expect("more than the memory limit of 1 KB (see .set memory_limit)", after: mark),
            "\(shell.transcript)")
        mark = shell.mark
        shell.send(".set memory_limit 8XB\r")
        #expect(shell.expect("memory_limit must be a size such as 512MB or 8GB, not `8XB`", after: mark), "\(shell.transcript)")
        mark = shell.mark
        shell.send("keep | agg n = count()\r")
        #expect(shell.expect("   3 │", after: mark), "the session is not intact: \(shell.transcript)")
        shell.send(".quit\r")
        #expect(shell.waitForExit() == 0)
    }
}
