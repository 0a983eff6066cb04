import FuzzSupport
import RealizeQuery

/// libFuzzer entry point: the input is statement text (invalid UTF-8 repaired as the shell does).
///
/// Lexes and parses it with the sample session's commands and tables, asks every ``StatementText`` question
/// the shell, scripts and notebooks ask, and completes at the end and in the middle. Nothing may trap;
/// a syntax error is a thrown ``QueryError`` with at least one diagnostic whose range lies inside the text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParse(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let text = FuzzCheck.text(FuzzDriver.bytes(data, count))
    let session = FuzzCatalogs.sample
    do {
        _ = try session.parse(text)
    } catch {
        if error.diagnostics.isEmpty { FuzzCheck.fail("a parse error without a diagnostic") }
        let length = text.utf8.count
        for d in error.diagnostics where d.range.start.offset < 0 || d.range.start.offset > length {
            FuzzCheck.fail("diagnostic \(d.id) starts at \(d.range.start.offset), outside 0...\(length)")
        }
    }
    let offsets = StatementText.separatorOffsets(in: text)
    for o in offsets where o < 0 || o >= text.utf8.count { FuzzCheck.fail("separator offset \(o) outside the text") }
    _ = StatementText.isBlank(text)
    _ = StatementText.isIncomplete(text)
    _ = QuerySession.isIncomplete(text)
    for line in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(16) {
        _ = StatementText.continuesPipeline(String(line))
    }
    _ = session.completions(source: text, cursor: text.utf8.count)
    _ = session.completions(source: text, cursor: text.utf8.count / 2)
    return 0
}
