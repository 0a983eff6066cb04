import Foundation
import Testing

/// Compares rendered text with a golden file under `Fixtures/rendering/`.
///
/// Golden files are read from the test bundle (`Bundle.module`). Run with `REALIZE_RECORD=1`
/// to (re)write them in the source tree, found from this file's `#filePath`; then rebuild
/// so that the bundle holds the new copies.
enum RenderingGolden {
    static var recording: Bool { ProcessInfo.processInfo.environment["REALIZE_RECORD"] == "1" }

    /// Expects `actual` to equal the golden file `name` (e.g. `money.txt`).
    static func check(
        _ actual: String, _ name: String,
        filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let source = URL(fileURLWithPath: filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/rendering/\(name)")
        if recording {
            do {
                try FileManager.default.createDirectory(
                    at: source.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: source)
            } catch {
                Issue.record("could not record \(source.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let bundled = Bundle.module.resourceURL?.appendingPathComponent("Fixtures/rendering/\(name)"),
            let data = try? Data(contentsOf: bundled)
        else {
            Issue.record(
                "no golden file rendering/\(name); run with REALIZE_RECORD=1 to create it\n\(actual)",
                sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected == actual { return }
        Issue.record(
            "rendering/\(name) differs (REALIZE_RECORD=1 re-records)\n\(diff(expected, actual))",
            sourceLocation: sourceLocation)
    }

    /// The first differing line, with both versions in full for context.
    static func diff(_ expected: String, _ actual: String) -> String {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var line = 0
        while line < min(e.count, a.count) && e[line] == a[line] { line += 1 }
        let want = line < e.count ? String(e[line]) : "<end>"
        let got = line < a.count ? String(a[line]) : "<end>"
        return "line \(line + 1):\n  expected: \(want)\n  actual:   \(got)\n--- expected\n\(expected)--- actual\n\(actual)"
    }
}
