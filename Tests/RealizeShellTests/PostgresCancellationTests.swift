import Foundation
import RealizeTestSupport
import Testing

/// Ctrl-C during a long database load cancels the statement on the server (SQLCancel), says
/// "load cancelled", and the shell prompts again with its tables unchanged.
@Suite(.serialized, .enabled(if: ODBCTestDatabase.hasPostgres, "\(ODBCTestDatabase.noPostgres)"))
struct PostgresCancellationTests {
    @Test(.timeLimit(.minutes(1))) func ctrlCCancelsALongQuery() throws {
        let shell = try PseudoTerminalSession.realize(extra: ["PGPASSWORD": ODBCTestDatabase.password ?? ""])
        #expect(shell.expect("realize> "), "no prompt: \(shell.transcript)")
        var mark = shell.mark
        shell.send(".connect pg '\(ODBCTestDatabase.postgres ?? "");Pwd=$PGPASSWORD'\r")
        #expect(shell.expect("connected pg", after: mark), "\(shell.transcript)")
        #expect(shell.expect("realize> ", after: mark))
        mark = shell.mark
        // Twenty minutes on the server unless cancelled.
        shell.send(".load pg query 'select pg_sleep(1200) as slept' as financials\r")
        _ = shell.waitFor(timeout: 0.5) { _ in false }  // let it start
        shell.send("\u{3}")
        #expect(shell.expect("load cancelled", timeout: 20, after: mark), "no cancel: \(shell.transcript)")
        #expect(shell.expect("realize> ", after: mark), "no fresh prompt: \(shell.transcript)")
        mark = shell.mark
        shell.send(".schema financials\r")
        #expect(shell.expect("planned_value", after: mark), "the sample's financials changed: \(shell.transcript)")
        #expect(
            shell.expectPrompt(after: "planned_value", from: mark), "no prompt after .schema: \(shell.transcript)")
        shell.send("\u{4}")
        #expect(shell.waitForExit() == 0, "\(shell.transcript)")
    }
}
