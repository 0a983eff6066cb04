import Foundation
import Testing

/// The interactive shell on a pseudo-terminal: readline editing, completion, Ctrl-C, history, Ctrl-D.
@Suite(.serialized) struct InteractiveTests {
    func start(history: URL, term: String = "dumb") throws -> PseudoTerminalSession {
        try .realize(arguments: ["--data", RealizeBinary.fixtures.appendingPathComponent("portfolio").path], history: history, term: term)
    }

    @Test(.timeLimit(.minutes(1))) func sessionAtATerminal() throws {
        let folder = try RealizeBinary.temporaryFolder()
        let history = folder.appendingPathComponent("state/realize/history")
        let shell = try start(history: history)

        #expect(shell.expect("Realize 0.1.0"), "no banner: \(shell.transcript)")
        #expect(shell.expect("2 tables"), "banner does not say what is loaded: \(shell.transcript)")
        #expect(shell.expect("realize> "), "no prompt: \(shell.transcript)")

        // A dot command and its output.
        var mark = shell.mark
        shell.send(".tables\r")
        #expect(shell.expect("financials", after: mark), "no .tables output: \(shell.transcript)")
        #expect(shell.expect("projects", after: mark))
        #expect(shell.expect("realize> ", after: mark))

        // TAB completes `.sch` to `.schema`; Enter then runs `.schema` (without its table).
        mark = shell.mark
        shell.send(".sch\t")
        #expect(shell.expect("ema", after: mark), "TAB did not complete .sch: \(shell.transcript)")
        shell.send("\r")
        #expect(shell.expect("usage: .schema TABLE", after: mark), "completed line was not .schema: \(shell.transcript)")
        // Wait for the prompt before typing: keys typed while a statement runs are echoed by the
        // terminal in cooked mode, and a Ctrl-C there flushes the terminal's queues (and the prompt).
        #expect(
            shell.expectPrompt(after: "usage: .schema TABLE", from: mark), "no prompt after .schema: \(shell.transcript)")

        // Ctrl-C while typing abandons the line; the shell is alive and prompts again.
        mark = shell.mark
        shell.send("projects | wher")
        #expect(shell.expect("wher", after: mark))
        mark = shell.mark
        shell.send("\u{3}")
        #expect(shell.expect("realize> ", after: mark), "no fresh prompt after Ctrl-C: \(shell.transcript)")
        mark = shell.mark
        shell.send(".help timer\r")
        #expect(shell.expect("Run Time", after: mark), "shell not alive after Ctrl-C: \(shell.transcript)")
        #expect(!shell.transcript.contains("unknown command"), "the abandoned line ran: \(shell.transcript)")

        // Ctrl-D on an empty line leaves with status 0 (typed once the prompt is back: keys typed
        // while a statement runs reach the terminal in cooked mode, where ^D is not a key).
        #expect(
            shell.expectPrompt(after: "Run Time", from: mark), "no prompt after .help: \(shell.transcript)")
        shell.send("\u{4}")
        #expect(shell.waitForExit() == 0, "did not exit on Ctrl-D: \(shell.transcript)")

        // History: whole statements, in a file whose folder was created.
        let saved = try String(contentsOf: history, encoding: .utf8)
        #expect(saved.contains(".tables"))
        #expect(saved.contains(".help timer"))
        #expect(!saved.contains("wher"))
    }

    @Test(.timeLimit(.minutes(1)), .tags(.queryEngine)) func multiLineStatementIsOneHistoryEntry() throws {
        let folder = try RealizeBinary.temporaryFolder()
        let history = folder.appendingPathComponent("history")
        let shell = try start(history: history)
        #expect(shell.expect("realize> "))
        var mark = shell.mark
        shell.send(".mode csv\rprojects |\r")
        #expect(shell.expect("   ...> ", after: mark), "no continuation prompt: \(shell.transcript)")
        mark = shell.mark
        shell.send("  sort project_id | take 1 | select project_id\r")
        #expect(shell.expect("P01", after: mark), "no result: \(shell.transcript)")
        shell.send(".quit\r")
        #expect(shell.waitForExit() == 0)
        let saved = try String(contentsOf: history, encoding: .utf8)
        #expect(saved.contains("projects |\n  sort project_id | take 1 | select project_id\n"), "\(saved)")

        // The next session loads it: the entry comes back whole (two Ctrl-P recall it).
        let again = try start(history: history)
        #expect(again.expect("realize> "))
        mark = again.mark
        again.send("\u{10}\u{10}\r")  // the last entry is `.quit`
        #expect(
            again.expectPrompt(after: "P01", from: mark), "history not loaded: \(again.transcript)")
        again.send("\u{4}")
        #expect(again.waitForExit() == 0)
    }

    /// Tab completion of a domain command's arguments comes from its declaration: `evm by pro` + Tab Tab lists
    /// the roll-ups that start with `pro`; `evm by progr` + Tab completes `program`, which then runs.
    @Test(.timeLimit(.minutes(1)), .tags(.queryEngine)) func completesACommandsArgumentsFromItsDeclaration() throws {
        let folder = try RealizeBinary.temporaryFolder()
        let shell = try start(history: folder.appendingPathComponent("history"))
        #expect(shell.expect("realize> "))
        var mark = shell.mark
        shell.send("evm by pro\t\t")
        #expect(shell.expect("program", after: mark) && shell.expect("project", after: mark), "no argument candidates: \(shell.transcript)")
        // Readline shows the line again under the candidates: wait for it, or the prompt in it could pass for the
        // fresh prompt after Ctrl-C, and the next keys would reach the line before Ctrl-C clears it.
        #expect(shell.expect("realize> evm by pro", after: mark), "the line was not shown again: \(shell.transcript)")
        mark = shell.mark
        shell.send("\u{3}")
        #expect(shell.expect("realize> ", after: mark))
        mark = shell.mark
        shell.send("evm by progr\t")
        #expect(shell.expect("program ", after: mark), "TAB did not complete `progr`: \(shell.transcript)")
        shell.send("| select program, cpi\r")
        #expect(shell.expect("cpi", after: mark) && shell.expect("rows", after: mark), "completed command did not run: \(shell.transcript)")
        shell.send(".quit\r")
        #expect(shell.waitForExit() == 0)
    }
}
