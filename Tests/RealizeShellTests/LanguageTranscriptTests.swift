import Foundation
import Testing

/// Golden transcripts of the one language on the embedded sample portfolio: table commands as sources,
/// `chart` as a stage, help derived from a command's declaration, comments read alike everywhere.
/// Each `Fixtures/language/NAME.rz` runs as a script; `REALIZE_RECORD=1 swift test …` re-records `NAME.out`.
@Suite struct LanguageTranscriptTests {
    static var folder: URL { RealizeBinary.fixtures.appendingPathComponent("language") }

    static var scripts: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".rz") }.sorted()
    }

    @Test(.tags(.queryEngine), arguments: scripts)
    func transcript(_ script: String) throws {
        let r = try RealizeBinary.run([script], currentDirectory: Self.folder)
        var text = r.stdout
        if !r.stderr.isEmpty { text += "--- stderr\n" + r.stderr }
        text += "--- exit \(r.status)\n"
        expectMatchesGolden(text, file: Self.folder.appendingPathComponent(script.replacingOccurrences(of: ".rz", with: ".out")))
    }

    @Test func thereAreTranscripts() {
        #expect(Self.scripts.count >= 8)
    }

    /// CSV output carries only data: `let` says nothing there.
    @Test func letIsSilentInCSV() throws {
        let r = try RealizeBinary.run(["--format", "csv", "-c", "let x = projects | take 2; x | select project_id"])
        #expect(r.status == 0)
        #expect(r.stdout == "project_id\nP001\nP002\n", "\(r.stdout)")
    }

    /// A chart whose column does not exist fails before anything runs, pointing at the column.
    @Test func chartColumnsAreCheckedFirst() throws {
        let r = try RealizeBinary.run(["-c", "evm by program | chart bar program cpii"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("unknown column `cpii`") && r.stderr.contains("did you mean `cpi`?"), "\(r.stderr)")
    }
}
