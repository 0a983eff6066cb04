import Foundation
import Testing

/// Golden transcripts: each `Fixtures/transcripts/NAME.rz` is run as a script over the fixture
/// portfolio; its standard output, standard error and exit status must equal `NAME.out`.
/// `REALIZE_RECORD=1 swift test …` re-records them.
@Suite struct TranscriptTests {
    static var folder: URL { RealizeBinary.fixtures.appendingPathComponent("transcripts") }

    static var scripts: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".rz") }.sorted()
    }

    @Test(.tags(.queryEngine), arguments: scripts)
    func transcript(_ script: String) throws {
        let r = try RealizeBinary.run(["--data", "../portfolio", script], currentDirectory: Self.folder)
        var text = r.stdout
        if !r.stderr.isEmpty { text += "--- stderr\n" + r.stderr }
        text += "--- exit \(r.status)\n"
        expectMatchesGolden(text, file: Self.folder.appendingPathComponent(script.replacingOccurrences(of: ".rz", with: ".out")))
    }

    @Test func thereAreTranscripts() {
        #expect(Self.scripts.count >= 3)
    }
}
