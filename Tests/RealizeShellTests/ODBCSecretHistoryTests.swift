import Foundation
import RealizeTestSupport
import Testing

/// A password typed into `.connect` never reaches the error output or the history file: history keeps the
/// statement with `Pwd=***` (a `Pwd=$VARIABLE` reference is kept as written; it holds no secret).
@Suite(.serialized) struct ODBCSecretHistoryTests {
    @Test(.timeLimit(.minutes(1))) func passwordStaysOutOfHistory() throws {
        let folder = try RealizeBinary.temporaryFolder()
        let history = folder.appendingPathComponent("history")
        let shell = try PseudoTerminalSession.realize(history: history)
        #expect(shell.expect("realize> "), "no prompt: \(shell.transcript)")
        let secret = "Hunter2-S3cret"
        // Port 1 on loopback refuses at once: no server is needed to see the message.
        shell.send(".connect pg 'Driver={PostgreSQL Unicode};Server=127.0.0.1;Port=1;Database=pmo;Uid=pmo;Pwd=\(secret)'\r")
        let mark = shell.mark
        #expect(shell.expect("realize> ", after: mark), "no prompt after .connect: \(shell.transcript)")
        // What the shell wrote back: from `error:` to the end of that line (the typed line's echo is before it).
        let transcript = shell.transcript
        let reply = transcript.range(of: "error:").map { [transcript[$0.lowerBound...].prefix { $0 != "\n" }] } ?? []
        #expect(reply.contains { $0.contains("Pwd=***") }, "\(shell.transcript)")
        #expect(!reply.contains { $0.contains(secret) }, "the error shows the password: \(shell.transcript)")
        shell.send(".connect\r")
        #expect(shell.expect("realize> ", after: shell.mark))
        shell.send("\u{4}")
        #expect(shell.waitForExit() == 0, "did not exit on Ctrl-D: \(shell.transcript)")
        let saved = try String(contentsOf: history, encoding: .utf8)
        #expect(saved.contains(".connect pg 'Driver={PostgreSQL Unicode};Server=127.0.0.1;Port=1;Database=pmo;Uid=pmo;Pwd=***'"), "\(saved)")
        #expect(!saved.contains(secret), "the history file holds the password")
    }

    /// Batch mode and `--data` never print a literal password either.
    @Test func batchMessagesMaskThePassword() throws {
        let secret = "Hunter2-S3cret"
        let connection = "Driver={PostgreSQL Unicode};Server=127.0.0.1;Port=1;Database=pmo;Uid=pmo;Password=\(secret)"
        let r = try RealizeBinary.run(["-c", ".connect pg '\(connection)'"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("SQLSTATE 08001") && r.stderr.contains("Password=***"), "\(r.stderr)")
        let d = try RealizeBinary.run(["--data", "odbc:" + connection, "-c", ".tables"])
        #expect(d.status != 0)
        #expect(d.stderr.contains("Password=***"), "\(d.stderr)")
        for run in [r, d] { #expect(!(run.stdout + run.stderr).contains(secret)) }
    }
}
