import Foundation
import Testing

/// Compares text with a golden file; `REALIZE_RECORD=1` writes the file instead.
///
/// On a mismatch the failure shows the first differing line, expected and actual.
func expectMatchesGolden(_ actual: String, file golden: URL, sourceLocation: SourceLocation = #_sourceLocation) {
    if ProcessInfo.processInfo.environment["REALIZE_RECORD"] == "1" {
        try? actual.write(to: golden, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: golden, encoding: .utf8) else {
        Issue.record("missing golden file \(golden.lastPathComponent); run with REALIZE_RECORD=1 to record it", sourceLocation: sourceLocation)
        return
    }
    if expected == actual { return }
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let line = zip(e, a).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(e.count, a.count)
    let want = line < e.count ? String(e[line]) : "<end of file>"
    let got = line < a.count ? String(a[line]) : "<end of output>"
    Issue.record(
        """
        \(golden.lastPathComponent) differs at line \(line + 1) (REALIZE_RECORD=1 re-records):
          expected: \(want)
            actual: \(got)
        --- actual output ---
        \(actual)
        """, sourceLocation: sourceLocation)
}
