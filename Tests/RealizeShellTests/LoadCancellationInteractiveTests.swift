import Foundation
import RealizeTestSupport
import Testing

/// Issue #10, cancellation everywhere, on a pseudo-terminal: Ctrl-C during a long `.load` of a generated
/// medium portfolio stops it inside the CSV reader, says "load cancelled", and the tables loaded before stay.
@Suite(.serialized) struct LoadCancellationInteractiveTests {
    static let generator = RealizeBinary.portfolioGenerator
    static var canGenerate: Bool { ExternalTools.find("python3") != nil && FileManager.default.fileExists(atPath: generator) }

    @Test(
        .timeLimit(.minutes(5)),
        .enabled(if: canGenerate, "needs python3 and ../shared/gen_portfolio.py to generate the medium portfolio"))
    func ctrlCStopsALongLoadAndKeepsTheTables() throws {
        let folder = try RealizeBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let medium = folder.appendingPathComponent("medium")
        let gen = try ExternalTools.run("/usr/bin/env", ["python3", Self.generator, "--scale", "medium", "--out", medium.path], timeout: 240)
        try #require(gen.status == 0, "gen_portfolio.py failed: \(gen.output)")

        let shell = try PseudoTerminalSession.realize(
            arguments: ["--data", RealizeBinary.fixtures.appendingPathComponent("portfolio").path],
            history: folder.appendingPathComponent("history"))
        #expect(shell.expect("realize> "), "no prompt: \(shell.transcript)")
        var mark = shell.mark
        shell.send("let keep = projects | take 3\r")
        #expect(shell.expect("defined keep (3 rows)", after: mark), "\(shell.transcript)")
        #expect(shell.expect("realize> ", after: mark))

        // About 100 MB of CSV: seconds in a debug build.
        mark = shell.mark
        shell.send(".load \(medium.path)\r")
        _ = shell.waitFor(timeout: 0.3) { _ in false }  // let it start
        shell.send("\u{3}")
        #expect(shell.expect("load cancelled", timeout: 30, after: mark), "no cancel: \(shell.transcript)")
        #expect(shell.expect("realize> ", after: mark), "no fresh prompt: \(shell.transcript)")

        // The fixture's six projects, not the medium portfolio's ten thousand; and no table of the medium one.
        mark = shell.mark
        shell.send("projects | agg n = count()\r")
        #expect(shell.expect("   6 │", after: mark), "projects changed: \(shell.transcript)")
        mark = shell.mark
        shell.send("keep | agg n = count()\r")
        #expect(shell.expect("   3 │", after: mark), "the let table is gone: \(shell.transcript)")
        mark = shell.mark
        shell.send("nps | agg n = count()\r")
        #expect(shell.expect("no table", after: mark), "a table of the cancelled load is there: \(shell.transcript)")
        shell.send(".quit\r")
        #expect(shell.waitForExit() == 0)
    }
}
