import Foundation
import Testing

/// The sqlite3 and DuckDB habits on the command line: `--keep-going`, `--param`, `--echo`, start-up
/// scripts (`--init`/`-init`, `--no-init`/`-no-init`, `--cmd`/`-cmd`), and `$parameters` shared by
/// notebooks and the shell.
@Suite struct HabitsCommandLineTests {
    var portfolio: String { RealizeBinary.fixtures.appendingPathComponent("portfolio").path }

    @Test func helpListsTheNewOptions() throws {
        let r = try RealizeBinary.run(["--help"])
        for option in ["--param", "--init", "--no-init", "--cmd", "--echo", "--keep-going", "also -init"] {
            #expect(r.stdout.contains(option), "help lacks \(option)")
        }
    }

    @Test func keepGoingNamesEveryErrorAndExits1() throws {
        let folder = try RealizeBinary.temporaryFolder()
        let script = folder.appendingPathComponent("two-errors.rz")
        try ".print one\nprojects | where nosuch > 1\n.print two\nfinancials | take x\n.print three\n"
            .write(to: script, atomically: true, encoding: .utf8)
        let stop = try RealizeBinary.run(["--data", portfolio, script.path])
        #expect(stop.status == 1)
        #expect(stop.stdout == "one\n", "without --keep-going the script stops at the first error: \(stop.stdout)")
        let r = try RealizeBinary.run(["--data", portfolio, "--keep-going", script.path])
        #expect(r.status == 1)
        #expect(r.stdout == "one\ntwo\nthree\n", "\(r.stdout)")
        #expect(r.stderr.contains("--> \(script.path):2:18"), "\(r.stderr)")
        #expect(r.stderr.contains("--> \(script.path):4:19"), "\(r.stderr)")
        #expect(r.stderr.hasSuffix("error: 2 statements failed: \(script.path):2, \(script.path):4\n"), "\(r.stderr)")
    }

    @Test(.tags(.queryEngine)) func paramSetsDollarNamesInBatchMode() throws {
        let r = try RealizeBinary.run([
            "--data", portfolio, "--format", "csv", "--param", "period=2024-02", "--param", "top=1",
            "-c", "financials | where period = $period | sort -actual_cost | take $top | select project_id, actual_cost",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "project_id,actual_cost\r\nP03,205000.00\r\n" || r.stdout == "project_id,actual_cost\nP03,205000.00\n", "\(r.stdout)")
        let bad = try RealizeBinary.run(["--data", portfolio, "--param", "period", "-c", ".tables"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("name=value"))
    }

    @Test func echoPrintsEachStatementBeforeItsResult() throws {
        let r = try RealizeBinary.run(["--data", portfolio, "--echo", "--format", "csv", "-c", "projects | agg n = count()"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("projects | agg n = count()\nn"), "\(r.stdout)")
        let one = try RealizeBinary.run(["--data", portfolio, "-echo", "-c", ".print hi"])
        #expect(one.stdout == ".print hi\nhi\n", "\(one.stdout)")
    }

    @Test func initFileAndCmdRunFirstInEitherSpelling() throws {
        let folder = try RealizeBinary.temporaryFolder()
        let initFile = folder.appendingPathComponent("init.rz")
        try ".print from init\n.param set period 2024-01\n".write(to: initFile, atomically: true, encoding: .utf8)
        for (initFlag, cmdFlag) in [("--init", "--cmd"), ("-init", "-cmd")] {
            let r = try RealizeBinary.run([
                "--data", portfolio, initFlag, initFile.path, cmdFlag, ".print from cmd", "-c", ".print $period", "-c", ".param list",
            ])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.hasPrefix("from init\nfrom cmd\n"), "\(r.stdout)")
            #expect(r.stdout.contains("2024-01"), "\(r.stdout)")
        }
        let skipped = try RealizeBinary.run(["--data", portfolio, "-init", initFile.path, "-no-init", "-c", ".print only"])
        #expect(skipped.stdout == "only\n", "\(skipped.stdout)")
        // The default init file is for the interactive shell: batch scripts stay reproducible.
        let config = folder.appendingPathComponent("config/realize")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try ".print from xdg\n".write(to: config.appendingPathComponent("init.rz"), atomically: true, encoding: .utf8)
        let batch = try RealizeBinary.run(
            ["--data", portfolio, "-c", ".print batch"], environment: ["XDG_CONFIG_HOME": folder.appendingPathComponent("config").path])
        #expect(batch.stdout == "batch\n", "\(batch.stdout)")
    }

    /// A block that uses `$period` runs the same in a notebook and pasted into the shell.
    @Test(.tags(.queryEngine)) func aNotebookBlockPastesIntoTheShellUnchanged() throws {
        let block = "financials | where period = $period | sort project_id | select project_id, actual_cost"
        let folder = try RealizeBinary.temporaryFolder()
        let notebook = folder.appendingPathComponent("pack.md")
        try "---\nparams:\n  period: 2024-01\n---\n# Pack\n\n```realize\n\(block)\n```\n".write(to: notebook, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("pack-report.md")
        let run = try RealizeBinary.run(["run", notebook.path, "--data", portfolio, "--param", "period=2024-02", "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try String(contentsOf: out, encoding: .utf8)

        let shell = try RealizeBinary.run(["--data", portfolio, "--format", "markdown"], stdin: ".param set period 2024-02\n\(block)\n")
        #expect(shell.status == 0, "\(shell.stderr)")
        #expect(shell.stdout.contains("P03"), "\(shell.stdout)")
        #expect(report.contains(shell.stdout.trimmingCharacters(in: .newlines)), "report:\n\(report)\nshell:\n\(shell.stdout)")
        let batch = try RealizeBinary.run(["--data", portfolio, "--format", "markdown", "--param", "period=2024-02", "-c", block])
        #expect(batch.stdout == shell.stdout)
    }

    /// A report names its notebook as the command line did, never with the author's absolute path.
    @Test func reportsNameTheNotebookAsWritten() throws {
        let folder = try RealizeBinary.temporaryFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("notebooks"), withIntermediateDirectories: true)
        try "# Review\n\n```realize\nprojects | agg n = count()\n```\n"
            .write(to: folder.appendingPathComponent("notebooks/nps-review.md"), atomically: true, encoding: .utf8)
        for out in ["out/review.html", "out/review.md"] {
            let r = try RealizeBinary.run(
                ["run", "notebooks/nps-review.md", "--data", portfolio, "--out", out], currentDirectory: folder)
            #expect(r.status == 0, "\(r.stderr)")
            let report = try String(contentsOf: folder.appendingPathComponent(out), encoding: .utf8)
            #expect(report.contains("notebooks/nps-review.md"), "\(report)")
            #expect(!report.contains(folder.path), "the report carries an absolute path: \(report)")
        }
    }
}
