import Foundation
import Testing

extension Tag {
    /// Runs real queries through the query engine (`QuerySession.run`), not only the shell.
    @Tag static var queryEngine: Tag
}

/// End-to-end tests of the built `realize` binary's command line.
@Suite struct CommandLineTests {
    @Test func helpDescribesTheOptions() throws {
        let r = try RealizeBinary.run(["--help"])
        #expect(r.status == 0)
        for option in ["--data", "-c", "--format", "--timer", "SCRIPT", "--version"] {
            #expect(r.stdout.contains(option), "help lacks \(option)")
        }
    }

    @Test func versionIs010() throws {
        let r = try RealizeBinary.run(["--version"])
        #expect(r.status == 0)
        #expect(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
    }

    @Test func usageErrorsExitWith2() throws {
        let bad = try RealizeBinary.run(["--format", "xml", "-c", ".tables"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("xml"))
        let unknown = try RealizeBinary.run(["--no-such-option"])
        #expect(unknown.status == 2)
        let notebook = try RealizeBinary.run(["run", "notes.md"])
        #expect(notebook.status == 2)
        #expect(notebook.stderr.contains("realize run"))
    }

    /// Needs the query engine: a real pipeline from the brief.
    @Test(.tags(.queryEngine)) func oneShotQueryPrintsTheResult() throws {
        let r = try RealizeBinary.run([
            "--data", RealizeBinary.fixtures.appendingPathComponent("portfolio").path,
            "--format", "csv", "-c", "projects | where budget > 1000000 | sort -budget | take 3 | select project_id, budget",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "project_id,budget\nP03,6200000.00\nP01,4800000.00\nP05,3100000.00\n")
    }

    @Test(.tags(.queryEngine)) func samplePortfolioAnswersTheBriefsQuery() throws {
        let r = try RealizeBinary.run(["--format", "csv", "-c", "projects | where budget > 1000000 | sort -budget | take 5"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 6)
        #expect(lines.first?.hasPrefix("project_id,") == true)
    }

    @Test(.tags(.queryEngine)) func jsonFormat() throws {
        let r = try RealizeBinary.run([
            "--data", RealizeBinary.fixtures.appendingPathComponent("portfolio").path,
            "--format", "json", "-c", "projects | sort project_id | take 2 | select project_id",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let parsed = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]]
        #expect(parsed?.compactMap { $0["project_id"] as? String } == ["P01", "P02"])
    }

    @Test(.tags(.queryEngine)) func errorExitsWith1AndShowsThePosition() throws {
        let r = try RealizeBinary.run(["-c", "financials | where actul_cost > 0"])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("error: unknown column `actul_cost`"))
        #expect(r.stderr.contains("--> query:1:20"))
        #expect(r.stderr.contains("1 | financials | where actul_cost > 0"))
        #expect(r.stderr.contains("^~~~~~~~~~"))
        #expect(r.stderr.contains("did you mean `actual_cost`?"))
    }

    @Test func unknownDotCommandSuggestsTheRightOne() throws {
        let r = try RealizeBinary.run(["-c", ".tabels"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("unknown command `.tabels`"))
        #expect(r.stderr.contains("did you mean `.tables`?"))
    }

    @Test(.tags(.queryEngine)) func scriptErrorsUseTheScriptsLineNumbers() throws {
        let folder = try RealizeBinary.temporaryFolder()
        let script = folder.appendingPathComponent("report.rz")
        try "# a report\n.mode csv\n\nprojects |\n  where budgt > 1 |\n  take 2\n".write(to: script, atomically: true, encoding: .utf8)
        let r = try RealizeBinary.run(["report.rz"], currentDirectory: folder)
        #expect(r.status == 1)
        #expect(r.stderr.contains("--> report.rz:5:9"), "\(r.stderr)")
        #expect(r.stderr.contains("5 |   where budgt > 1 |"))
    }

    @Test(.tags(.queryEngine)) func statementsFromStandardInput() throws {
        let input = ".mode csv\nprojects |\n  sort -budget |\n  take 1 |\n  select project_id; projects | take 1 | select project\n"
        let r = try RealizeBinary.run(["--data", RealizeBinary.fixtures.appendingPathComponent("portfolio").path], stdin: input)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "project_id\nP03\nproject\nAtlas ERP Rollout\n")
    }

    @Test func dotCommandsFromStandardInput() throws {
        let r = try RealizeBinary.run(
            ["--data", RealizeBinary.fixtures.appendingPathComponent("portfolio").path],
            stdin: ".mode csv\n.tables\n.quit\n.tables\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "name,rows,columns\nfinancials,5,5\nprojects,6,9\n")
    }

    @Test(.tags(.queryEngine)) func timerPrintsLoadAndRunTimes() throws {
        let r = try RealizeBinary.run(["--timer", "--format", "csv", "-c", "projects | take 1"])
        #expect(r.status == 0)
        let lines = r.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.wholeMatch(of: /Load Time: \d+\.\d{4} s/) != nil }, "\(lines)")
        #expect(lines.contains { $0.wholeMatch(of: /Run Time: \d+\.\d{4} s/) != nil }, "\(lines)")
    }

    @Test func dataFolderReplacesTheSamplePortfolio() throws {
        let r = try RealizeBinary.run([
            "--data", RealizeBinary.fixtures.appendingPathComponent("portfolio").path,
            "--format", "csv", "-c", ".tables", "-c", ".schema financials",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("name,rows,columns\nfinancials,5,5\nprojects,6,9\n"))
        #expect(r.stdout.contains("column,type,nulls\nproject_id,text,0\nperiod,period,0\n"))
    }

    @Test func malformedDataFailsAtStart() throws {
        let r = try RealizeBinary.run(["--data", RealizeBinary.fixtures.appendingPathComponent("malformed/bad.csv").path, "-c", ".tables"])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("bad.csv:3:2: error:"))
    }
}
