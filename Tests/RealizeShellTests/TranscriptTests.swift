import Foundation
import Testing

/// Golden transcripts: each `Fixtures/transcripts/NAME.rz` is run as a script over the fixture
/// portfolio; its standard output, standard error and exit status must equal `NAME.out`.
/// A first line `# options: --keep-going --echo` adds those options (split at spaces) before the script.
/// `REALIZE_RECORD=1 swift test …` re-records them.
@Suite struct TranscriptTests {
    static var folder: URL { RealizeBinary.fixtures.appendingPathComponent("transcripts") }

    static var scripts: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".rz") }.sorted()
    }

    @Test(.tags(.queryEngine), arguments: scripts)
    func transcript(_ script: String) throws {
        let text = try String(contentsOf: Self.folder.appendingPathComponent(script), encoding: .utf8)
        let firstLine = text.prefix { $0 != "\n" }
        let options = firstLine.hasPrefix("# options: ") ? firstLine.dropFirst(11).split(separator: " ").map(String.init) : []
        let r = try RealizeBinary.run(["--data", "../portfolio"] + options + [script], currentDirectory: Self.folder)
        var transcript = r.stdout
        if !r.stderr.isEmpty { transcript += "--- stderr\n" + r.stderr }
        transcript += "--- exit \(r.status)\n"
        expectMatchesGolden(transcript, file: Self.folder.appendingPathComponent(script.replacingOccurrences(of: ".rz", with: ".out")))
    }

    @Test func thereAreTranscripts() {
        #expect(Self.scripts.count >= 3)
    }
}
