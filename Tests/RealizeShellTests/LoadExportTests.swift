import Foundation
import RealizeStore
import Testing
@testable import RealizeShell

/// `.load` and `.export`, through the binary and through a session in this process.
@Suite struct LoadExportTests {
    /// A session over the fixture portfolio whose output is captured.
    final class Captured {
        var out = ""
        var err = ""
        lazy var session: ShellSession = {
            var catalog = Catalog()
            let path = RealizeBinary.fixtures.appendingPathComponent("portfolio").path
            for (name, table) in (try? PortfolioLoader.load(path: path)) ?? [] { catalog.set(name, table) }
            return ShellSession(catalog: catalog, format: .csv, output: ShellOutput(out: { self.out += $0 }, err: { self.err += $0 }))
        }()

        func run(_ line: String) -> ShellSession.Outcome {
            var acc = StatementAccumulator()
            var outcome = ShellSession.Outcome.success
            for s in acc.feed(line, lineNumber: 1) + [acc.finish()].compactMap({ $0 }) {
                outcome = session.execute(s, sourceName: "query")
            }
            return outcome
        }
    }

    @Test func malformedLoadNamesThePlaceAndLeavesTheCatalogAlone() throws {
        let c = Captured()
        let bad = RealizeBinary.fixtures.appendingPathComponent("malformed/bad.csv").path
        #expect(c.run(".load \(bad) as projects") == .failure)
        #expect(c.err.contains("bad.csv:3:2: error:"), "\(c.err)")
        #expect(c.run(".tables") == .success)
        #expect(c.out == "name,rows,columns\nfinancials,5,5\nprojects,6,9\n")
    }

    @Test func malformedLoadThroughTheBinary() throws {
        let bad = RealizeBinary.fixtures.appendingPathComponent("malformed/extra_field.csv").path
        let r = try RealizeBinary.run(["-c", ".load '\(bad)'"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("extra_field.csv:3:4: error: too many fields"), "\(r.stderr)")
    }

    @Test func loadAddsAndRenamesTables() throws {
        let c = Captured()
        let file = RealizeBinary.fixtures.appendingPathComponent("portfolio/projects.csv").path
        #expect(c.run(".load \(file) as extract") == .success)
        #expect(c.run(".tables") == .success)
        #expect(c.out.contains("extract,6,9\n"))
        let folder = RealizeBinary.fixtures.appendingPathComponent("portfolio").path
        #expect(c.run(".load \(folder) as x") == .failure)
        #expect(c.err.contains("single file"))
    }

    @Test(.tags(.queryEngine)) func exportWritesTheLastResult() throws {
        let folder = try RealizeBinary.temporaryFolder()
        let target = folder.appendingPathComponent("out.csv")
        let r = try RealizeBinary.run([
            "--data", RealizeBinary.fixtures.appendingPathComponent("portfolio").path,
            "-c", "projects | sort project_id | take 2 | select project_id, project, budget",
            "-c", ".export \(target.path) --bom",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let bytes = try [UInt8](Data(contentsOf: target))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(
            String(decoding: bytes.dropFirst(3), as: UTF8.self)
                == "project_id,project,budget\nP01,Atlas ERP Rollout,4800000.00\nP02,Payroll Consolidation,1350000.00\n")
    }

    @Test func exportWithoutAResultSaysSo() throws {
        let c = Captured()
        #expect(c.run(".export /tmp/never-written.csv") == .failure)
        #expect(c.err.contains("no result"))
    }

    @Test(.tags(.queryEngine)) func exportIntoAMissingFolderFailsAndKeepsTheOldFile() throws {
        let folder = try RealizeBinary.temporaryFolder()
        let existing = folder.appendingPathComponent("keep.csv")
        try "old,content\n1,2\n".write(to: existing, atomically: true, encoding: .utf8)
        let missing = folder.appendingPathComponent("no/such/folder/out.csv").path
        let r = try RealizeBinary.run(["-c", "projects | take 1", "-c", ".export \(missing)"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("does not exist"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: missing))
        // Exporting over an existing file through a path that cannot be written leaves it intact.
        let c = Captured()
        #expect(c.run("projects | take 1") == .success)
        #expect(c.run(".export \(folder.path)") == .failure)
        #expect(try String(contentsOf: existing, encoding: .utf8) == "old,content\n1,2\n")
        #expect(c.run(".export \(existing.path) --no-neutralise") == .success)
        #expect(try String(contentsOf: existing, encoding: .utf8).hasPrefix("project_id,"))
    }
}
