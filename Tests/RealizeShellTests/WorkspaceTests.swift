import Foundation
import RealizeStore
import RealizeTestSupport
import Testing

/// `.save`, `.open`, `realize PATH` and `--cache`, through the real binary.
@Suite struct WorkspaceTests {
    static let setup = [
        "-c", "let overruns = financials | by project_id agg cv = sum(earned_value) - sum(actual_cost) | top 5 by -cv",
        "-c", ".set fiscal_year_start 4", "-c", ".set today 2025-12-31", "-c", ".param set period 2025-06", "-c", ".param set who 'Seán'",
    ]

    /// Every table as CSV, in name order, from a session started with `arguments`.
    static func dump(_ arguments: [String]) throws -> String {
        var args = arguments
        for name in ["projects", "financials", "benefits", "nps", "maturity", "overruns"] { args += ["-c", name] }
        let r = try RealizeBinary.run(args + ["--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout
    }

    @Test func savedSessionReopensWithTablesLetsSettingsAndParameters() throws {
        let folder = try RealizeBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ws = folder.appendingPathComponent("q4.realize").path
        let saved = try RealizeBinary.run(Self.setup + ["-c", ".save \(ws)"])
        #expect(saved.status == 0, "\(saved.stderr)")
        let manifest = try String(contentsOfFile: ws + "/manifest.json", encoding: .utf8)
        #expect(manifest.contains("\"isLet\" : true") && manifest.contains("\"name\" : \"overruns\""))
        // The same tables, through `realize PATH` and through `.open`.
        let expected = try Self.dump(Self.setup)
        #expect(try Self.dump([ws]) == expected)
        #expect(try Self.dump(["-c", ".open \(ws)"]) == expected)
        let settings = try RealizeBinary.run([ws, "-c", ".set", "-c", ".param", "--format", "csv"])
        #expect(settings.stdout.contains("fiscal_year_start 4") && settings.stdout.contains("today 2025-12-31"))
        #expect(settings.stdout.contains("$period,period,2025-06") && settings.stdout.contains("$who,text,Seán"))
        // Saving again over the workspace replaces it; a let of the reopened session is still a let.
        let again = try RealizeBinary.run([ws, "-c", ".export \(folder.path)/lets.json --named", "-c", ".save \(ws)"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try String(contentsOfFile: folder.path + "/lets.json", encoding: .utf8).contains("\"cv\""))
    }

    @Test func corruptFilesAreClearErrorsAndLeaveTheSessionAsItWas() throws {
        let folder = try RealizeBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ws = folder.appendingPathComponent("w.realize").path
        #expect(try RealizeBinary.run(["-c", ".save \(ws)"]).status == 0)
        let file = ws + "/projects.arrow"
        let good = try Data(contentsOf: URL(fileURLWithPath: file))
        let cases: [(String, Data, String)] = [
            ("truncated", good.prefix(good.count / 2), "is truncated"),
            ("flipped magic", Data("XRROW1".utf8) + good.dropFirst(6), "does not start with ARROW1"),
            ("bad footer length", good.prefix(good.count - 10) + Data([0xFF, 0xFF, 0xFF, 0x7F]) + good.suffix(6), "footer length"),
            ("foreign", Data("project_id,budget\nP1,10\n".utf8), "not an Arrow IPC file"),
            ("empty", Data(), "not an Arrow IPC file"),
        ]
        for (what, bytes, message) in cases {
            try bytes.write(to: URL(fileURLWithPath: file))
            let r = try RealizeBinary.run(["-c", ".open \(ws)", "-c", "projects | agg n = count()"])
            #expect(r.status == 1, "\(what)")
            #expect(r.stderr.contains("projects.arrow") && r.stderr.contains(message), "\(what): \(r.stderr)")
            // Kept going, the session still has the sample portfolio.
            let kept = try RealizeBinary.run(["--keep-going", "-c", ".open \(ws)", "-c", "projects | agg n = count()", "--format", "csv"])
            #expect(kept.stdout == "n\n35\n", "\(what): \(kept.stdout)")
            let direct = try RealizeBinary.run([ws, "-c", "projects"])
            #expect(direct.status == 1 && direct.stderr.contains("projects.arrow"), "\(what)")
        }
        try Data("{\"format\": 1}".utf8).write(to: URL(fileURLWithPath: ws + "/manifest.json"))
        let r = try RealizeBinary.run(["-c", ".open \(ws)"])
        #expect(r.status == 1 && r.stderr.contains("manifest.json"), "\(r.stderr)")
        let notWorkspace = try RealizeBinary.run(["-c", ".save \(folder.path)"])
        #expect(notWorkspace.status == 1 && notWorkspace.stderr.contains("holds no workspace"), "\(notWorkspace.stderr)")
    }

    @Test func cacheIsReusedUntilACSVChanges() throws {
        let folder = try RealizeBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data").path
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        try "id,amount\nA,1.50\nB,2.25\n".write(toFile: data + "/costs.csv", atomically: false, encoding: .utf8)
        let env = ["XDG_CACHE_HOME": folder.appendingPathComponent("cache").path]
        let args = ["--data", data, "--cache", "-c", "costs | agg total = sum(amount)", "--format", "csv"]
        let first = try RealizeBinary.run(args, environment: env)
        #expect(first.status == 0 && first.stdout == "total\n3.75\n", "\(first.stderr)")
        #expect(first.stderr.contains("cached in"), "\(first.stderr)")
        let second = try RealizeBinary.run(args, environment: env)
        #expect(second.stdout == "total\n3.75\n" && second.stderr.contains("from cache, saved"), "\(second.stderr)")
        try "id,amount\nA,1.50\nB,2.25\nC,1\n".write(toFile: data + "/costs.csv", atomically: false, encoding: .utf8)
        let third = try RealizeBinary.run(args, environment: env)
        #expect(third.stdout == "total\n4.75\n" && !third.stderr.contains("from cache"), "\(third.stderr)")
        let fourth = try RealizeBinary.run(args, environment: env)
        #expect(fourth.stdout == "total\n4.75\n" && fourth.stderr.contains("from cache"), "\(fourth.stderr)")
    }

    @Test func exportAndLoadOneArrowFile() throws {
        let folder = try RealizeBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("evm.arrow").path
        let q = "financials | by project_id agg ac = sum(actual_cost) | sort project_id"
        let r = try RealizeBinary.run(["-c", q, "-c", ".export \(file)", "-c", ".load \(file) as back", "-c", "back", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let halves = r.stdout.components(separatedBy: "project_id,ac\n").filter { !$0.isEmpty }
        #expect(halves.count == 2 && halves[0] == halves[1])
    }
}
