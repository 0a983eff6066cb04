import Foundation
import Testing

/// The sqlite3 and DuckDB habits at a terminal: `.output` to a file, then `.once`, then the screen again;
/// the start-up script and `-cmd` before the first prompt; completion of the new commands.
@Suite(.serialized) struct HabitsInteractiveTests {
    func start(_ folder: URL, arguments: [String] = []) throws -> PseudoTerminalSession {
        try .realize(
            arguments: ["--data", RealizeBinary.fixtures.appendingPathComponent("portfolio").path] + arguments,
            history: folder.appendingPathComponent("history"), home: folder,
            extra: ["XDG_CONFIG_HOME": folder.appendingPathComponent("config").path])
    }

    @Test(.timeLimit(.minutes(1)), .tags(.queryEngine)) func outputThenOnceThenTheScreen() throws {
        let folder = try RealizeBinary.temporaryFolder()
        let all = folder.appendingPathComponent("all.csv"), once = folder.appendingPathComponent("once.md")
        let shell = try start(folder)
        #expect(shell.expect("realize> "))
        var mark = shell.mark
        shell.send(".output \(all.path)\r")
        #expect(shell.expect("realize> ", after: mark))
        mark = shell.mark
        shell.send("projects | sort project_id | take 1 | select project_id, budget\r")
        #expect(shell.expect("realize> ", after: mark))
        #expect(!shell.transcript[shell.transcript.index(shell.transcript.startIndex, offsetBy: mark)...].contains("P01"), "\(shell.transcript)")
        mark = shell.mark
        shell.send(".once \(once.path)\r")
        #expect(shell.expect("realize> ", after: mark))
        mark = shell.mark
        shell.send("projects | sort project_id | take 1 | select project\r")
        #expect(shell.expect("realize> ", after: mark))
        mark = shell.mark
        shell.send("projects | sort project_id | take 1 | select sponsor\r")
        #expect(shell.expect("O'Brien", after: mark), "the result after .once did not come to the screen: \(shell.transcript)")
        mark = shell.mark
        shell.send(".output\rprojects | agg n = count()\r")
        #expect(shell.expect("1 row × 1 column", after: mark), "`.output` alone did not go back to the screen: \(shell.transcript)")
        shell.send(".quit\r")
        #expect(shell.waitForExit() == 0)
        #expect(try String(contentsOf: all, encoding: .utf8).hasPrefix("project_id,budget"))
        let md = try String(contentsOf: once, encoding: .utf8)
        #expect(md.contains("Atlas ERP Rollout") && md.hasPrefix("| project"), "\(md)")
    }

    @Test(.timeLimit(.minutes(1))) func initFileAndCmdRunBeforeThePrompt() throws {
        let folder = try RealizeBinary.temporaryFolder()
        let config = folder.appendingPathComponent("config/realize")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try ".print init ran\n.param set period 2024-02\n".write(to: config.appendingPathComponent("init.rz"), atomically: true, encoding: .utf8)
        let shell = try start(folder, arguments: ["-cmd", ".print cmd ran"])
        #expect(shell.expect("init ran"), "\(shell.transcript)")
        #expect(shell.expect("cmd ran"), "\(shell.transcript)")
        #expect(shell.expect("realize> "))
        var mark = shell.mark
        shell.send(".param list\r")
        #expect(shell.expect("2024-02", after: mark), "\(shell.transcript)")
        // Completion of the new commands and of their arguments.
        mark = shell.mark
        shell.send(".renam\t")
        #expect(shell.expect("e ", after: mark), "TAB did not complete .renam: \(shell.transcript)")
        mark = shell.mark
        shell.send("financ\t")
        #expect(shell.expect("ials", after: mark), "TAB did not complete a table name: \(shell.transcript)")
        shell.send(" fin\r")
        mark = shell.mark
        shell.send(".tables\r")
        #expect(shell.expect("fin ", after: mark), "\(shell.transcript)")
        shell.send(".quit\r")
        #expect(shell.waitForExit() == 0)

        let skipped = try start(folder, arguments: ["-no-init"])
        #expect(skipped.expect("realize> "))
        #expect(!skipped.transcript.contains("init ran"), "\(skipped.transcript)")
        skipped.send(".quit\r")
        #expect(skipped.waitForExit() == 0)
    }
}
